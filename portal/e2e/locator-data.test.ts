import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { sharedBrowser } from './browser.ts';

// What the locator reads on the built site before its first answer (issue 22, docs/data.md): a
// province page the index and that province's chunk in the page's language, nothing else; the
// directory page "use my location" the index and the chunks near the position; a province chosen
// from the list that province's places file. Checked in Chromium against the real server and the
// data the publish script wrote, so a preload or a national file slipping back in fails here.
const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

const resultName = (page: Page) =>
  page.locator('bz-service-locator [part~="result-name"]').first().waitFor({ timeout: 20_000 });

/** Opens `path`, does `act`, and returns the locator data files requested (path only). */
async function dataRead(
  path: string,
  act: (page: Page) => Promise<void>,
  options: { geolocation?: { latitude: number; longitude: number } } = {},
): Promise<string[]> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 780 },
    ...(options.geolocation
      ? { geolocation: options.geolocation, permissions: ['geolocation'] }
      : {}),
  });
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/data/locator/')) requested.push(url.pathname);
  });
  await page.goto(baseUrl + path);
  await act(page);
  await page.waitForLoadState('networkidle');
  await context.close();
  return requested.map((p) => p.slice('/data/locator/'.length));
}

describe('the locator reads one province’s data, in the page’s language', () => {
  it('a province page: the index and that province’s chunk, Persian only', async () => {
    const read = await dataRead('/directory/kerman/', async (page) => {
      // The widget loads when its section comes near the screen.
      await page.locator('bz-service-locator').scrollIntoViewIfNeeded();
      await resultName(page);
    });
    expect(read).toContain('index.json');
    expect(read.filter((file) => file !== 'index.json').length).toBeGreaterThan(0);
    for (const file of read.filter((f) => f !== 'index.json'))
      expect(file).toMatch(/^provinces\/kerman\/q[0-3]*\.fa\.json$/);
  });

  it('the same page in English: English files only', async () => {
    const read = await dataRead('/en/directory/kerman/', async (page) => {
      await page.locator('bz-service-locator').scrollIntoViewIfNeeded();
      await resultName(page);
    });
    for (const file of read.filter((f) => f !== 'index.json'))
      expect(file).toMatch(/^provinces\/kerman\/q[0-3]*\.en\.json$/);
  });

  it('"use my location": the index and chunks only, never a places file', async () => {
    const read = await dataRead(
      '/directory/',
      async (page) => {
        await page.locator('bz-service-locator [part~="geolocate-button"]').click();
        await resultName(page);
      },
      { geolocation: { latitude: 38.262, longitude: 48.301 } },
    );
    expect(read).toContain('index.json');
    for (const file of read.filter((f) => f !== 'index.json'))
      expect(file).toMatch(/^provinces\/[a-z-]+\/q[0-3]*\.fa\.json$/);
  });

  it('a province chosen from the list: its places file, then the answer', async () => {
    const read = await dataRead('/directory/', async (page) => {
      const locator = page.locator('bz-service-locator');
      await locator.locator('select#province').selectOption('isfahan');
      await locator.locator('select#county option[value="isfahan"]').waitFor({ state: 'attached' });
      await locator.locator('select#county').selectOption('isfahan');
      await locator.locator('[part~="places-form"] button[type="submit"]').click();
      await resultName(page);
    });
    expect(read).toContain('provinces/isfahan/places.fa.json');
    expect(read.filter((file) => /places/.test(file))).toEqual([
      'provinces/isfahan/places.fa.json',
    ]);
    for (const file of read.filter((f) => f !== 'index.json'))
      expect(file).toMatch(/^provinces\/isfahan\/[a-z0-9]+\.fa\.json$/);
  });
});
