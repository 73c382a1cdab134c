import rss from '@astrojs/rss';
import { type Locale, t } from '../i18n/ui.ts';
import { newsOf } from './news-collection.ts';
import { articlePath, homePath } from './paths.ts';

/** Feed readers only want what is new; the site keeps the archive. */
const FEED_SIZE = 50;

/** The RSS 2.0 feed of one locale's news, newest first. */
export async function newsFeed(locale: Locale, site: URL | undefined): Promise<Response> {
  if (!site) throw new Error('astro.config.mjs must set `site` for absolute feed links');
  const items = newsOf(locale, FEED_SIZE);
  return rss({
    title: `${t(locale, 'rss.title')} | ${t(locale, 'site.name')}`,
    description: t(locale, 'rss.description'),
    site: new URL(homePath(locale), site).href,
    customData: `<language>${locale === 'fa' ? 'fa-IR' : 'en'}</language>`,
    items: items.map(({ entry, slug }) => ({
      title: entry.data.title,
      description: entry.data.summary,
      pubDate: entry.data.date,
      link: new URL(articlePath(locale, slug), site).href,
      categories: entry.data.tags,
    })),
  });
}
