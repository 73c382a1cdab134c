import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, sharedBrowser, watch } from './browser.ts';

// Site search end to end: the index built by scripts/index-search.ts, queried through
// src/scripts/search.ts in real Chromium.
const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

/** The portal's strict policy, plus what Pagefind's WebAssembly needs (and nothing more). */
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'none'";
/** The same without 'wasm-unsafe-eval': Pagefind cannot run. */
const CSP_NO_WASM = CSP.replace(" 'wasm-unsafe-eval'", '');

async function open(
  path: string,
  options: { width?: number; javaScript?: boolean; csp?: string; noServerSearch?: boolean } = {},
) {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1024, height: 800 },
    javaScriptEnabled: options.javaScript ?? true,
  });
  const page = await context.newPage();
  const seen = watch(page, baseUrl);
  const csp = options.csp;
  if (csp) {
    // Serve every response with the Content-Security-Policy a production host would send.
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': csp },
      });
    });
  }
  // After the policy's route: the route added last answers first.
  if (options.noServerSearch) await withoutServerSearch(page);
  await page.goto(baseUrl + encodeURI(path));
  return { page, seen, close: () => context.close() };
}

/** As on a static host: /api/search answers 404, so the page searches with Pagefind. */
async function withoutServerSearch(page: Page) {
  await page.route(
    (url) => url.pathname === '/api/search',
    (route) => route.fulfill({ status: 404, body: 'Not found' }),
  );
}

/** Types a query into the page's search form and submits it with the keyboard. */
async function searchFor(page: Page, query: string) {
  await page.locator('#search-q').fill(query);
  await page.locator('#search-q').press('Enter');
  await waitForStatus(page);
}

/** Waits until the live region reports an outcome (not "searching…"), and returns it. */
async function waitForStatus(page: Page): Promise<string> {
  const status = page.locator('.search-status');
  await expect
    .poll(async () => (await status.textContent()) ?? '')
    .toMatch(/نتیجه|result|پیدا نشد|Nothing found|صفحه با|match/);
  return (await status.textContent()) ?? '';
}

const resultLinks = (page: Page) =>
  page
    .locator('.search-results h2 a')
    .evaluateAll((links) =>
      links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
    );

/** The result links for a query typed on the search page at `path` (its own page, closed after). */
async function linksFor(path: string, query: string): Promise<string[]> {
  const { page, close } = await open(path);
  try {
    await searchFor(page, query);
    return await resultLinks(page);
  } finally {
    await close();
  }
}

describe('Persian search', () => {
  it('finds the page written with Persian letters and ZWNJ from Arabic letters, Arabic-Indic digits and no ZWNJ', async () => {
    const { page, seen, close } = await open('/search/');
    // The page says «۱۰۰ محله‌ی کم‌برخوردار»: Persian digits, ی, ک and the joiner (U+200C).
    // The query: Arabic-Indic digits, Arabic yeh (ي) and kaf (ك), no joiner.
    await searchFor(page, '١٠٠ محلهي كمبرخوردار');
    const links = await resultLinks(page);
    expect(links[0]).toBe('/news/hundred-neighbourhoods/');
    const first = page.locator('.search-results > li').first();
    // Title and excerpt are the text as written, with the matched words marked.
    expect(await first.locator('h2').textContent()).toBe(
      'بازدید مسئولان بهزیستی از ۱۰۰ محله‌ی کم‌برخوردار',
    );
    const excerpt = (await first.locator('p').last().textContent()) ?? '';
    expect(excerpt).toContain('۱۰۰ محله‌ی کم‌برخوردار');
    expect(excerpt).not.toMatch(/[0-9]|ي|ك/);
    const marked = await first.locator('mark').allTextContents();
    expect(marked).toContain('کم‌برخوردار');
    expect(marked).toContain('۱۰۰');
    // The live region announces the count in Persian digits.
    expect(await page.locator('[role="status"]').textContent()).toMatch(/^[۰-۹]+ نتیجه برای «/);
    expect(seen.errors).toEqual([]);
    expect(seen.foreign).toEqual([]);
    await close();
  });

  it('finds a word written with the joiner when the query has a space instead', async () => {
    expect(await linksFor('/search/', 'كم برخوردار')).toContain('/news/hundred-neighbourhoods/');
  });

  it('marks the matched words, also after punctuation-only words such as a dash', async () => {
    const { page, close } = await open('/search/');
    // Base pages list «۱۲۳ — اورژانس اجتماعی…»: the dash is a word of its own for Pagefind.
    await searchFor(page, 'اورژانس');
    const marked = await page.locator('.search-results mark').allTextContents();
    expect(marked.length).toBeGreaterThan(3);
    for (const word of marked) expect(word).toContain('اورژانس');
    await close();
  });

  it('searches only Persian pages on the Persian site', async () => {
    const links = await linksFor('/search/', 'بهزیستی');
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((link) => !link.startsWith('/en/'))).toBe(true);
  });

  it('says so when nothing matches', async () => {
    const { page, close } = await open('/search/');
    await searchFor(page, 'زرافه‌ی بنفش');
    expect(await page.locator('[role="status"]').textContent()).toContain('نتیجه‌ای پیدا نشد');
    expect(await page.locator('.search-results > li').count()).toBe(0);
    await close();
  });
});

describe('compounds, endings and one ranking (issues 15 and 21)', () => {
  it('finds a compound typed joined in an article that wrote it apart, and the reverse', async () => {
    const { page, close } = await open('/search/');
    // The sample article writes «سکونت گاه ها» and «راه اندازی» apart.
    await searchFor(page, 'سکونتگاه‌های اردبیل');
    expect(await resultLinks(page)).toContain('/news/ardabil-informal-settlements/');
    // «کم‌توان ذهنی» is written apart in the article: three parts, typed joined.
    await searchFor(page, 'کمتوانذهنی');
    expect(await resultLinks(page)).toContain('/news/saveh-community-rehabilitation/');
    await close();
  });

  it('lists base pages before news for a query naming a service, with excerpts from the text', async () => {
    const { page, close } = await open('/search/');
    await searchFor(page, 'پایگاه');
    const links = await resultLinks(page);
    expect(links[0]).toMatch(/^\/directory\/bases\//);
    const firstNews = links.findIndex((link) => link.startsWith('/news/'));
    expect(
      firstNews === -1 || firstNews > links.findIndex((l) => l.startsWith('/directory/')),
    ).toBe(true);
    // Excerpts never begin with the article's metadata.
    await searchFor(page, 'سکونتگاه');
    for (const excerpt of await page
      .locator('.search-results > li > p:last-child')
      .allTextContents()) {
      expect(excerpt).not.toMatch(/تاریخ انتشار|کد خبر/);
    }
    await close();
  });

  it('links to the directory page of a place the query names', async () => {
    const { page, close } = await open('/search/');
    await searchFor(page, 'پایگاه قلعه گنج');
    const place = page.locator('.search-places a');
    await expect.poll(() => place.count()).toBe(1);
    expect(await place.getAttribute('href')).toBe('/directory/kerman/qaleh-ganj/');
    expect(await place.textContent()).toBe('پایگاه‌های خدمات در قلعه‌گنج');
    await close();
  });

  it('offers the closest words, the compound split, the directory and the programmes when nothing is found', async () => {
    for (const [path, query, suggestion, links] of [
      ['/search/', 'مشاوزه', 'مشاوره', ['/directory/', '/programmes/']],
      ['/en/search/', 'Ghasedac', 'ghasedak', ['/en/directory/', '/en/programmes/']],
    ] as const) {
      const { page, close } = await open(path);
      await searchFor(page, query);
      expect(await page.locator('.search-results > li').count()).toBe(0);
      const help = page.locator('.search-help');
      await expect.poll(() => help.isVisible()).toBe(true);
      await expect
        .poll(() => help.locator('[data-search-help-queries] a').allTextContents())
        .toContain(suggestion);
      const hrefs = await help
        .locator('ul:last-child a')
        .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(links);
      // A suggestion runs its search.
      await help
        .locator('[data-search-help-queries] a')
        .filter({ hasText: new RegExp(`^${suggestion}$`) })
        .click();
      await expect.poll(() => page.locator('.search-results > li').count()).toBeGreaterThan(0);
      expect(await help.isVisible()).toBe(false);
      await close();
    }
  });
});

describe('English search', () => {
  it('finds English pages on /en/search/ and only those', async () => {
    const { page, close } = await open('/en/search/');
    await searchFor(page, 'Counselling');
    const links = await resultLinks(page);
    expect(links).toContain('/en/news/counselling-line-1480/');
    expect(links.every((link) => link.startsWith('/en/'))).toBe(true);
    expect(await page.locator('[role="status"]').textContent()).toMatch(
      /^\d+ results? for “Counselling”$/,
    );
    await close();
  });
});

describe('filters', () => {
  it('narrows results by type and by province', async () => {
    const { page, close } = await open('/search/');
    await searchFor(page, 'بهزیستی');
    const all = await page.locator('.search-status').textContent();

    await page.locator('#search-type').selectOption('base');
    await expect.poll(() => page.locator('.search-status').textContent()).not.toBe(all);
    await waitForStatus(page);
    const bases = await resultLinks(page);
    expect(bases.length).toBeGreaterThan(0);
    expect(bases.every((link) => link.startsWith('/directory/bases/'))).toBe(true);

    await page.locator('#search-province').selectOption('kerman');
    // The list is emptied while the new search runs: wait for Kerman's bases, and only those.
    await expect
      .poll(async () => {
        const links = await resultLinks(page);
        return (
          links.length > 0 && links.every((link) => link.startsWith('/directory/bases/kerman-'))
        );
      })
      .toBe(true);
    // The address keeps the search, so it can be bookmarked or shared.
    const url = new URL(page.url());
    expect(url.searchParams.get('type')).toBe('base');
    expect(url.searchParams.get('province')).toBe('kerman');
    await close();
  });

  it('narrows news to a province from the address alone', async () => {
    const { page, close } = await open('/search/?q=بهزیستی&type=news&province=isfahan');
    await waitForStatus(page);
    const links = await resultLinks(page);
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((link) => link.startsWith('/news/'))).toBe(true);
    expect(await page.locator('.search-results .meta').first().textContent()).toContain('اصفهان');
    await close();
  });
});

describe('header search box', () => {
  it('submits to the search page with the query kept, in each language', async () => {
    for (const [start, target, query] of [
      ['/news/', '/search/', 'قاصدک'],
      ['/en/news/', '/en/search/', 'Ghasedak'],
    ] as const) {
      const { page, close } = await open(start);
      await page.locator('#site-search-q').fill(query);
      await page.locator('#site-search-q').press('Enter');
      await page.waitForURL((url) => url.pathname === target);
      expect(new URL(page.url()).searchParams.get('q')).toBe(query);
      expect(await page.locator('#search-q').inputValue()).toBe(query);
      await waitForStatus(page);
      expect(await page.locator('.search-results > li').count()).toBeGreaterThan(0);
      await close();
    }
  });
});

describe('accessibility and layout', () => {
  for (const [path, query] of [
    ['/search/', 'محله'],
    ['/en/search/', 'neighbourhood'],
  ] as const) {
    it(`${path} with results passes axe`, async () => {
      const { page, close } = await open(path);
      await searchFor(page, query);
      expect(await axeViolations(page)).toEqual([]);
      await close();
    });
  }

  it('works at 320 px without scrolling sideways', async () => {
    const { page, close } = await open('/search/?q=پایگاه', { width: 320 });
    await waitForStatus(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await close();
  });

  it('is usable from the keyboard: more results move focus to the first new result', async () => {
    const { page, close } = await open('/search/');
    await searchFor(page, 'پایگاه');
    expect(await page.locator('.search-results > li').count()).toBe(10);
    const more = page.locator('.search-more');
    expect(await more.isVisible()).toBe(true);
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.search-results > li').count()).toBeGreaterThan(10);
    const focused = await page.evaluate(() => document.activeElement?.closest('li'));
    expect(focused).not.toBeNull();
    expect(
      await page.evaluate(() => {
        const items = [...document.querySelectorAll('.search-results > li')];
        return items.indexOf(document.activeElement?.closest('li') as Element);
      }),
    ).toBe(10);
    await close();
  });

  it('runs under a strict Content-Security-Policy (only WebAssembly added)', async () => {
    const { page, seen, close } = await open('/search/', { csp: CSP });
    await searchFor(page, 'قاصدک');
    expect(await page.locator('.search-results > li').count()).toBeGreaterThan(0);
    expect(seen.errors).toEqual([]);
    await close();
  });

  it('says search is unavailable, and points to the lists, when Pagefind cannot run', async () => {
    // A static host (no /api/search: the page falls back to Pagefind) whose policy blocks
    // WebAssembly.
    const { page, close } = await open('/en/search/?q=Ghasedak', {
      csp: CSP_NO_WASM,
      noServerSearch: true,
    });
    const status = page.locator('.search-status');
    await expect.poll(() => status.textContent()).toContain('Search is not available right now');
    expect(await page.locator('.search-notice', { hasText: 'not available' }).isVisible()).toBe(
      true,
    );
    expect(await page.locator('.search-browse a').count()).toBe(3);
    await close();
  });
});

describe('without JavaScript', () => {
  it('says that search needs JavaScript and links to the lists', async () => {
    for (const [path, message, links] of [
      [
        '/search/?q=قاصدک',
        'جست‌وجو به جاوااسکریپت نیاز دارد',
        ['/news/', '/directory/', '/programmes/'],
      ],
      [
        '/en/search/',
        'Search needs JavaScript',
        ['/en/news/', '/en/directory/', '/en/programmes/'],
      ],
    ] as const) {
      const { page, close } = await open(path, { javaScript: false });
      const notice = page.locator('.search-notice', { hasText: message });
      expect(await notice.isVisible()).toBe(true);
      expect(await page.locator('#search-q').isVisible()).toBe(false);
      const hrefs = await page
        .locator('.search-browse a')
        .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(links);
      await close();
    }
  });
});
