// Public surface of @behzisti/core. Each module is also importable alone (see package.json exports).
export * from './dates.ts';
export * from './geo.ts';
export * from './hours.ts';
export * from './locator/index.ts';
export * from './rules/index.ts';
export * from './schemas/index.ts';
export * from './text.ts';
export * from './tracking-code.ts';
