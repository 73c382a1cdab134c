// @ts-check
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

// Pages are prerendered; only API routes (`export const prerender = false`) run on demand in the
// Node server, so `pnpm start` serves both from one process and dist/client deploys alone.
export default defineConfig({
  site: process.env.PORTAL_SITE ?? 'http://localhost:4321',
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  server: { port: 4321, host: true },
  trailingSlash: 'ignore',
  i18n: {
    locales: ['fa', 'en'],
    defaultLocale: 'fa',
    routing: { prefixDefaultLocale: false },
  },
  build: { inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
});
