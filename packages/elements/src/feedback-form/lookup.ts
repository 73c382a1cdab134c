import { normalizeDigits } from '@behzisti/core/text';
import { formatTrackingCode, parseTrackingCode } from '@behzisti/core/tracking-code';
import type { Failure } from '../shared/errors.ts';
import type { Locale } from '../shared/locale.ts';
import type { CodeProblem } from './messages.ts';

/**
 * The typed code in the form the service takes (`4831-0967-2254-7195`), or why it cannot be
 * right: caught before any request, the check digit finds a mistyped or swapped digit.
 */
export function checkCode(text: string): { code: string } | { problem: CodeProblem } {
  const parsed = parseTrackingCode(text);
  if (parsed.ok) return { code: formatTrackingCode(parsed.code, 'en') };
  return {
    problem: { kind: parsed.error, digits: normalizeDigits(text).replace(/\D/g, '').length },
  };
}

/** A lookup the service refused because of the code itself, as a problem of the code field. */
export function codeProblemOf(failure: Failure, locale: Locale): CodeProblem | undefined {
  if (failure.kind !== 'service') return undefined;
  if (failure.code === 'UNKNOWN_TRACKING_CODE') {
    return { kind: 'UNKNOWN', text: failure.message?.[locale] };
  }
  if (failure.code === 'INVALID_TRACKING_CODE') return { kind: 'CHECK_DIGIT', digits: 16 };
  return undefined;
}
