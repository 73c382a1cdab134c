import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { newsServed } from './news-mode.ts';
import { NewsStore } from './news-store.ts';
import { syncNews } from './news-sync.ts';
import { BUILD_SITEMAPS_FILE, sitemapLocs } from './sitemap-parts.ts';

/**
 * The news in the build (astro.config.mjs). Two ways, one store:
 *
 * - served (default): the news routes run on demand in the portal's Node server from the news
 *   store, behind the route cache; the build only fills the store.
 * - static (PORTAL_NEWS=static): every news page is prerendered from the same store, for a
 *   deployment without a server.
 *
 * The store: PORTAL_NEWS_DB when set (the build syncs into it, the server reads it), else
 * `<cacheDir>/news.sqlite` during the build (kept between builds, so a rebuild only renders
 * what changed), copied to `<dist>/news.sqlite` when the build is done: the file the server
 * reads by default.
 */
export { newsServed } from './news-mode.ts';

/** The operator's store, if any, before this build sets the variable for its own pages. */
const configuredStore = process.env.PORTAL_NEWS_DB?.trim() || undefined;

/** The routes rendered from the store: news pages, feeds, news pictures. */
const NEWS_ROUTE = /^src\/pages\/(?:en\/)?(?:news\/|rss\.xml\.ts$)|^src\/pages\/media\/news\//;

export const isNewsRoute = (component: string) => NEWS_ROUTE.test(component);

export function newsIntegration({ outDir }: { outDir?: string | undefined }): AstroIntegration {
  let buildStore = '';
  let distDir = '';
  return {
    name: 'behzisti:news',
    hooks: {
      'astro:config:setup': async ({ config, injectRoute, logger }) => {
        const root = fileURLToPath(config.root);
        distDir = resolve(root, outDir ?? fileURLToPath(config.outDir));
        buildStore = configuredStore ?? join(fileURLToPath(config.cacheDir), 'news.sqlite');
        mkdirSync(dirname(buildStore), { recursive: true });
        // The pages read the store through this variable (news-collection.ts).
        process.env.PORTAL_NEWS_DB = buildStore;
        // PORTAL_NEWS_DIR: the news from another folder with the same layout (the benchmark's
        // generated archives), absolute or relative to portal/.
        const contentDir = resolve(root, process.env.PORTAL_NEWS_DIR || 'src/content/news');
        const store = new NewsStore(buildStore);
        try {
          const started = performance.now();
          const change = await syncNews({ contentDir, store });
          logger.info(
            `news store: ${change.added.length} added, ${change.updated.length} updated, ${change.removed.length} removed in ${Math.round(performance.now() - started)} ms (${buildStore})`,
          );
        } finally {
          store.close();
        }
        if (newsServed) {
          // The news sitemap in parts, and the index naming them (sitemap-parts.ts).
          for (const pattern of ['/sitemap-news.xml', '/sitemap-news-[part].xml']) {
            injectRoute({
              pattern,
              entrypoint: new URL('../routes/sitemap-news.xml.ts', import.meta.url),
              prerender: false,
            });
          }
          injectRoute({
            pattern: '/sitemap-index.xml',
            entrypoint: new URL('../routes/sitemap-index.xml.ts', import.meta.url),
            prerender: false,
          });
        }
      },
      'astro:route:setup': ({ route }) => {
        if (isNewsRoute(route.component)) route.prerender = !newsServed;
      },
      'astro:build:done': () => {
        if (configuredStore) return;
        // A clean single file (WAL folded in) beside the build: what the server opens.
        const target = join(distDir, 'news.sqlite');
        if (existsSync(target)) rmSync(target);
        const db = new DatabaseSync(buildStore);
        try {
          db.exec(`VACUUM INTO '${target.replaceAll("'", "''")}'`);
        } finally {
          db.close();
        }
      },
    },
  };
}

/**
 * In the server build, the sitemap index is rendered on demand (src/routes/sitemap-index.xml.ts:
 * it names every part of the news sitemap, whose number grows with the archive). Listed after
 * `@astrojs/sitemap` in astro.config.mjs: takes the index it wrote out of the served files and
 * leaves the build's sitemaps it named beside the server output for the route.
 */
export function onDemandSitemapIndex(): AstroIntegration {
  return {
    name: 'behzisti:sitemap-index',
    hooks: {
      'astro:build:done': ({ dir }) => {
        if (!newsServed) return;
        const client = fileURLToPath(dir);
        const built = join(client, 'sitemap-index.xml');
        if (!existsSync(built)) return;
        const sitemaps = sitemapLocs(readFileSync(built, 'utf8'));
        writeFileSync(join(dirname(client), BUILD_SITEMAPS_FILE), JSON.stringify(sitemaps));
        rmSync(built);
      },
    },
  };
}
