import { provinces } from '@behzisti/core/provinces';

/**
 * The input of `/api/search` (src/pages/api/search.ts): strict limits, typed error codes and the
 * sentence a person reads for each, in the language asked for.
 *
 *   GET /api/search?q=<query>&lang=fa|en&page=1..50&type=news|programme|base&province=<id>
 *
 * Anything else in the address is ignored. The query is never read as FTS5 syntax: it goes
 * through core's matcher and every resulting word is quoted (search-query.ts).
 */
export const SEARCH_API_PATH = '/api/search';
/** Results per page (the search page shows them ten at a time, as with Pagefind). */
export const PAGE_SIZE = 10;
/** Longer than any real query; a pasted paragraph is refused with a sentence, not searched. */
export const MAX_QUERY_CHARS = 200;
/** Words searched at most (each costs an index lookup). */
export const MAX_TERMS = 12;
/** 500 results are more than anyone reads; deeper pages are refused. */
export const MAX_PAGE = 50;
export const SEARCH_TYPES = ['news', 'programme', 'base'] as const;
export const SEARCH_LANGUAGES = ['fa', 'en'] as const;
export type SearchLanguage = (typeof SEARCH_LANGUAGES)[number];

export interface SearchParams {
  q: string;
  lang: SearchLanguage;
  page: number;
  type: string;
  province: string;
}

export type SearchErrorCode =
  | 'QUERY_TOO_LONG'
  | 'TOO_MANY_WORDS'
  | 'BAD_PAGE'
  | 'BAD_LANGUAGE'
  | 'BAD_TYPE'
  | 'BAD_PROVINCE'
  | 'SEARCH_UNAVAILABLE';

export const SEARCH_ERROR_STATUS: Record<SearchErrorCode, number> = {
  QUERY_TOO_LONG: 400,
  TOO_MANY_WORDS: 400,
  BAD_PAGE: 400,
  BAD_LANGUAGE: 400,
  BAD_TYPE: 400,
  BAD_PROVINCE: 400,
  // No index beside this server: the search page then uses Pagefind's files (404 is its cue).
  SEARCH_UNAVAILABLE: 404,
};

const MESSAGES: Record<SearchLanguage, Record<SearchErrorCode, string>> = {
  fa: {
    QUERY_TOO_LONG: `عبارت جست‌وجو بیش از ${MAX_QUERY_CHARS.toLocaleString('fa-IR')} نویسه است. چند واژه‌ی اصلی آن را بنویسید.`,
    TOO_MANY_WORDS: `عبارت جست‌وجو بیش از ${MAX_TERMS.toLocaleString('fa-IR')} واژه دارد. چند واژه‌ی اصلی آن را بنویسید.`,
    BAD_PAGE: `شماره‌ی صفحه باید از ۱ تا ${MAX_PAGE.toLocaleString('fa-IR')} باشد. از صفحه‌ی نخست نتیجه‌ها دوباره شروع کنید.`,
    BAD_LANGUAGE: 'زبان جست‌وجو باید fa یا en باشد. از صفحه‌ی جست‌وجوی سامانه دوباره امتحان کنید.',
    BAD_TYPE: 'این نوع صفحه را نمی‌شناسیم. «همه» یا یکی از نوع‌های فهرست را برگزینید.',
    BAD_PROVINCE: 'این استان را نمی‌شناسیم. «همه‌ی استان‌ها» یا یکی از استان‌های فهرست را برگزینید.',
    SEARCH_UNAVAILABLE:
      'جست‌وجوی سرور در این نشانی در دسترس نیست. صفحه‌ی جست‌وجو را دوباره باز کنید یا از فهرست‌ها استفاده کنید.',
  },
  en: {
    QUERY_TOO_LONG: `The search is longer than ${MAX_QUERY_CHARS} characters. Type a few of its main words.`,
    TOO_MANY_WORDS: `The search has more than ${MAX_TERMS} words. Type a few of its main words.`,
    BAD_PAGE: `The page number must be from 1 to ${MAX_PAGE}. Start again from the first page of results.`,
    BAD_LANGUAGE: 'The search language must be fa or en. Try again from the site’s search page.',
    BAD_TYPE: 'We do not know that kind of page. Choose “All” or one of the kinds in the list.',
    BAD_PROVINCE: 'We do not know that province. Choose “All provinces” or one from the list.',
    SEARCH_UNAVAILABLE:
      'Server search is not available at this address. Open the search page again, or use the lists.',
  },
};

export function searchErrorMessage(code: SearchErrorCode, lang: SearchLanguage): string {
  return MESSAGES[lang][code];
}

const PROVINCE_IDS: ReadonlySet<string> = new Set(provinces.map((province) => province.id));

export type ParsedSearch =
  | { ok: true; params: SearchParams }
  | { ok: false; code: SearchErrorCode; lang: SearchLanguage };

/**
 * Reads and checks the address's parameters. The language is read first, so every other error
 * is told in it (Persian when it is missing or wrong).
 */
export function parseSearchParams(query: URLSearchParams): ParsedSearch {
  const rawLang = query.get('lang') ?? 'fa';
  const lang: SearchLanguage = rawLang === 'en' ? 'en' : 'fa';
  const fail = (code: SearchErrorCode): ParsedSearch => ({ ok: false, code, lang });
  if (!(SEARCH_LANGUAGES as readonly string[]).includes(rawLang)) return fail('BAD_LANGUAGE');
  const q = (query.get('q') ?? '').trim();
  // Code points, not UTF-16 units: a Persian or emoji query is measured as a person sees it.
  if ([...q].length > MAX_QUERY_CHARS) return fail('QUERY_TOO_LONG');
  const rawPage = query.get('page') ?? '1';
  if (!/^[0-9]{1,3}$/.test(rawPage)) return fail('BAD_PAGE');
  const page = Number(rawPage);
  if (page < 1 || page > MAX_PAGE) return fail('BAD_PAGE');
  const type = query.get('type') ?? '';
  if (type !== '' && !(SEARCH_TYPES as readonly string[]).includes(type)) return fail('BAD_TYPE');
  const province = query.get('province') ?? '';
  if (province !== '' && !PROVINCE_IDS.has(province)) return fail('BAD_PROVINCE');
  return { ok: true, params: { q, lang, page, type, province } };
}

/** One result as the API returns it; the excerpt as text parts, the matched words marked. */
export interface SearchHit {
  url: string;
  title: string;
  type: string;
  provinces: string[];
  excerpt: { text: string; mark: boolean }[];
}

export interface SearchAnswer {
  query: string;
  lang: SearchLanguage;
  page: number;
  pageSize: number;
  /** Pages found in all (every page of results). */
  total: number;
  results: SearchHit[];
}
