import { describe, expect, inject, it } from 'vitest';
import { expectQuiet, openPage, sharedBrowser, sharedContext } from './browser.ts';

// The service-base directory and programme pages: plain navigation down the tree, the hours
// in Persian digits, and the two widgets on their pages (the locator answering for a position
// the page gives, and a programme page's checker asking about that programme only).
const baseUrl = inject('baseUrl');
const context = sharedContext(sharedBrowser());

const open = (path: string) => openPage(context, path);

describe('service-base directory', () => {
  it('goes province → county → base by plain links', async () => {
    const { page, seen } = await open('/directory/');
    await page
      .locator('section[aria-labelledby="provinces-title"]')
      .getByRole('link', { name: 'اردبیل', exact: true })
      .click();
    await page.waitForURL(`${baseUrl}/directory/ardabil/`);
    expect(await page.locator('h1').textContent()).toBe('پایگاه‌های خدمات استان اردبیل');
    await page
      .getByRole('navigation', { name: 'شهرستان' })
      .getByRole('link', { name: 'مشگین‌شهر' })
      .click();
    await page.waitForURL(`${baseUrl}/directory/ardabil/meshgin-shahr/`);
    await page.getByRole('link', { name: 'پایگاه خدمات اجتماعی مشگین‌شهر' }).click();
    await page.waitForURL(`${baseUrl}/directory/bases/ardabil-meshgin-shahr/`);
    expect(await page.locator('h1').textContent()).toBe('پایگاه خدمات اجتماعی مشگین‌شهر');
    const crumbs = page.getByRole('navigation', { name: 'جای این صفحه در فهرست' });
    expect(await crumbs.getByRole('link').allTextContents()).toEqual([
      'پایگاه‌های خدمات بهزیستی',
      'اردبیل',
      'مشگین‌شهر',
    ]);
    expectQuiet(seen);
    await page.close();
  });

  it('shows a base’s week Saturday first in Persian digits, phones, map and scoped feedback', async () => {
    const { page, seen } = await open('/directory/bases/ardabil-city/');
    const rows = page.locator('table.hours tbody tr');
    expect(await rows.locator('th').allTextContents()).toEqual([
      'شنبه',
      'یکشنبه',
      'دوشنبه',
      'سه‌شنبه',
      'چهارشنبه',
      'پنجشنبه',
      'جمعه',
    ]);
    expect(await rows.first().locator('td').textContent()).toBe('۰۷:۳۰ تا ۱۴:۰۰، ۱۶:۰۰ تا ۱۹:۰۰');
    expect(await rows.last().locator('td').textContent()).toBe('بسته');
    expect(await page.locator('table.hours').textContent()).not.toMatch(/[0-9]/);
    // The sample records carry no number of their own: the nationwide lines sit in a box
    // labelled as such, never as the base's number.
    expect(await page.locator('a.call-link').count()).toBe(0);
    const hotlines = page.getByRole('group', { name: /خط‌های سراسری بهزیستی/ });
    expect(await hotlines.textContent()).toContain('شماره‌ی این پایگاه نیستند');
    expect(
      await hotlines
        .locator('a[href^="tel:"]')
        .evaluateAll((links) => links.map((link) => [link.getAttribute('href'), link.textContent])),
    ).toEqual([
      ['tel:123', '۱۲۳'],
      ['tel:1480', '۱۴۸۰'],
    ]);
    // Directions in the first screen, and the map section further down, point at the base.
    const maps = await page
      .locator('a[href^="https://www.openstreetmap.org/"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(maps).toHaveLength(2);
    for (const href of maps) expect(href).toContain('mlat=38.262&mlon=48.301');
    const form = page.locator('bz-feedback-form');
    expect(await form.getAttribute('service-base')).toBe('ardabil-city');
    // The form upgrades when it comes near the screen (ServiceBasePage.astro).
    await form.scrollIntoViewIfNeeded();
    await expect.poll(() => form.evaluate((el) => el.shadowRoot !== null)).toBe(true);
    expectQuiet(seen);
    await page.close();
  });

  it('upgrades the locator on the index, lists bases near a given position and opens the chosen one', async () => {
    const { page, seen } = await open('/en/directory/');
    const locator = page.locator('bz-service-locator');
    await expect.poll(() => locator.evaluate((el) => el.shadowRoot !== null)).toBe(true);
    await locator.evaluate((el) => {
      el.setAttribute('lat', '38.262');
      el.setAttribute('lng', '48.301');
    });
    const names = locator.locator('[part~="result-name"]');
    await expect.poll(() => names.first().textContent()).toBe('Ardabil social services base');
    expect(await names.count()).toBeGreaterThan(1);
    await locator.locator('[part~="result"]').first().locator('[part~="select-button"]').click();
    await page.waitForURL(`${baseUrl}/en/directory/bases/ardabil-city/`);
    expectQuiet(seen);
    await page.close();
  });
});

describe('programme pages', () => {
  it('limits a programme page’s checker to that programme', async () => {
    const { page, seen } = await open('/en/programmes/social-emergency/');
    const checker = page.locator('bz-eligibility-checker');
    expect(await checker.getAttribute('programme')).toBe('social-emergency');
    await page.evaluate(() => {
      document.addEventListener('bz-result', (event) => {
        (window as unknown as { outcomes: unknown }).outcomes = (
          event as CustomEvent<{ outcomes: Record<string, string> }>
        ).detail.outcomes;
      });
    });
    await expect.poll(() => checker.locator('#heading').textContent()).toContain('in danger');
    await checker.locator('input[value="no"]').check();
    await checker.locator('button.primary').click();
    await checker.locator('input[value="family_conflict"]').check();
    await checker.locator('button.primary').click();
    await expect.poll(() => checker.locator('#heading').textContent()).toBe('Check your answers');
    await checker.locator('button.primary').click();
    await expect
      .poll(() =>
        page.evaluate(() =>
          Object.keys((window as unknown as { outcomes?: object }).outcomes ?? {}),
        ),
      )
      .toEqual(['social-emergency']);
    expectQuiet(seen);
    await page.close();
  });

  it('lists every programme on the index next to the full checker', async () => {
    const { page } = await open('/programmes/');
    const links = page.locator('.programme-list h3 a');
    expect(await links.count()).toBe(5);
    expect(await page.locator('bz-eligibility-checker').getAttribute('programme')).toBeNull();
    await page.close();
  });
});
