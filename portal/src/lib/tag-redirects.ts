import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRecords } from '../../../packages/core/src/cli/read-records.ts';
import type { Locale } from '../i18n/ui.ts';
import { tagPath } from './paths.ts';
import { earlierTagSlugs } from './tags.ts';

/**
 * Redirects (301) from tag addresses the portal published before tags were normalised
 * (lib/tags.ts) to the one canonical tag page, for Astro's `redirects` option in
 * astro.config.mjs. Read from the news files themselves: the configuration is evaluated before
 * the content layer exists. An on-demand tag page needs none of this: it answers any variant
 * with a redirect to canonicalTag(variant) (docs/publishing.md, "Tags").
 */
export function tagRedirects(
  newsDir: string,
): Record<string, { status: 301; destination: string }> {
  const redirects: Record<string, { status: 301; destination: string }> = {};
  for (const locale of ['fa', 'en'] as Locale[]) {
    const tags: string[] = [];
    let files: string[] = [];
    try {
      files = readdirSync(join(newsDir, locale)).filter((file) => file.endsWith('.md'));
    } catch {
      continue;
    }
    for (const file of files) {
      const record = readRecords(readFileSync(join(newsDir, locale, file), 'utf8'), 'markdown')
        .records[0]?.value as { tags?: unknown } | undefined;
      if (Array.isArray(record?.tags))
        tags.push(...record.tags.filter((t) => typeof t === 'string'));
    }
    for (const [earlier, canonical] of earlierTagSlugs(tags)) {
      // Astro matches the decoded path; the page's own trailing slash is kept.
      redirects[tagPath(locale, earlier).replace(/\/$/, '')] = {
        status: 301,
        destination: tagPath(locale, canonical),
      };
    }
  }
  return redirects;
}
