import type { Household, Raw } from './answers.ts';
import type { AnyQuestion } from './messages.ts';

/** What the question's form (in `root`) holds for one field: its text, choice, or choices. */
export function fieldValue(root: ParentNode, question: AnyQuestion, name: string): Raw {
  const data = new FormData(root.querySelector('form') as HTMLFormElement);
  return question.type === 'several-of'
    ? data.getAll(name).map(String)
    : ((data.get(name) as string | null) ?? undefined);
}

/** What was typed for each of `count` household members (kept before the list is re-rendered). */
export function typedMembers(
  root: ParentNode,
  question: Household,
  count: number,
): Record<string, Raw>[] {
  return Array.from({ length: count }, (_, i) =>
    Object.fromEntries(
      question.member_questions.map((mq) => [mq.id, fieldValue(root, mq, `m${i}-${mq.id}`)]),
    ),
  );
}
