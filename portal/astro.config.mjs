// @ts-check
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
// The widgets' templates are written for readers; minify them here as their own build does.
import { minifyElementTemplates } from '../packages/elements/scripts/bundle.mjs';

// PORTAL_DIST (a folder inside portal/, e.g. dist-bench, so the server build still finds
// node_modules) builds elsewhere than ./dist, with its own cache, so two builds can run at once on
// one checkout, e.g. a benchmark beside the e2e tests; the e2e set-up reads the same variable.
const outDir = process.env.PORTAL_DIST;

// Pages are prerendered; only API routes (`export const prerender = false`) run on demand in the
// Node server (portal/server.ts), so `pnpm start` serves both from one process and dist/client
// deploys alone.
export default defineConfig({
  site: process.env.PORTAL_SITE ?? 'http://localhost:4321',
  output: 'static',
  ...(outDir ? { outDir, cacheDir: `${outDir}-cache` } : {}),
  // Middleware mode: the adapter answers on-demand routes only; portal/server.ts serves the files
  // (server/static.ts) and everything around them.
  adapter: node({ mode: 'middleware' }),
  server: { port: 4321, host: true },
  trailingSlash: 'ignore',
  i18n: {
    locales: ['fa', 'en'],
    defaultLocale: 'fa',
    routing: { prefixDefaultLocale: false },
  },
  integrations: [
    sitemap({
      // hreflang pairs: /x (fa) ↔ /en/x (en), only where both pages exist.
      i18n: { defaultLocale: 'fa', locales: { fa: 'fa', en: 'en' } },
      // The 404 page and feeds are not pages to index; the staff inbox (/staff/, /en/staff/) is
      // for staff only, so it is neither indexed nor checked by the sitemap-wide e2e tests (its
      // own e2e test, e2e/staff.test.ts, checks it signed out and signed in).
      // The news editor (/admin/, src/pages/admin) is likewise not a page to index; e2e/admin.test.ts checks it.
      filter: (page) =>
        !/\/404\/?$|\.xml$/.test(page) &&
        !/^\/(?:en\/)?staff\/?$/.test(new URL(page).pathname) &&
        !/^\/admin\//.test(new URL(page).pathname) &&
        // The iframe embeds (/embed/<widget>/) are a widget alone, for other sites' frames:
        // e2e/embed-frame.test.ts checks them.
        !/^\/embed\/[a-z-]+\/$/.test(new URL(page).pathname),
    }),
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
  vite: { build: { assetsInlineLimit: 0 }, plugins: [minifyElementTemplates()] },
  devToolbar: { enabled: false },
});
