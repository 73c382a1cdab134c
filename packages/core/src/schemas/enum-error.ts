// Kept apart from primitives.ts (no imports), so a schema that needs only this does not bring
// the date parsing into a widget's bundle.

/**
 * The error of a closed list of values (`z.enum(values, { error: notOneOf(…) })`): names the
 * value given and what to use instead. An absent value gets no message here, so it is left to
 * the generic "required field is missing".
 */
export const notOneOf =
  (what: string, use: string) =>
  (issue: { input?: unknown }): string | undefined =>
    issue.input === undefined ? undefined : `'${String(issue.input)}' is not ${what}; use ${use}`;
