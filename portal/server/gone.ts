import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setRoute } from '@behzisti/feedback-service/http/log';

// Withdrawn news (status: withdrawn): the publish pipeline writes their addresses to
// `<release>/gone.json` ({ "paths": ["/news/x/", "/en/news/x/"] }, server/publish/plan.ts), and
// the server answers them 410 Gone with a short note and a way on, instead of the 404 page, so
// search engines drop them and a reader following an old link learns what happened.

export const GONE_FILE = 'gone.json';

/** `/news/x`, `/news/x/` and `/news/x/index.html` are one address. */
function canonical(pathname: string): string {
  const path = pathname.replace(/\/index\.html$/, '/');
  return path.endsWith('/') ? path : `${path}/`;
}

/** The withdrawn addresses of a release (none when it has no list). */
export function readGone(releaseDir: string): ReadonlySet<string> {
  let text: string;
  try {
    text = readFileSync(`${releaseDir}/${GONE_FILE}`, 'utf8');
  } catch {
    return new Set();
  }
  const { paths } = JSON.parse(text) as { paths?: unknown };
  if (!Array.isArray(paths)) throw new Error(`${GONE_FILE}: "paths" is not a list`);
  return new Set(paths.filter((path): path is string => typeof path === 'string').map(canonical));
}

export function isGone(gone: ReadonlySet<string>, pathname: string): boolean {
  if (gone.size === 0) return false;
  try {
    return gone.has(canonical(decodeURIComponent(pathname)));
  } catch {
    return false;
  }
}

const page = (lang: 'fa' | 'en') => {
  const fa = {
    title: 'این خبر برداشته شده است',
    text: 'روابط عمومی این خبر را از سایت برداشته است. خبرهای تازه در فهرست خبرهاست.',
    link: 'رفتن به فهرست خبرها',
    href: '/news/',
  };
  const en = {
    title: 'This news item has been withdrawn',
    text: 'The public relations office has taken this item off the site. The latest news is in the news list.',
    link: 'Go to the news list',
    href: '/en/news/',
  };
  const [first, second] = lang === 'fa' ? [fa, en] : [en, fa];
  const block = (t: typeof fa, l: 'fa' | 'en') =>
    `<section lang="${l}" dir="${l === 'fa' ? 'rtl' : 'ltr'}"><h1>${t.title}</h1><p>${t.text}</p><p><a href="${t.href}">${t.link}</a></p></section>`;
  return Buffer.from(
    `<!doctype html><html lang="${lang}" dir="${lang === 'fa' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${first.title} · ${second.title}</title></head><body>${block(first, lang)}${block(second, lang === 'fa' ? 'en' : 'fa')}</body></html>\n`,
  );
};
const pages = { fa: page('fa'), en: page('en') };

/** 410 with the note, English first under /en/. */
export function answerGone(req: IncomingMessage, res: ServerResponse, pathname: string): void {
  setRoute(res, 'gone');
  const body = /^\/en(?:\/|$)/.test(pathname) ? pages.en : pages.fa;
  res.writeHead(410, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': body.length,
    // Short: an item withdrawn by mistake comes back with the next release.
    'cache-control': 'public, max-age=300',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
