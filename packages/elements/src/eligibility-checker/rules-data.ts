import type { Programme } from '@behzisti/core/schemas';

/**
 * A light structural check of the rules JSON before the engine reads it. The rules are
 * validated in full by core's ProgrammeSchema when they are published (publish-programmes,
 * check-rules); this check keeps zod out of the widget's bundle and only makes sure that what
 * the element and the engine read is there and of the right kind, so a broken or hand-edited
 * file gives a message and a list of problems (for the console) instead of an exception.
 */

type Dict = Record<string, unknown>;

const TYPES = ['yes-no', 'number', 'age', 'date', 'one-of', 'several-of', 'household'];
const OUTCOMES = ['likely', 'maybe', 'unlikely'];

const isDict = (value: unknown): value is Dict =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown) => isDict(value) && typeof value.fa === 'string';
/** A list of dicts that each pass `each`; empty only when `optional` (then also absent). */
const isList = (value: unknown, each: (item: Dict) => boolean, optional = false): boolean =>
  Array.isArray(value)
    ? (optional || value.length > 0) && value.every((item) => isDict(item) && each(item))
    : optional && value === undefined;

/** A condition's shape, recursively (what the engine walks). */
const isCondition = (c: unknown): boolean =>
  isDict(c) &&
  (Array.isArray(c.all) || Array.isArray(c.any)
    ? isList(c.all ?? c.any, isCondition)
    : 'not' in c
      ? isCondition(c.not)
      : isDict(c.count)
        ? typeof c.count.household === 'string' &&
          (c.count.where === undefined || isCondition(c.count.where))
        : typeof c.question === 'string');

const isOutcome = (o: unknown) =>
  isDict(o) && OUTCOMES.includes(o.outcome as string) && isText(o.reason);

const isQuestion = (q: Dict, top = true): boolean =>
  typeof q.id === 'string' &&
  isText(q.text) &&
  TYPES.includes(q.type as string) &&
  (q.ask_if === undefined || isCondition(q.ask_if)) &&
  (q.type === 'household'
    ? top && isList(q.member_questions, (m) => isQuestion(m, false))
    : !String(q.type).endsWith('-of') ||
      isList(q.options, (o) => typeof o.value === 'string' && isText(o.label)));

const checks: [string, (p: Dict) => unknown][] = [
  ['id', (p) => typeof p.id === 'string'],
  ['title', (p) => isText(p.title)],
  ['questions', (p) => isList(p.questions, isQuestion)],
  ['rules', (p) => isList(p.rules, (r) => isCondition(r.when) && isOutcome(r))],
  ['otherwise', (p) => isOutcome(p.otherwise)],
  ['next_step', (p) => isDict(p.next_step) && isText(p.next_step.text)],
  [
    'documents',
    (p) => isList(p.documents, (d) => isText(d.name) && (!d.when || isCondition(d.when)), true),
  ],
  ['sources', (p) => isList(p.sources, (s) => isText(s.regulation), true)],
];

/**
 * Accepts the published file `{ programmes: [...] }` or a bare list; returns the programmes
 * (with ProgrammeSchema's defaults for fields left out) and one line per problem found.
 */
export function readProgrammes(data: unknown): { programmes: Programme[]; problems: string[] } {
  const list = isDict(data) ? data.programmes : data;
  if (!Array.isArray(list) || list.length === 0)
    return { programmes: [], problems: ['programmes: expected a non-empty list'] };
  const problems: string[] = [];
  const programmes = list.map((p: unknown, i) => {
    for (const [field, check] of checks)
      if (!isDict(p) || !check(p))
        problems.push(`programmes[${i}].${field}: missing or not in the programme format`);
    return { sample: false, documents: [], sources: [], ...(p as Dict) } as unknown as Programme;
  });
  return { programmes, problems };
}
