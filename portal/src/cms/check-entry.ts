import {
  NewsImageSchema,
  NewsItemSchema,
  ProgrammeSchema,
  validateRecord,
} from '@behzisti/core/schemas';

/**
 * The build's checks for one file the editor saves, with the build's messages: core's schemas
 * (the same NewsItemSchema the news collection uses, the same ProgrammeSchema the programme
 * loader uses), explained by core's validateRecord. Runs in the browser before saving
 * (cms/admin.ts) and again on the server before writing (cms/local-backend.ts).
 */

export type EntryKind = 'news' | 'programme';

/** `field: message` lines, as `astro build` prints them; empty when the build would accept it. */
export function checkEntry(kind: EntryKind, data: unknown): string[] {
  const check = validateRecord(kind === 'news' ? NewsItemSchema : ProgrammeSchema, data);
  if (check.ok) return [];
  return check.issues.map((issue) =>
    issue.field ? `${issue.field}: ${issue.message}` : issue.message,
  );
}

/** News fields the editor checks on their own, as the person types, with core's schema. */
const NEWS_FIELDS = {
  title: NewsItemSchema.shape.title,
  summary: NewsItemSchema.shape.summary,
  date: NewsItemSchema.shape.date,
  code: NewsItemSchema.shape.code,
  office: NewsItemSchema.shape.office,
  'image.alt': NewsImageSchema.shape.alt,
  'image.caption': NewsImageSchema.shape.caption,
};
export type NewsField = keyof typeof NEWS_FIELDS;
export const isNewsField = (name: unknown): name is NewsField =>
  typeof name === 'string' && Object.hasOwn(NEWS_FIELDS, name);

/**
 * The build's message for one news field on its own (the editor's widgets show it by the field
 * while the person types), or undefined when the value is fine.
 */
export function checkNewsField(field: NewsField, value: unknown): string | undefined {
  const check = validateRecord(NEWS_FIELDS[field], value);
  return check.ok ? undefined : check.issues.map((issue) => issue.message).join('; ');
}

/** The most characters core's schema allows in a news text field (the editor's counter), if any. */
export function newsFieldMax(field: NewsField): number | undefined {
  const schema = NEWS_FIELDS[field];
  const text = 'unwrap' in schema ? schema.unwrap() : schema;
  const max = 'maxLength' in text ? text.maxLength : undefined;
  return typeof max === 'number' ? max : undefined;
}

/** The kind of content a repository path holds, or undefined when the editor has no checks for it. */
export function kindOfPath(path: string): EntryKind | undefined {
  if (/\/news\/(?:fa|en)\/[^/]+\.md$/.test(path)) return 'news';
  if (/\/programmes\/[^/]+\.ya?ml$/.test(path)) return 'programme';
  return undefined;
}

/**
 * Values an editor form leaves behind that are not in the data: an untouched optional field
 * comes back as '' or null, an image field without a picture as { src: '', alt: '' }. The
 * build treats `province: ''` as a wrong province id, so they are dropped before checking and
 * saving, the way a person writing the file by hand would leave the line out.
 */
export function withoutEmptyValues(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutEmptyValues).filter((item) => !isEmpty(item));
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const cleaned = withoutEmptyValues(item);
      if (!isEmpty(cleaned)) out[key] = cleaned;
    }
    return out;
  }
  return value;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value === '';
  if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date))
    return Object.keys(value).length === 0;
  return false;
}
