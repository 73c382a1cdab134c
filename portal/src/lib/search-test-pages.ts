import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextLexicon } from '@behzisti/core/search';
import type { SearchParams } from './search-api.ts';
import { type ExtractedPage, extractPage } from './search-extract.ts';
import { openSearchIndex, writeSqliteIndex } from './search-index.ts';

// The pages both server-search tests index (search-index.test.ts on SQLite FTS5,
// search-postgres.test.ts on PostgreSQL), so the two stores are held to the same expectations.

/** A built page as the indexer reads it; the footer stands on every page and is not indexed. */
export const article = (
  url: string,
  options: {
    lang?: string;
    type?: string;
    province?: string;
    title: string;
    lede?: string;
    body: string;
  },
) => {
  const lang = options.lang ?? 'fa';
  const province = options.province
    ? `<dl class="facts"><dd data-pagefind-filter="province:${options.province}">x</dd></dl>`
    : '';
  const html = `<html lang="${lang}"><body><article data-pagefind-body data-pagefind-filter="type:${options.type ?? 'news'}">
    <h1 data-pagefind-meta="title">${options.title}</h1>${province}
    ${options.lede ? `<p class="lede">${options.lede}</p>` : ''}<p>${options.body}</p></article>
    <footer>پایگاه خدمات در همه‌ی صفحه‌ها</footer></body></html>`;
  const page = extractPage(url, html);
  if (!page) throw new Error(`no page at ${url}`);
  return page;
};

/** A compound written apart, joined and in a lede; a base; an English page. */
export const pages = [
  article('/news/settlements/', {
    title: 'بازدید از سکونت گاه های غیر رسمی اردبیل',
    province: 'ardabil',
    body: 'مددکاران اجتماعی از ۱۰۰ محله‌ی کم‌برخوردار بازدید کردند.',
  }),
  article('/news/joined/', {
    title: 'گزارش سال',
    body: 'در سکونتگاهها کار تازه‌ای آغاز شد و پایگاه خدمات اجتماعی باز شد.',
  }),
  article('/news/apart/', {
    title: 'خبر دیگر',
    lede: 'خدمات اجتماعی در روستا',
    body: 'پایگاه تازه‌ای برای کودکان ساخته شد. این پایگاه در کنار مدرسه است و خدمات گوناگون دارد.',
  }),
  article('/directory/bases/kerman-1/', {
    type: 'base',
    province: 'kerman',
    title: 'پایگاه خدمات اجتماعی کرمان',
    body: 'مددکاری و مشاوره برای خانواده‌ها.',
  }),
  article('/en/news/visit/', {
    lang: 'en',
    title: 'Social services bases open',
    body: 'Visiting the informal settlements of Ardabil.',
  }),
];

/** Each language's lexicon of the pages' text, as the indexer builds it. */
export const lexicons = () => {
  const texts = new Map<string, string[]>();
  for (const page of pages) {
    texts.set(page.language, [
      ...(texts.get(page.language) ?? []),
      ...page.runs.map((r) => r.text),
    ]);
  }
  return new Map([...texts].map(([language, list]) => [language, TextLexicon.of(list)]));
};

/** A checked query in Persian, with no filter, unless `more` says otherwise. */
export const params = (q: string, more: Partial<SearchParams> = {}): SearchParams => ({
  q,
  lang: 'fa',
  page: 1,
  type: '',
  province: '',
  ...more,
});

/**
 * `pages` written by the build's writer to a SQLite file in a folder of its own and opened as
 * the server opens it; `remove()` closes it and deletes the folder.
 */
export function tempSqliteIndex(
  name: string,
  written: readonly ExtractedPage[],
  lexiconsByLang: ReadonlyMap<string, TextLexicon>,
) {
  const dir = mkdtempSync(join(tmpdir(), `bz-${name}-`));
  const path = join(dir, 'search.sqlite');
  writeSqliteIndex(path, written, lexiconsByLang);
  const db = openSearchIndex(path);
  return {
    dir,
    path,
    db,
    remove: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
