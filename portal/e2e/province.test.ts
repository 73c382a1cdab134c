import { describe, expect, inject, it } from 'vitest';
import { sharedBrowser } from './browser.ts';

// A province's landing page (issue 16 item 2): its bases by county, the locator for that
// province (loaded only when its section comes near the screen), the programmes its bases offer
// and its latest news; linked from the home page, the directory and each of its base pages.

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

const cases = [
  { locale: 'fa', home: '/', directory: '/directory/', province: '/directory/isfahan/' },
  { locale: 'en', home: '/en/', directory: '/en/directory/', province: '/en/directory/isfahan/' },
] as const;

describe.each(cases)('the Isfahan page ($locale)', ({ locale, home, directory, province }) => {
  it('is linked from the home page, the directory and its base pages', async () => {
    const page = await browser.newPage();
    for (const from of [home, directory, `${directory}bases/isfahan-hesseh/`]) {
      await page.goto(baseUrl + from);
      expect(await page.locator(`main a[href="${province}"]`).count(), from).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('offers its programmes and its news', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl + province);
    const programmes = page.locator('section[aria-labelledby="programmes-title"] .card a');
    expect(await programmes.count()).toBeGreaterThan(0);
    for (const href of await programmes.evaluateAll((links) =>
      links.map((link) => link.getAttribute('href')),
    ))
      expect(href).toMatch(
        locale === 'en' ? /^\/en\/programmes\/[\w-]+\/$/ : /^\/programmes\/[\w-]+\/$/,
      );
    const news = page.locator('section[aria-labelledby="news-title"] .news-card');
    expect(await news.count()).toBeGreaterThan(0);
    // Every item listed is about this province.
    const provinceName = locale === 'en' ? 'Isfahan' : 'اصفهان';
    for (const meta of await news.locator('.meta').allTextContents())
      expect(meta).toContain(provinceName);
    await page.close();
  });

  it('loads the locator only when its section comes near, then lists the province’s bases', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(baseUrl + province, { waitUntil: 'load' });
    const locator = page.locator('bz-service-locator');
    expect(await locator.evaluate((el) => el.shadowRoot === null)).toBe(true);
    expect(requested.filter((path) => path.includes('service-locator'))).toEqual([]);
    expect(requested).not.toContain('/data/locator/index.json');

    await page.locator('#nearest-title').scrollIntoViewIfNeeded();
    await expect.poll(() => locator.evaluate((el) => el.shadowRoot !== null)).toBe(true);
    expect(requested.some((path) => path.includes('service-locator'))).toBe(true);
    // Preset to this province, it lists bases without being asked.
    await expect
      .poll(() =>
        locator.evaluate((el) => el.shadowRoot?.querySelectorAll('[part~="result"]').length ?? 0),
      )
      .toBeGreaterThan(0);
    // The map add-on is not loaded unless someone asks for the map.
    expect(requested.filter((path) => /map|leaflet/i.test(path))).toEqual([]);
    await page.close();
  });
});
