import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { sharedBrowser, sharedContext, watch } from './browser.ts';
import { clientDir } from './site.ts';

// The static Storybook published with the portal at /storybook/ (portal/scripts/publish-storybook.ts):
// it works under that sub-path, asks nothing of any other site, and has a docs page per element
// whose API tables come from the custom elements manifest. Storybook's bundles are large, so
// these tests allow more time than the portal's own pages need.

const baseUrl = inject('baseUrl');

/** Docs page id → names its API tables must show (attribute, event, CSS property, part). */
const docs: Record<string, string[]> = {
  'elements-hotlines--docs': ['heading-level', '--bz-color-danger', 'number'],
  'elements-service-locator--docs': [
    'province',
    'bz-select',
    '--bz-color-accent',
    'geolocate-button',
  ],
  'elements-eligibility-checker--docs': ['programme', 'bz-result', 'heading'],
  'elements-feedback-form--docs': ['endpoint', 'bz-submit', 'quick-exit'],
};

// One context for every page, so Storybook's large bundles are fetched once (HTTP cache).
const context = sharedContext(sharedBrowser());

describe('Storybook at /storybook/', () => {
  it('is part of the build (pnpm build-storybook ran before the portal build)', () => {
    expect(existsSync(join(clientDir, 'storybook/index.html'))).toBe(true);
  });

  it('opens under the sub-path with no request to another site', async () => {
    const page = await context.newPage();
    const seen = watch(page, baseUrl);
    await page.goto(`${baseUrl}/storybook/?path=/docs/elements-hotlines--docs`);
    const preview = page.frameLocator('#storybook-preview-iframe');
    await preview
      .locator('#storybook-docs')
      .getByText('heading-level', { exact: true })
      .first()
      .waitFor({ timeout: 60_000 });
    expect(seen.foreign).toEqual([]);
    await page.close();
  }, 90_000);

  for (const [id, names] of Object.entries(docs)) {
    it(`${id} lists the element's API from the manifest`, async () => {
      const page = await context.newPage();
      const seen = watch(page, baseUrl);
      await page.goto(`${baseUrl}/storybook/iframe.html?viewMode=docs&id=${id}`);
      const text = async () => (await page.locator('#storybook-docs').textContent()) ?? '';
      for (const name of names) await expect.poll(text, { timeout: 60_000 }).toContain(name);
      expect(seen.foreign).toEqual([]);
      await page.close();
    }, 90_000);
  }
});
