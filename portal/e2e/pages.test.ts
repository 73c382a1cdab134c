import { describe, expect, inject, it } from 'vitest';
import {
  expectSoundPage,
  recordCspViolations,
  sharedBrowser,
  sharedContext,
  watch,
} from './browser.ts';
import { sitemapPaths } from './site.ts';

// Every page the sitemap lists, in fa and en: loads cleanly under the server's
// Content-Security-Policy with no violation, asks nothing of third parties, and passes axe. New page types are covered as soon as they are in the sitemap.

const baseUrl = inject('baseUrl');
const context = sharedContext(sharedBrowser());

// Pages run a few at a time (vitest's maxConcurrency, 5): axe dominates and pages are independent.
describe('every page in the sitemap', () => {
  it.concurrent.for(sitemapPaths())(
    '%s loads without errors or third-party requests and passes axe',
    async (path, { expect }) => {
      const page = await context.newPage();
      const seen = watch(page, baseUrl);
      const violations = await recordCspViolations(page);
      const response = await page.goto(baseUrl + encodeURI(path), { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      // The page ran under the strict policy (portal/server.ts, http/security-headers.ts).
      expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
      const locale = path.startsWith('/en/') ? 'en' : 'fa';
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      expect(await page.getAttribute('html', 'dir')).toBe(locale === 'en' ? 'ltr' : 'rtl');
      expect(await page.locator('h1').count()).toBe(1);
      // The footer widget upgrades (its shadow root replaces the fallback) once the footer
      // comes near the screen (it loads then: layouts/Base.astro).
      await page.locator('bz-hotlines').scrollIntoViewIfNeeded();
      await expect
        .poll(() => page.locator('bz-hotlines').evaluate((el) => el.shadowRoot !== null))
        .toBe(true);
      await expectSoundPage(page, seen);
      expect(await violations()).toEqual([]);
      await page.close();
    },
  );
});

describe('the CSP check itself', () => {
  it('catches an inline script the policy blocks', async () => {
    const page = await context.newPage();
    const violations = await recordCspViolations(page);
    await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
    });
    await expect.poll(violations).toHaveLength(1);
    expect(await page.evaluate(() => 'injected' in window)).toBe(false);
    await page.close();
  });
});
