// @ts-check
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
// The widgets' templates are written for readers; minify them here as their own build does.
import { minifyElementTemplates } from '../packages/elements/scripts/bundle.mjs';
import { codeSplitting } from './src/lib/chunk-groups.ts';
import { localeRoutes } from './src/lib/locale-routes.ts';
import { newsIntegration, newsServed, onDemandSitemapIndex } from './src/lib/news-build.ts';
import { hreflangLinks } from './src/lib/sitemap-links.ts';
import { tagRedirects } from './src/lib/tag-redirects.ts';

// PORTAL_DIST (a folder inside portal/, e.g. dist-bench, so the server build still finds
// node_modules) builds elsewhere than ./dist, with its own cache, so two builds can run at once on
// one checkout, e.g. a benchmark beside the e2e tests; the e2e set-up reads the same variable.
const outDir = process.env.PORTAL_DIST;

// Pages are prerendered, except the news (articles, lists, tags, provinces, feeds, the news
// sitemap, pictures): those are rendered on demand from the news store by the Node server
// (portal/server.ts) behind the route cache, so a published item is live without a rebuild
// (docs/scale.md). PORTAL_NEWS=static prerenders the news too, for a deployment without a server.
const site = process.env.PORTAL_SITE ?? 'http://localhost:4321';
const siteUrl = new URL('/', site).href;
const hreflang = { site: siteUrl, defaultLocale: 'fa', locales: { fa: 'fa', en: 'en' } };
/** @type {(url: string) => import('./src/lib/sitemap-links.ts').HreflangLink[] | undefined} */
let linksOf = () => undefined;

// The 404 page and feeds are not pages to index; the staff inbox (/staff/, /en/staff/) is for
// staff only, so it is neither indexed nor checked by the sitemap-wide e2e tests (its own e2e
// test, e2e/staff.test.ts, checks it signed out and signed in). The news editor (/admin/,
// src/pages/admin) is likewise not a page to index; e2e/admin.test.ts checks it.
/** @param {string} page */
const inSitemap = (page) =>
  !/\/404\/?$|\.xml$/.test(page) &&
  !/^\/(?:en\/)?staff\/?$/.test(new URL(page).pathname) &&
  !/^\/admin\//.test(new URL(page).pathname) &&
  // The iframe embeds (/embed/<widget>/) are a widget alone, for other sites' frames:
  // e2e/embed-frame.test.ts checks them.
  !/^\/embed\/[a-z-]+\/$/.test(new URL(page).pathname);

export default defineConfig({
  site,
  output: 'static',
  // The news pages' route cache: Astro's memory cache, purged by tag on publish on every instance
  // (PostgreSQL NOTIFY when PORTAL_CACHE_DATABASE_URL or DATABASE_URL is set), with headers a CDN
  // honours (src/lib/news-cache-provider.ts).
  ...(newsServed
    ? {
        cache: {
          provider: {
            name: 'behzisti-news',
            entrypoint: new URL('./src/lib/news-cache-provider.ts', import.meta.url),
            // News pages read no query: the key is the path alone, so `?x=1`, `?x=2`… neither
            // bypass the cache nor fill it (at most 2,000 pages of about 15 kB in memory).
            config: { max: 2000, query: { include: [] } },
          },
        },
      }
    : {}),
  // PORTAL_CACHE_DIR: the publish pipeline's builds (a new folder each) share one cache.
  ...(outDir ? { outDir, cacheDir: process.env.PORTAL_CACHE_DIR || `${outDir}-cache` } : {}),
  // Middleware mode: the adapter answers on-demand routes only; portal/server.ts serves the files
  // (server/static.ts) and everything around them.
  adapter: node({ mode: 'middleware' }),
  server: { port: 4321, host: true },
  trailingSlash: 'ignore',
  // Tag addresses published before tags were normalised → the canonical tag page (301).
  redirects: tagRedirects(new URL('./src/content/news', import.meta.url).pathname),
  i18n: {
    locales: ['fa', 'en'],
    defaultLocale: 'fa',
    routing: { prefixDefaultLocale: false },
  },
  integrations: [
    // The /en/ routes of the pages written once for both languages (src/lib/locale-routes.ts).
    localeRoutes(),
    // Fills the news store before the build, copies it into the build after (PORTAL_NEWS_DB), and
    // makes the news routes on demand unless PORTAL_NEWS=static (src/lib/news-build.ts).
    newsIntegration({ outDir }),
    // Filled when the build is done (this hook runs before the sitemap's), read by its serialize.
    {
      name: 'behzisti:sitemap-pairs',
      hooks: {
        'astro:build:done': ({ pages }) => {
          const urls = pages.map(
            (page) => new URL(page.pathname.replace(/^\/?/, '/'), siteUrl).href,
          );
          linksOf = hreflangLinks(urls.filter(inSitemap), hreflang);
        },
      },
    },
    sitemap({
      // hreflang pairs: /x (fa) ↔ /en/x (en), only where both pages exist. Not the integration's
      // own `i18n` option: its pairing grows with the square of the site (src/lib/sitemap-links.ts).
      serialize: (item) => ({ ...item, links: linksOf(item.url) }),
      filter: inSitemap,
    }),
    // The server build's sitemap index is rendered on demand, naming the build's sitemaps and the
    // news sitemap's parts (src/lib/sitemap-parts.ts); this takes the built one out of the way.
    onDemandSitemapIndex(),
  ],
  // A strict Content-Security-Policy (script-src 'self', style-src 'self') forbids inline
  // scripts and styles; Astro inlines stylesheets and scripts below Vite's inline limit, so
  // both are turned off and everything ships as files.
  // concurrency: pages are written four at a time; at 10,000 news items (some 16,000 pages) that
  // cut the page-writing step from 64 s to 46 s on two cores (docs/performance.md).
  build: { inlineStylesheets: 'never', concurrency: 4 },
  // Link previews need a raster og:image; the news pictures and the default one are SVG drawn
  // by the project, so Astro may rasterise them (src/lib/og-image.ts). Only our own files are
  // processed: news pictures are files in the repository, never fetched from elsewhere.
  image: { dangerouslyProcessSVG: true },
  vite: {
    build: { assetsInlineLimit: 0 },
    // Fewer, larger module files (src/lib/chunk-groups.ts): on a 2G link each file waits for one
    // of the browser's six connections and a round trip of 800 ms.
    environments: { client: { build: { rolldownOptions: { output: { codeSplitting } } } } },
    plugins: [minifyElementTemplates()],
  },
  devToolbar: { enabled: false },
});
