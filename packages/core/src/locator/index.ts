// The locator's data side: building the published index and chunks, reading them, choosing
// which chunks to fetch, nearest search over loaded chunks and text search over names.
// build.ts and validate.ts use zod and run at build time; the rest is small and runs in the
// browser (import from here; bundlers drop the build modules the element does not use).
export * from './build.ts';
export * from './center.ts';
export * from './distance.ts';
export * from './format.ts';
export * from './hash.ts';
export * from './paths.ts';
export * from './plan.ts';
export * from './quadtree.ts';
export * from './read.ts';
export * from './records.ts';
export * from './search.ts';
export * from './validate.ts';
