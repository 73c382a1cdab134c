import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NewsItemSchema } from '@behzisti/core/schemas';
import { parse } from 'yaml';
import { type NewsStatus, newsVisibility } from '../../src/lib/news-visibility.ts';
import { articlePath } from '../../src/lib/paths.ts';

// What the news files mean for the publish pipeline at a given moment, by the same rule the
// build applies (src/lib/news-visibility.ts): the withdrawn addresses (410, server/gone.ts), the
// next moment a scheduled item goes live (a build is due then), and a key of what is public (the
// set changes when a scheduled moment passes, even without a commit). A file the schema refuses
// is left out here: the build will refuse it and say why.

/** Only the fields visibility reads; the rest of the file is the build's to check. */
const VisibilityFields = NewsItemSchema.pick({
  date: true,
  status: true,
  time: true,
  draft: true,
}).strip();
type Fields = ReturnType<typeof VisibilityFields.parse>;

export interface NewsPlan {
  /** Addresses of withdrawn items (both spellings are answered by server/gone.ts). */
  gone: string[];
  /** The next moment after `now` at which a scheduled item goes live. */
  next: Date | undefined;
  /** A hash of the public items' ids: it changes when the site's set of news does. */
  publicKey: string;
  /** Items waiting for review (the editor shows the count; no titles leave the checkout). */
  inReview: number;
}

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** The visibility fields of one news file, or undefined when the build would refuse it. */
export function readVisibility(text: string): (Fields & { status: NewsStatus }) | undefined {
  const match = FRONT_MATTER.exec(text);
  if (!match) return undefined;
  let data: unknown;
  try {
    data = parse(match[1] ?? '');
  } catch {
    return undefined;
  }
  const fields = VisibilityFields.safeParse(data);
  return fields.success ? fields.data : undefined;
}

/**
 * The plan for `newsDir` (`<locale>/<slug>.md`) at `now`. `approved(id)` says whether a
 * `review` item (id `fa/slug`) has a publisher's approval for its present content.
 */
export function planNews(
  newsDir: string,
  now: Date,
  approved: (id: string, text: string) => boolean = () => false,
): NewsPlan {
  const gone: string[] = [];
  const visible: string[] = [];
  let next: Date | undefined;
  let inReview = 0;
  for (const locale of ['fa', 'en'] as const) {
    let names: string[];
    try {
      names = readdirSync(join(newsDir, locale));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const slug = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/.exec(name)?.[1];
      if (!slug) continue;
      const text = readFileSync(join(newsDir, locale, name), 'utf8');
      const fields = readVisibility(text);
      if (!fields) continue;
      const id = `${locale}/${slug}`;
      const seen = newsVisibility(
        { ...fields, approved: fields.status === 'review' && approved(id, text) },
        now,
      );
      if (fields.status === 'review' && !fields.draft && seen.state === 'hidden' && !seen.at) {
        inReview += 1;
      }
      if (seen.state === 'gone') gone.push(articlePath(locale, slug));
      if (seen.state === 'public') visible.push(id);
      if (seen.state === 'hidden' && seen.at && (!next || seen.at < next)) next = seen.at;
    }
  }
  const publicKey = createHash('sha256').update(visible.join('\n')).digest('hex').slice(0, 16);
  return { gone, next, publicKey, inReview };
}
