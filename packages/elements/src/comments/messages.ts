import { msg, str } from '@lit/localize';
import {
  type Failure,
  serviceSentence,
  tryAgainInSentence,
  unreadableAnswerSentence,
} from '../shared/errors.ts';
import { MESSAGE_MAX, NAME_MAX } from '../shared/form/fields.ts';
import type { Locale } from '../shared/locale.ts';

// Every sentence of bz-comments that depends on a typed code: call these while rendering.

export type Problem = 'message-empty' | 'message-long' | 'name-long';
export type Field = 'message' | 'name';
type Digits = (value: number) => string;

/** What a person writes in the comment form. */
export interface CommentValues {
  message: string;
  name: string;
}

/** The problems of a comment before it is sent. */
export function validateComment(message: string, name: string): Partial<Record<Field, Problem>> {
  const problems: Partial<Record<Field, Problem>> = {};
  if (message.trim() === '') problems.message = 'message-empty';
  else if (message.length > MESSAGE_MAX) problems.message = 'message-long';
  if (name.trim().length > NAME_MAX) problems.name = 'name-long';
  return problems;
}

/** The service's field errors (422) on the comment's fields. */
export function problemsOfServerFields(
  fields: readonly { field: string }[],
  message: string,
): Partial<Record<Field, Problem>> {
  const problems: Partial<Record<Field, Problem>> = {};
  for (const { field } of fields) {
    if (field === 'message')
      problems.message = message.length > MESSAGE_MAX ? 'message-long' : 'message-empty';
    if (field === 'name') problems.name = 'name-long';
  }
  return problems;
}

/** Why loading (`sending` false) or sending failed, and what to do. */
export function failureText(
  failure: Failure,
  sending: boolean,
  locale: Locale,
  digits: Digits,
): string {
  if (failure.kind === 'network') {
    return sending
      ? msg('اتصال برقرار نشد و دیدگاه فرستاده نشد. متن شما در فرم مانده است؛ دوباره بفرستید.')
      : msg('دیدگاه‌ها بارگذاری نشدند. اتصال اینترنت را بررسی کنید و دوباره امتحان کنید.');
  }
  if (failure.kind === 'rate-limited') return tryAgainInSentence(failure.seconds ?? 60, digits);
  return serviceSentence(failure, locale) ?? unreadableAnswerSentence();
}

export function problemText(problem: Problem, digits: Digits): string {
  switch (problem) {
    case 'message-empty':
      return msg('دیدگاه خود را بنویسید');
    case 'message-long':
      return msg(str`دیدگاه را کوتاه‌تر کنید: حداکثر ${digits(MESSAGE_MAX)} حرف`);
    case 'name-long':
      return msg(str`نام را کوتاه‌تر بنویسید: حداکثر ${digits(NAME_MAX)} حرف`);
  }
}
