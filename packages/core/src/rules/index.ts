// The eligibility rules engine (issue 4): pure functions over programmes validated by
// ProgrammeSchema and plain-JSON answers. No DOM; the element and check-rules both use it.
export * from './analysis.ts';
export * from './answers.ts';
export * from './condition.ts';
export * from './evaluate.ts';
export * from './next-question.ts';
export * from './rule-book.ts';
export * from './state.ts';
export * from './table-tests.ts';
export * from './types.ts';
export * from './years.ts';
