import type { AstroIntegration, GetStaticPathsOptions } from 'astro';
import type { Locale } from '../i18n/ui.ts';

/**
 * The routes that are one page in two languages. Each is one file under src/pages at its Persian
 * address (fa is the default locale, at the root) and is served again under /en/ from the same
 * file, so the page's data and logic are written once. The file reads its language from the
 * route it was matched by: getStaticPaths is `localePaths(pathsByLocale)`, and the page asks
 * `routeLocale(Astro.routePattern)`. Astro gives each (pattern, file) pair its own
 * route, prerender setting and static paths, so the built routes are those the two files made.
 * Pages without parameters stay a file per language (src/pages/en/*.astro): they are one line.
 */
const SHARED = [
  'directory/[province]/[county].astro',
  'directory/[province]/index.astro',
  'directory/bases/[id].astro',
  'programmes/[id].astro',
  'news/[slug].astro',
  'news/[...page].astro',
  'news/latest/[scope].astro',
  'news/provinces/[province]/[...page].astro',
  'news/tags/[tag]/[...page].astro',
] as const;

/** The locale of a route pattern from Astro (`/en/news/[slug]` → en, `/news/[slug]` → fa). */
export const routeLocale = (routePattern: string): Locale =>
  /^\/?en(?:\/|$)/.test(routePattern) ? 'en' : 'fa';

/** getStaticPaths of a shared page from its paths by locale: `localePaths(tagPaths)`. */
export const localePaths =
  <T>(paths: (locale: Locale) => T) =>
  ({ routePattern }: GetStaticPathsOptions): T =>
    paths(routeLocale(routePattern));

/** Injects the /en/ route of each shared page file. */
export function localeRoutes(): AstroIntegration {
  return {
    name: 'behzisti:locale-routes',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        for (const file of SHARED) {
          injectRoute({
            pattern: `/en/${file.replace(/(?:\/index)?\.astro$/, '')}`,
            entrypoint: new URL(`../pages/${file}`, import.meta.url),
          });
        }
      },
    },
  };
}
