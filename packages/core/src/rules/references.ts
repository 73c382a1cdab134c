import type { Condition } from '../schemas/programme-condition.ts';

/** The ids a condition refers to: questions (households of counts included) and member questions. */
export interface ConditionRefs {
  questions: Set<string>;
  /** Member question ids used in counts, by household question id. */
  members: Map<string, Set<string>>;
}

/** An empty set of references, to fill with `addRefs`. */
export function emptyRefs(): ConditionRefs {
  return { questions: new Set(), members: new Map() };
}

/** Adds the references of `condition` (if any) to `refs` and returns `refs`. */
export function addRefs(condition: Condition | undefined, refs: ConditionRefs): ConditionRefs {
  if (!condition) return refs;
  if ('all' in condition) for (const part of condition.all) addRefs(part, refs);
  else if ('any' in condition) for (const part of condition.any) addRefs(part, refs);
  else if ('not' in condition) addRefs(condition.not, refs);
  else if ('count' in condition) {
    const household = condition.count.household;
    refs.questions.add(household);
    const where = addRefs(condition.count.where, emptyRefs());
    const members = refs.members.get(household) ?? new Set();
    for (const id of where.questions) members.add(id);
    refs.members.set(household, members);
  } else refs.questions.add(condition.question);
  return refs;
}

/** Every numeric constant and option value a condition compares each question with. */
export function addConstants(
  condition: Condition | undefined,
  out: Map<string, { numbers: Set<number>; options: Set<string> }>,
): void {
  if (!condition) return;
  if ('all' in condition) for (const part of condition.all) addConstants(part, out);
  else if ('any' in condition) for (const part of condition.any) addConstants(part, out);
  else if ('not' in condition) addConstants(condition.not, out);
  else if ('count' in condition) addConstants(condition.count.where, out);
  else {
    const entry = out.get(condition.question) ?? { numbers: new Set(), options: new Set() };
    out.set(condition.question, entry);
    for (const value of [
      condition.equals,
      condition.less_than,
      condition.at_most,
      condition.greater_than,
      condition.at_least,
      condition.between?.min,
      condition.between?.max,
    ])
      if (typeof value === 'number') entry.numbers.add(value);
    if (condition.includes !== undefined) entry.options.add(condition.includes);
  }
}
