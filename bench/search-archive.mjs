// The server's search at archive size, without building the pages: N generated news items
// (bench/generate-news.mjs, the same items `pnpm bench scale` builds) are turned into the records
// the indexer extracts from a built article (title, lede, body; type and province filters), and
// written into a SQLite FTS5 index by the indexer's own function (portal/src/lib/search-index.ts).
// Then the first query is asked as /api/search asks it, and its answer is compressed as the route
// compresses it: the bytes of the answer do not depend on the HTML build, and the search page's
// own files do not depend on the archive (bench/search.mjs measures those on the built portal).
//
//   node bench/search-archive.mjs 100000      (prints the figures; `pnpm bench search` uses 10,000
//                                              or BENCH_SEARCH_ITEMS)
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { writeNews } from './generate-news.mjs';

/**
 * What portal/src/lib/search-extract.ts extracts from a page (kept here: the benchmarks are
 * type-checked apart from the portal).
 * @typedef {{ url: string, language: string, runs: { text: string, weight: number }[], meta: Record<string, string>, filters: Record<string, string[]> }} ExtractedPage
 */

/** The records the indexer would extract from one generated item's built article page. */
function recordsOf(/** @type {string} */ dir) {
  /** @type {ExtractedPage[]} */
  const pages = [];
  for (const lang of ['fa', 'en']) {
    for (const name of readdirSync(join(dir, lang))) {
      const text = readFileSync(join(dir, lang, name), 'utf8');
      const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
      const field = (/** @type {string} */ key) => {
        const line = new RegExp(`^${key}: (.*)$`, 'm').exec(front)?.[1];
        return line?.startsWith('"') ? JSON.parse(line) : line;
      };
      const slug = name.replace(/\.md$/, '');
      const province = field('province');
      pages.push({
        url: `${lang === 'en' ? '/en' : ''}/news/${slug}/`,
        language: lang,
        runs: [
          { text: field('title'), weight: 10 },
          { text: field('summary'), weight: 5 },
          { text: body.replace(/\s+/g, ' ').trim(), weight: 1 },
        ],
        meta: { title: field('title') },
        filters: { type: ['news'], ...(province ? { province: [province] } : {}) },
      });
    }
  }
  return pages;
}

/** Single words of the generated news, from most to least common (for the CPU rows). */
const WORDS = ['خدمات', 'فرزندپروری', 'سمنان'];

/**
 * @param {number} count news items
 * @param {string} [query]
 * @param {string} [keep] a path to keep the index at
 */
export async function measureArchive(
  count,
  query = 'پایگاه خدمات',
  keep = process.env.BENCH_SEARCH_KEEP,
) {
  const { TextLexicon } = await import(
    new URL('../packages/core/src/search/index.ts', import.meta.url).href
  );
  const { openSearchIndex, writeSqliteIndex } = await import(
    new URL('../portal/src/lib/search-index.ts', import.meta.url).href
  );
  const { searchIndex } = await import(
    new URL('../portal/src/lib/search-query.ts', import.meta.url).href
  );
  const dir = mkdtempSync(join(tmpdir(), 'bz-search-archive-'));
  try {
    writeNews(join(dir, 'news'), count);
    const pages = recordsOf(join(dir, 'news'));
    const started = process.cpuUsage();
    /** @type {Map<string, string[]>} */
    const texts = new Map();
    for (const page of pages) {
      const list = texts.get(page.language) ?? [];
      texts.set(page.language, list);
      for (const run of page.runs) list.push(run.text);
    }
    const lexicons = new Map([...texts].map(([lang, list]) => [lang, TextLexicon.of(list)]));
    // BENCH_SEARCH_KEEP=<file>: keep the index there, to query it again.
    const path = keep ?? join(dir, 'search.sqlite');
    writeSqliteIndex(path, pages, lexicons);
    const cpu = (/** @type {NodeJS.CpuUsage} */ since) => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1000;
    };
    const indexMs = cpu(started);
    const db = openSearchIndex(path);
    /** Median CPU time of five runs of a query, and its answer. @param {string} q */
    const timed = (q) => {
      const params = { q, lang: 'fa', page: 1, type: '', province: '' };
      /** @type {number[]} */
      const times = [];
      let result;
      for (let run = 0; run < 5; run++) {
        const start = process.cpuUsage();
        result = searchIndex(db, params);
        times.push(cpu(start));
      }
      times.sort((a, b) => a - b);
      return { cpuMs: Math.round(times[2] ?? 0), total: result?.total ?? 0, answer: result };
    };
    const { answer, cpuMs: queryCpuMs } = timed(query);
    // Words from very common to rare in the generated news (every item names its province).
    const words = WORDS.map((word) => ({ word, ...timed(word) }));
    db.close();
    const json = JSON.stringify(answer);
    const brotli = brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } });
    return {
      count,
      pages: pages.length,
      /** CPU time (the machine may be shared: wall time would measure the others). */
      indexCpuMs: Math.round(indexMs),
      indexBytes: statSync(path).size,
      /** Median CPU time of five runs of the query. */
      queryCpuMs,
      /** The same for single words, common to rare: { word, cpuMs, total }. */
      words: words.map(({ word, cpuMs, total }) => ({ word, cpuMs, total })),
      total: answer?.total ?? 0,
      jsonBytes: Buffer.byteLength(json),
      brotliBytes: brotli.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const count = Number(process.argv[2] ?? 10_000);
  console.log(await measureArchive(count));
}
