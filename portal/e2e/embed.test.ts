import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, openPage, sharedBrowser, sharedContext, type watch } from './browser.ts';

// "Embed on your site": a webmaster chooses a widget and its options, sees the real widget
// change, and copies a snippet that says exactly what the preview shows, in fa and en, with
// the keyboard, at 320 px, and without JavaScript (ready-made snippets).
const baseUrl = inject('baseUrl');
const browser = sharedBrowser();
const context = sharedContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });

const snippetText = (page: Page) => page.locator('[data-embed-snippet]').textContent();
const previewed = (page: Page) => page.locator('[data-embed-preview] > *');

/** The preview has upgraded: the element's shadow root shows its `base` part. */
async function upgraded(page: Page) {
  await page.waitForFunction(() =>
    Boolean(
      document
        .querySelector('[data-embed-preview] > *')
        ?.shadowRoot?.querySelector('[part~="base"]'),
    ),
  );
}

describe('embed page (fa)', () => {
  let page: Page;
  let seen: ReturnType<typeof watch>;

  beforeAll(async () => {
    ({ page, seen } = await openPage(context, '/embed/'));
    await page.locator('[data-embed]').waitFor();
    await upgraded(page);
  });
  afterAll(() => page?.close());

  it('is linked from the footer', async () => {
    const home = await context.newPage();
    await home.goto(`${baseUrl}/`);
    expect(await home.locator('footer a[href="/embed/"]').textContent()).toBe(
      'ابزارک‌ها را در وب‌سایت خود بگذارید',
    );
    await home.close();
  });

  it('starts with the locator, in Persian, pointing at this site', async () => {
    expect(await previewed(page).evaluate((el) => el.localName)).toBe('bz-service-locator');
    expect(await previewed(page).getAttribute('lang')).toBe('fa');
    expect(await previewed(page).getAttribute('src')).toBe(`${baseUrl}/data/locator/index.json`);
    expect(await snippetText(page)).toBe(
      `<script type="module" src="${baseUrl}/widgets/v0/bz-service-locator.js"></script>\n` +
        `<bz-service-locator lang="fa" src="${baseUrl}/data/locator/index.json"></bz-service-locator>`,
    );
  });

  it('province and county change the preview and the snippet', async () => {
    const county = page.locator('#embed-county');
    expect(await county.isDisabled()).toBe(true);
    await page.locator('#embed-province').selectOption('kerman');
    await expect.poll(() => previewed(page).getAttribute('province')).toBe('kerman');
    expect(await county.isDisabled()).toBe(false);
    await county.selectOption('faryab');
    await expect.poll(() => previewed(page).getAttribute('county')).toBe('faryab');
    expect(await snippetText(page)).toContain('province="kerman" county="faryab"');
    // The real widget answers for that county.
    await expect
      .poll(() => page.locator('[data-embed-preview] [part~="result"]').count())
      .toBeGreaterThan(0);
  });

  it('the colour reaches the preview and the snippet, with its contrast', async () => {
    await page.locator('#embed-accent').fill('#00695c');
    await expect
      .poll(() =>
        previewed(page).evaluate((el) =>
          (el as HTMLElement).style.getPropertyValue('--bz-color-accent'),
        ),
      )
      .toBe('#00695c');
    expect(await snippetText(page)).toContain(
      '<style>\n  bz-service-locator {\n    --bz-color-accent: #00695c;\n  }\n</style>',
    );
    expect(await page.locator('[data-embed-contrast]').textContent()).toMatch(/۶٫۶ به ۱؛ خوانا/);
    await page.locator('#embed-accent').fill('#ffbf47');
    await expect.poll(() => page.locator('[data-embed-contrast]').textContent()).toMatch(/کم است/);
    await page.locator('#embed-accent').fill('#0b5cad');
    await expect.poll(() => snippetText(page)).not.toContain('<style>');
  });

  it('chooses the checker and a programme with the keyboard only', async () => {
    await page.locator('#embed-widget-service-locator').focus();
    await page.keyboard.press('ArrowDown'); // radio group: the next widget, the checker
    await expect
      .poll(() => previewed(page).evaluate((el) => el.localName))
      .toBe('bz-eligibility-checker');
    expect(await page.locator('#embed-province').isVisible()).toBe(false);
    const programme = page.locator('#embed-programme');
    await programme.focus();
    await programme.selectOption('social-emergency');
    await expect.poll(() => previewed(page).getAttribute('programme')).toBe('social-emergency');
    const text = await snippetText(page);
    expect(text).toContain(`${baseUrl}/widgets/v0/bz-eligibility-checker.js`);
    expect(text).toContain(
      `<bz-eligibility-checker lang="fa" src="${baseUrl}/data/programmes.json" programme="social-emergency" locator-url="${baseUrl}/directory/"></bz-eligibility-checker>`,
    );
  });

  it('switches the widget language', async () => {
    await page.locator('#embed-locale').selectOption('en');
    await expect.poll(() => previewed(page).getAttribute('lang')).toBe('en');
    await upgraded(page);
    expect(
      await previewed(page).evaluate(
        (el) =>
          getComputedStyle(el.shadowRoot?.querySelector('[part~="base"]') as Element).direction,
      ),
    ).toBe('ltr');
    expect(await snippetText(page)).toContain('<bz-eligibility-checker lang="en"');
  });

  it('copies the snippet with Enter and says so', async () => {
    await page.locator('[data-embed-copy]').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('[data-embed-copied]').textContent())
      .toBe('کد رونوشت شد. اکنون آن را در صفحه‌ی خود بچسبانید.');
    expect(await page.locator('[data-embed-copied]').getAttribute('role')).toBe('status');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippetText(page));
  });

  it('passes axe with the preview shown, with no error and no third-party request', async () => {
    await upgraded(page);
    expect(await axeViolations(page)).toEqual([]);
    expect(seen.errors).toEqual([]);
    expect(seen.foreign).toEqual([]);
  });
});

describe('embed page (en)', () => {
  it('builds an English snippet, passes axe and fits 320 px', async () => {
    const { page, seen } = await openPage(context, '/en/embed/');
    await page.setViewportSize({ width: 320, height: 800 });
    await page.locator('[data-embed]').waitFor();
    await upgraded(page);
    expect(await previewed(page).getAttribute('lang')).toBe('en');
    await page.locator('#embed-widget-feedback-form').check();
    await expect
      .poll(() => previewed(page).evaluate((el) => el.localName))
      .toBe('bz-feedback-form');
    expect(await previewed(page).getAttribute('endpoint')).toBe(`${baseUrl}/api/feedback`);
    expect(await page.locator('[data-for="feedback-form"]').isVisible()).toBe(true);
    await upgraded(page);
    // This page's content (builder, preview, snippets) needs no sideways scrolling; the site
    // header is shared by every page and checked with them.
    const overflow = await page.evaluate(() => {
      const main = document.querySelector('main') as HTMLElement;
      return main.scrollWidth - main.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});

describe('embed page without JavaScript', () => {
  it('shows a ready-made snippet for every widget, and no builder', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${baseUrl}/embed/`);
    expect(await page.locator('[data-embed]').isVisible()).toBe(false);
    const snippets = await page.locator('[data-embed-default]').allTextContents();
    expect(snippets).toHaveLength(4);
    for (const name of ['service-locator', 'eligibility-checker', 'feedback-form', 'hotlines']) {
      expect(snippets.join('\n')).toMatch(
        new RegExp(`src="[^"]+/widgets/v0/bz-${name}\\.js"></script>\\n<bz-${name} lang="fa"`),
      );
    }
    expect(await page.locator('a[href="/storybook/"]').count()).toBe(1);
    await noScript.close();
  });

  it('shows a frame snippet for every widget, for sites that strip scripts', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto(`${baseUrl}/embed/`);
    const section = page.locator('section[aria-labelledby="embed-frame-title"]');
    const frames = (await section.locator('pre code').allTextContents()).join('\n');
    for (const name of ['service-locator', 'eligibility-checker', 'feedback-form', 'hotlines']) {
      // The frame page of that widget, telling its height only to the embedding site.
      expect(frames).toMatch(
        new RegExp(
          `<iframe src="[^"]+/embed/${name}/\\?lang=fa&amp;origin=https%3A%2F%2Fwww\\.example\\.org"`,
        ),
      );
    }
    expect(await section.textContent()).toContain('https://www.example.org');
    await noScript.close();
  });
});
