// The search page's client. When the build says the portal runs with its server (a
// `bz-search-api` meta element, scripts/preload-search.ts), each search is one request to
// /api/search (src/pages/api/search.ts: SQLite FTS5 on the server, ten results at a time);
// otherwise, or when that address answers 404, it runs Pagefind's JS API in the browser (the
// index built by scripts/index-search.ts). Either way it renders results with the page's own
// markup. Pagefind's ready-made UI is not used: it sets
// inline styles, which the portal's Content-Security-Policy (style-src 'self') forbids, and it
// could not put the words as written back into the excerpts (src/lib/search-text.ts).
import { queryTerms } from '@behzisti/core/search';
import { toLocaleDigits } from '@behzisti/core/text';
import type { SearchAnswer } from '../lib/search-api.ts';
import {
  exactTerms,
  noResultsHelp,
  orderResults,
  type Place,
  placesInQuery,
} from '../lib/search-rank.ts';
import {
  displayWords,
  type ExcerptPart,
  excerptParts,
  ORIGINALS_META,
  SERVICE_FILTER,
} from '../lib/search-text.ts';

/** The part of Pagefind's JS API this page uses (pagefind.js has no published types). */
interface PagefindResultData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  locations: number[];
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
type Filters = Record<string, string>;
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string): Promise<void>;
  search(
    term: string | null,
    options?: { filters?: Filters },
  ): Promise<{ results: PagefindResult[] } | null>;
}

const PAGE_SIZE = 10;
/** The server's deepest page (src/lib/search-api.ts MAX_PAGE). */
const MAX_PAGE = 50;
const EXCERPT_WORDS = 30;
/** How long typing pauses before the words so far are looked up ahead of the search. */
const PRELOAD_DELAY_MS = 300;

/** One result, from either search, as the page shows it. */
interface ResultView {
  url: string;
  title: string;
  type: string | undefined;
  province: string | undefined;
  excerpt: ExcerptPart[];
}

/** A search's outcome: how many in all, and the next batch of results, in order. */
interface Found {
  total: number;
  /** The next page of results, each yielded as soon as it and those above it are in. */
  next(): AsyncGenerator<ResultView>;
  hasMore(): boolean;
}

/** The server's search address when the build says there is one (scripts/preload-search.ts). */
let serverSearch = document.querySelector<HTMLMetaElement>('meta[name="bz-search-api"]')?.content;

/** The server cannot search here (a static host, or no index): use Pagefind from now on. */
class NoServerSearch extends Error {}
/** The server refused the query (too long, …): its sentence says what to do. */
class RefusedQuery extends Error {}

let pagefind: Promise<PagefindApi> | undefined;
const vocabularies = new Map<string, Promise<string[]>>();

/**
 * The site's most used words in the page's language (written by scripts/index-search.ts), for
 * the "closest words" when nothing is found: fetched only then, once.
 */
function loadVocabulary(locale: string): Promise<string[]> {
  let words = vocabularies.get(locale);
  if (!words) {
    words = fetch(`/pagefind/vocabulary.${locale}.json`)
      .then((response) => (response.ok ? (response.json() as Promise<string[]>) : []))
      .catch(() => []);
    vocabularies.set(locale, words);
  }
  return words;
}

/**
 * Loads Pagefind once, as soon as the search page opens: on a slow link its files take seconds,
 * and they are better spent while the citizen types. The page's head preloads the same files
 * (scripts/preload-search.ts), under the index's cache tag that it also names in a meta element.
 */
function loadPagefind(): Promise<PagefindApi> {
  pagefind ??= (async () => {
    // Built after Astro (scripts/index-search.ts), so the bundler must not try to resolve it.
    const url = '/pagefind/pagefind.js';
    const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
    const tag = document.querySelector<HTMLMetaElement>('meta[name="bz-search-index"]')?.content;
    await api.options({
      excerptLength: EXCERPT_WORDS,
      // On the page's own thread: a worker would fetch everything again, one file after the
      // other, instead of using what the page preloaded; the index is small enough per query.
      noWorker: true,
      // The entry file's address is then fixed per index, so it can be preloaded and cached.
      ...(tag ? { metaCacheTag: tag } : {}),
    });
    await api.init();
    return api;
  })();
  pagefind.catch(() => {
    // Let a later search try again (a flaky connection), rather than fail for good.
    pagefind = undefined;
  });
  return pagefind;
}

function setUp(root: HTMLElement): void {
  const locale = root.dataset.locale ?? 'fa';
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Record<string, string>;
  const say = (key: string, values: Record<string, string | number> = {}) =>
    (strings[`search.${key}`] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? toLocaleDigits(value, locale) : value;
    });

  const form = root.querySelector('form') as HTMLFormElement;
  const input = form.elements.namedItem('q') as HTMLInputElement;
  const type = form.elements.namedItem('type') as HTMLSelectElement;
  const province = form.elements.namedItem('province') as HTMLSelectElement;
  const status = root.querySelector('[data-search-status]') as HTMLElement;
  const list = root.querySelector('[data-search-results]') as HTMLOListElement;
  const more = root.querySelector('[data-search-more]') as HTMLButtonElement;
  const unavailable = document.querySelector('[data-search-unavailable]') as HTMLElement | null;
  const placesLine = root.querySelector('[data-search-places]') as HTMLElement;
  const help = root.querySelector('[data-search-help]') as HTMLElement;
  const helpQueries = root.querySelector('[data-search-help-queries]') as HTMLUListElement;
  const places = JSON.parse(root.dataset.places ?? '[]') as Place[];

  let found: Found | undefined;
  let run = 0;

  /** role="status" announces changes; clearing first makes a repeated sentence heard again. */
  function announce(text: string): void {
    status.textContent = '';
    requestAnimationFrame(() => {
      status.textContent = text;
    });
  }

  function optionLabel(select: HTMLSelectElement, value: string | undefined): string | undefined {
    if (!value) return undefined;
    return [...select.options].find((option) => option.value === value)?.textContent ?? value;
  }

  function renderResult(result: ResultView): HTMLLIElement {
    const item = document.createElement('li');
    const heading = document.createElement('h2');
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = result.title;
    heading.append(link);
    item.append(heading);

    const facts = [optionLabel(type, result.type), optionLabel(province, result.province)].filter(
      (fact): fact is string => fact !== undefined,
    );
    if (facts.length > 0) {
      const meta = document.createElement('p');
      meta.className = 'meta';
      for (const fact of facts) {
        const span = document.createElement('span');
        span.textContent = fact;
        meta.append(span);
      }
      item.append(meta);
    }

    // Text nodes and <mark> elements only: nothing from the index is read as HTML.
    const excerpt = document.createElement('p');
    for (const part of result.excerpt) {
      if (part.mark) {
        const mark = document.createElement('mark');
        mark.textContent = part.text;
        excerpt.append(mark);
      } else {
        excerpt.append(part.text);
      }
    }
    item.append(excerpt);
    return item;
  }

  /** A link to this search page for another query, keeping the filters. */
  function searchLink(query: string): HTMLAnchorElement {
    const params = new URLSearchParams({ q: query });
    if (type.value) params.set('type', type.value);
    if (province.value) params.set('province', province.value);
    const link = document.createElement('a');
    link.href = `?${params}`;
    link.textContent = query;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      input.value = query;
      rememberInUrl();
      void search();
    });
    return link;
  }

  function placeLink(place: Place): HTMLAnchorElement {
    const link = document.createElement('a');
    link.href = place.href;
    link.textContent = say('placeLink', { place: place.label });
    return link;
  }

  /** The directory pages of places the query names, above the results. */
  function showPlaces(raw: string): void {
    const named = placesInQuery(raw, places);
    placesLine.replaceChildren();
    placesLine.hidden = named.length === 0;
    for (const place of named) {
      const item = document.createElement('li');
      item.append(placeLink(place));
      placesLine.append(item);
    }
  }

  /** When nothing is found: other queries to try, close place names, and the lists. */
  async function showHelp(raw: string, current: number): Promise<void> {
    const vocabulary = await loadVocabulary(locale);
    if (current !== run) return;
    const offer = noResultsHelp(raw, vocabulary, places);
    helpQueries.replaceChildren();
    for (const query of offer.queries) {
      const item = document.createElement('li');
      item.append(searchLink(query));
      helpQueries.append(item);
    }
    for (const place of offer.places) {
      const item = document.createElement('li');
      item.append(placeLink(place));
      helpQueries.append(item);
    }
    (helpQueries.previousElementSibling as HTMLElement).hidden =
      helpQueries.childElementCount === 0;
    help.hidden = false;
  }

  /**
   * Renders the next page of results, each as soon as it and those above it have arrived (on a
   * slow link the first result shows a second or more before the tenth). With `focusFirst`
   * ("More results"), focus moves to the first new result as soon as it is shown.
   */
  async function showMore(current: number, focusFirst = false): Promise<void> {
    if (!found) return;
    more.hidden = true;
    let first = true;
    try {
      for await (const result of found.next()) {
        if (current !== run) return;
        const item = renderResult(result);
        list.append(item);
        if (focusFirst && first) item.querySelector('a')?.focus();
        first = false;
      }
    } catch {
      if (current !== run) return;
      announce(say('unavailable'));
      return;
    }
    if (current !== run) return;
    more.hidden = !found.hasMore();
  }

  /** Pagefind's result → what the page shows (excerpt from the index words, as written). */
  function pagefindView(data: PagefindResultData): ResultView {
    const words = displayWords(data.content, data.meta[ORIGINALS_META]);
    return {
      url: data.url,
      title: data.meta.title ?? data.url,
      type: data.filters.type?.[0],
      province: data.filters.province?.[0],
      excerpt: excerptParts(words, data.locations, EXCERPT_WORDS),
    };
  }

  /** The search in the browser: Pagefind's index, ranked by src/lib/search-rank.ts. */
  async function searchPagefind(raw: string, terms: string[], filters: Filters): Promise<Found> {
    const term = terms.join(' ');
    const api = await loadPagefind();
    // The same terms as a phrase, among base and programme pages only, and in the form typed:
    // they reorder the results (src/lib/search-rank.ts). Pagefind loads each index chunk once.
    const exact = exactTerms(raw).join(' ');
    const [all, phrase, services, exactForm] = await Promise.all([
      api.search(term || null, { filters }),
      terms.length > 1 ? api.search(`"${term}"`, { filters }) : null,
      term && !type.value
        ? api.search(term, { filters: { ...filters, [SERVICE_FILTER]: 'yes' } })
        : null,
      exact && exact !== term ? api.search(exact, { filters }) : null,
    ]);
    const ids = (results: { results: PagefindResult[] } | null) =>
      new Set((results?.results ?? []).map((result) => result.id));
    let pending = orderResults(all?.results ?? [], {
      phrase: ids(phrase),
      services: ids(services),
      exact: ids(exactForm),
    });
    return {
      total: pending.length,
      hasMore: () => pending.length > 0,
      async *next() {
        const batch = pending.slice(0, PAGE_SIZE);
        pending = pending.slice(PAGE_SIZE);
        // All fragments are asked for at once; they are shown in order.
        const arriving = batch.map((result) => result.data());
        for (const data of arriving) yield pagefindView(await data);
      },
    };
  }

  /** One page of results from the server (src/pages/api/search.ts). */
  async function fetchPage(address: string, raw: string, page: number): Promise<SearchAnswer> {
    const params = new URLSearchParams({ q: raw, lang: locale, page: String(page) });
    if (type.value) params.set('type', type.value);
    if (province.value) params.set('province', province.value);
    const response = await fetch(`${address}?${params}`, {
      headers: { accept: 'application/json' },
    });
    if (response.status === 404) throw new NoServerSearch();
    if (response.status === 400) {
      const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
      throw new RefusedQuery(body.error?.message ?? say('unavailable'));
    }
    // A server error: Pagefind's files may still answer.
    if (!response.ok) throw new NoServerSearch();
    return (await response.json()) as SearchAnswer;
  }

  /** The search on the server: the first page now, the next ones on "More results". */
  async function searchServer(address: string, raw: string): Promise<Found> {
    let answer: SearchAnswer | undefined = await fetchPage(address, raw, 1);
    let page = 1;
    const total = answer.total;
    const view = (hit: SearchAnswer['results'][number]): ResultView => ({
      url: hit.url,
      title: hit.title,
      type: hit.type || undefined,
      province: hit.provinces[0],
      excerpt: hit.excerpt,
    });
    return {
      total,
      hasMore: () => page * PAGE_SIZE < total && page < MAX_PAGE,
      async *next() {
        const current = answer ?? (await fetchPage(address, raw, page + 1));
        if (!answer) page += 1;
        answer = undefined;
        for (const hit of current.results) yield view(hit);
      },
    };
  }

  async function search(): Promise<void> {
    const current = ++run;
    const raw = input.value.trim();
    // Queries pass through the same matcher as the indexed text: letters, digits and spellings
    // folded, each word reduced to its stem (matched as a word or a word's start).
    const terms = queryTerms(raw);
    const term = terms.join(' ');
    const filters: Filters = {};
    if (type.value) filters.type = type.value;
    if (province.value) filters.province = province.value;
    const filtered = Object.keys(filters).length > 0;
    list.replaceChildren();
    more.hidden = true;
    help.hidden = true;
    found = undefined;
    showPlaces(raw);
    if (!term && !filtered) {
      announce(say('prompt'));
      return;
    }
    status.textContent = say('searching');
    let outcome: Found;
    try {
      outcome = await (async () => {
        if (serverSearch) {
          try {
            return await searchServer(serverSearch, raw);
          } catch (error) {
            if (!(error instanceof NoServerSearch)) throw error;
            // No server search here after all: Pagefind, for this search and the next ones.
            serverSearch = undefined;
          }
        }
        return searchPagefind(raw, terms, filters);
      })();
    } catch (error) {
      if (current !== run) return;
      if (error instanceof RefusedQuery) {
        announce(error.message);
        return;
      }
      // No index, a lost connection, or a policy that blocks Pagefind's WebAssembly
      // (Content-Security-Policy without 'wasm-unsafe-eval'): say so, and point to the lists.
      if (unavailable) unavailable.hidden = false;
      announce(say('unavailable'));
      return;
    }
    if (unavailable) unavailable.hidden = true;
    if (current !== run) return;
    found = outcome;
    const count = outcome.total;
    await showMore(current);
    if (current !== run) return;
    if (count === 0) {
      announce(say('none', { query: raw }));
      await showHelp(raw, current);
    } else if (!term) announce(say(count === 1 ? 'filteredOne' : 'filtered', { count }));
    else announce(say(count === 1 ? 'countOne' : 'count', { count, query: raw }));
  }

  /** Keeps the address in step with the form, so a search can be bookmarked and shared. */
  function rememberInUrl(): void {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    if (type.value) params.set('type', type.value);
    if (province.value) params.set('province', province.value);
    const query = params.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    rememberInUrl();
    void search();
  });
  for (const select of [type, province]) {
    select.addEventListener('change', () => {
      rememberInUrl();
      void search();
    });
  }
  // While the citizen types, fetch the index chunks the words so far need.
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    // The server reads its own index: nothing to fetch ahead.
    if (serverSearch) return;
    clearTimeout(typing);
    typing = setTimeout(() => {
      const term = queryTerms(input.value).join(' ');
      if (term)
        void loadPagefind().then(
          (api) => api.preload(term),
          () => undefined,
        );
    }, PRELOAD_DELAY_MS);
  });
  more.addEventListener('click', () => {
    void showMore(run, true);
  });

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  const pick = (select: HTMLSelectElement, value: string | null) => {
    if (value && [...select.options].some((option) => option.value === value)) {
      select.value = value;
    }
  };
  pick(type, params.get('type'));
  pick(province, params.get('province'));
  root.hidden = false;
  if (input.value || type.value || province.value) void search();
  // Failing here is not yet an error: the search itself tries again and says so.
  else if (!serverSearch) loadPagefind().catch(() => undefined);
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) setUp(root);
