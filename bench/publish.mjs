// `pnpm bench publish`: commit-to-live through the publish pipeline (portal/server/publish/),
// as the office lives it: a news item changes in the content checkout, and the clock runs until
// the running server (release mode, portal/server.ts) answers the article with the new text. One
// round builds the whole site into a new release and switches the server to it. The pipeline's
// poll interval (30 s by default; nothing with the forge's webhook) comes on top.
//
// BENCH_PUBLISH_ITEMS: `own` (the repository's news, the default), or generated archive sizes
// (bench/generate-news.mjs), e.g. `own,10000`: a 10,000-item build takes minutes. Needs the portal
// built first (portal/dist: the release live before the change).
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeNews } from './generate-news.mjs';

const portalDir = new URL('../portal/', import.meta.url).pathname;

/**
 * The portal's modules, by URL so TypeScript's bench project does not follow them.
 * @returns {Promise<{
 *   publishRound: (options: object, memory: object) => Promise<{ outcome: string }>,
 *   startPortalServer: (dist?: string, env?: Record<string, string>) => Promise<{ baseUrl: string, stop: () => void }>,
 *   tempFolder: (name: string) => { path: string, remove: () => void },
 *   releasesOfBuild: (name: string) => { path: string, remove: () => void },
 * }>}
 */
async function portalModules() {
  const pipeline = await import(
    new URL('../portal/server/publish/pipeline.ts', import.meta.url).href
  );
  const server = await import(new URL('../portal/e2e/server.setup.ts', import.meta.url).href);
  // The e2e tests' folders: a temporary one, and releases whose live one is portal/dist.
  const temp = await import(new URL('../portal/e2e/temp.ts', import.meta.url).href);
  return { ...pipeline, ...temp, startPortalServer: server.startPortalServer };
}

/**
 * @param {string} size `own` or a number of generated items
 * @returns {Promise<import('./lib.mjs').Row>}
 */
async function measure(size) {
  const { publishRound, startPortalServer, tempFolder, releasesOfBuild } = await portalModules();
  // What is live before the change: the portal's own build (hard links: instant).
  const releases = releasesOfBuild('bench');
  const releasesDir = releases.path;
  const news = tempFolder('bench-publish');
  const newsDir = news.path;
  let stop = () => {};
  try {
    let items;
    if (size === 'own') {
      cpSync(join(portalDir, 'src/content/news'), newsDir, { recursive: true });
      items = readdirSync(join(newsDir, 'fa')).length + readdirSync(join(newsDir, 'en')).length;
    } else {
      const written = writeNews(newsDir, Number(size), 1);
      items = written.fa + written.en;
    }
    const server = await startPortalServer(undefined, {
      PORTAL_RELEASES: releasesDir,
      PORTAL_NEWS_DIR: newsDir,
    });
    stop = server.stop;

    // The change: one item's title, as the editor would commit it.
    const name = readdirSync(join(newsDir, 'fa')).sort()[0] ?? 'missing.md';
    const file = join(newsDir, 'fa', name);
    const marker = `(ویرایش ${Date.now()})`;
    const text = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      /^title: ".*"$/m.test(text)
        ? text.replace(/^title: "(.*)"$/m, `title: "$1 ${marker}"`)
        : text.replace(/^title: (.*)$/m, `title: $1 ${marker}`),
    );
    const article = `${server.baseUrl}/news/${name.replace(/\.md$/, '')}/`;

    const start = performance.now();
    const round = await publishRound(
      {
        portalDir,
        releasesDir,
        contentDir: join(portalDir, 'src/content'),
        newsDir,
        keep: 2,
        graceMs: 600_000,
        /** @param {string} event @param {{ output?: string }} [fields] */
        log: (event, fields) => {
          if (event === 'publish-failed') console.error(fields?.output);
        },
      },
      {},
    );
    if (round.outcome !== 'published') throw new Error(`publish round: ${round.outcome}`);
    while (!(await (await fetch(article)).text()).includes(marker)) {
      await new Promise((done) => setTimeout(done, 100));
    }
    const seconds = (performance.now() - start) / 1000;
    return {
      figure: `commit-to-live, ${size === 'own' ? 'own content' : 'generated'} (${items.toLocaleString('en')} news)`,
      value: `${seconds.toFixed(1)} s`,
      note: 'change → new release built → running server answers it; + poll interval (30 s) without the webhook; target ≤ 3 min at 10,000',
    };
  } finally {
    stop();
    releases.remove();
    news.remove();
  }
}

/** @returns {Promise<import('./lib.mjs').Row[]>} */
export default async function publishRows() {
  if (!existsSync(join(portalDir, 'dist/server/entry.mjs'))) {
    throw new Error('bench publish: build the portal first (pnpm build)');
  }
  const sizes = (process.env.BENCH_PUBLISH_ITEMS ?? 'own').split(',').map((size) => size.trim());
  /** @type {import('./lib.mjs').Row[]} */
  const rows = [];
  for (const size of sizes) rows.push(await measure(size));
  return rows;
}
