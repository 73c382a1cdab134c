// Data schemas of the kit (zod 4) and their helpers. JSON Schema versions live in ../../schemas/.
export * from './explain-issues.ts';
export * from './feedback.ts';
export * from './json-schema.ts';
export * from './localized-text.ts';
export * from './news-item.ts';
export * from './primitives.ts';
export * from './programme.ts';
export * from './programme-condition.ts';
export * from './programme-question.ts';
export * from './programme-tests.ts';
export * from './provinces.ts';
export * from './registry.ts';
export * from './schedule.ts';
export * from './service-base.ts';
