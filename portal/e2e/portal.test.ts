import { describe, expect, inject, it } from 'vitest';
import { expectSoundPage, sharedBrowser, watch } from './browser.ts';

const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

const pages = [
  { path: '/', lang: 'fa', dir: 'rtl', heading: 'خدمات بهزیستی نزدیک شما', digits: '۱۲۳' },
  { path: '/en/', lang: 'en', dir: 'ltr', heading: 'Welfare services near you', digits: '123' },
];

describe('portal pages', () => {
  for (const expected of pages) {
    it(`${expected.path} is ${expected.lang}/${expected.dir}, upgrades the hotlines widget and passes axe`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const seen = watch(page, baseUrl);
      await page.goto(baseUrl + expected.path);
      expect(await page.getAttribute('html', 'lang')).toBe(expected.lang);
      expect(await page.getAttribute('html', 'dir')).toBe(expected.dir);
      expect(await page.textContent('h1')).toBe(expected.heading);
      // The footer widget loads once the footer comes near the screen (layouts/Base.astro).
      await page.locator('bz-hotlines').scrollIntoViewIfNeeded();
      const number = page.locator('bz-hotlines a[part~="number"]').first();
      await expect.poll(() => number.textContent()).toContain(expected.digits);
      await expectSoundPage(page, seen);
      await context.close();
    });
  }

  it('keeps the hotlines readable as plain links when scripts do not run', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    expect(await page.locator('bz-hotlines a[href="tel:123"]').isVisible()).toBe(true);
    expect(await page.locator('bz-hotlines a[href="tel:1480"]').isVisible()).toBe(true);
    await context.close();
  });

  it('links each page to the same page in the other language', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/`);
    await page.click('a[hreflang="en"]');
    await page.waitForURL(`${baseUrl}/en/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.close();
  });

  it('answers unknown paths with the Persian 404 page, with a way out in English', async () => {
    const response = await fetch(`${baseUrl}/no-such-page`);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).toContain('این صفحه پیدا نشد');
    expect(body).toContain('Page not found');
  });

  it('answers unknown paths under /en/ with the English 404 page, left to right', async () => {
    for (const path of ['/en/no-such-page', '/en/directory/no/such/']) {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.status).toBe(404);
      const body = await response.text();
      expect(body).toMatch(
        /<html[^>]* lang="en"[^>]* dir="ltr"|<html[^>]* dir="ltr"[^>]* lang="en"/,
      );
      expect(body).toContain('Page not found');
      expect(body).not.toContain('این صفحه پیدا نشد');
      // A way on: search, the nearest base, the help lines.
      expect(body).toContain('href="/en/directory/"');
      expect(body).toContain('href="tel:1480"');
    }
    const persian = await (await fetch(`${baseUrl}/english-looking-path`)).text();
    expect(persian).toMatch(/<html[^>]* lang="fa"/);
  });

  it('serves the on-demand API from the same server', async () => {
    const response = await fetch(`${baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
