// `pnpm bench`: prints a table of performance and size figures. These are measurements for
// people to read and compare between versions, not pass/fail tests (tests check behaviour and
// deterministic byte budgets; wall-clock time depends on the machine). Each module below
// returns rows; add a module to add rows. `pnpm bench core` runs only the named modules.
/** @type {Record<string, () => Promise<import('./lib.mjs').Row[]>>} */
const modules = {
  core: async () => (await import('./core.mjs')).default(),
  feedback: async () => (await import('./feedback.mjs')).default(),
  // The full portal server under autocannon: a page and a submission, SQLite and PostgreSQL,
  // one and two instances (about two minutes). `pnpm bench http` runs it alone.
  http: async () => (await import('./http.mjs')).default(),
  locator: async () => (await import('./locator.mjs')).locatorRows(),
  // Builds the portal three times (own content, 1,000 and 10,000 generated news) and runs
  // Lighthouse: a few minutes. `pnpm bench portal` runs it alone.
  portal: async () => (await import('./portal.mjs')).default(),
  // Commit-to-live through the publish pipeline (a change → new release → the running server
  // answers it): one portal build per size (BENCH_PUBLISH_ITEMS=own,10000). Build the portal first.
  publish: async () => (await import('./publish.mjs')).default(),
  rules: async () => (await import('./rules.mjs')).rulesRows(),
  // The portal built with a generated archive, step by step (10,000 items; BENCH_SCALE_ITEMS for
  // more): many minutes. `pnpm bench scale` runs it alone; it is left out of a plain `pnpm bench`.
  scale: async () => (await import('./scale.mjs')).default(sizes),
  // The built portal in portal/dist (or PORTAL_DIST): relevance over the evaluation set and the
  // bytes of a first query. Build the portal first.
  search: async () => (await import('./search.mjs')).default(),
  // Citizen tasks on emulated Regular 2G and Slow 3G with a 4× CPU slowdown, against the built
  // portal (portal/dist): a few minutes. `pnpm bench slow-link` runs it alone.
  'slow-link': async () => (await import('./slow-link.mjs')).default(),
  'widget-size': async () => (await import('./widget-size.mjs')).default(),
};

// Numbers are sizes for `pnpm bench scale` (e.g. `pnpm bench scale 200000`).
// Options (`--reuse`) are the named module's own: `pnpm bench scale 200000 --reuse`.
const wanted = process.argv
  .slice(2)
  .filter((arg) => !/^[\d_,]+$/.test(arg) && !arg.startsWith('--'));
const sizes = process.argv.slice(2).filter((arg) => /^[\d_,]+$/.test(arg));
/** @type {import('./lib.mjs').Row[]} */
const rows = [];
for (const [name, measure] of Object.entries(modules)) {
  if (wanted.length > 0 ? !wanted.includes(name) : name === 'scale') continue;
  process.stderr.write(`bench: ${name}…\n`);
  rows.push(...(await measure()));
}

const width = Math.max(...rows.map((row) => row.figure.length));
const valueWidth = Math.max(...rows.map((row) => row.value.length));
console.log(`${'figure'.padEnd(width)}  ${'value'.padEnd(valueWidth)}  note`);
console.log(`${'-'.repeat(width)}  ${'-'.repeat(valueWidth)}  ----`);
for (const row of rows) {
  console.log(`${row.figure.padEnd(width)}  ${row.value.padEnd(valueWidth)}  ${row.note ?? ''}`);
}
