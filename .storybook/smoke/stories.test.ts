import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumHelp, findChromium } from '../../scripts/browsers.mjs';
import { serveStatic } from '../../scripts/static-server.mjs';

const root = new URL('../../storybook-static/', import.meta.url).pathname;
const index = JSON.parse(readFileSync(`${root}index.json`, 'utf8')) as {
  entries: Record<string, { id: string; type: string; title: string; name: string }>;
};
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(chromiumHelp);
  browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
  server = await serveStatic(root);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('stories', () => {
  it('the build has stories', () => {
    expect(stories.length).toBeGreaterThan(0);
  });

  for (const story of stories) {
    for (const locale of ['fa', 'en']) {
      it(`${story.title} / ${story.name} renders in ${locale} without errors and passes axe`, async () => {
        const context = await browser.newContext();
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('console', (message) => {
          // Storybook's static build asks for a favicon it does not ship; that is not our error.
          if (message.type() === 'error' && !message.text().includes('Failed to load resource')) {
            errors.push(message.text());
          }
        });
        // a11y.manual stops the a11y addon's own axe run, which would collide with ours.
        await page.goto(
          `${server.url}/iframe.html?id=${story.id}&viewMode=story&globals=locale:${locale};a11y.manual:!true`,
        );
        const root = page.locator('#storybook-root');
        await root.locator(':scope *').first().waitFor();
        await page.waitForFunction(() => !document.querySelector(':not(:defined)'));
        expect(await page.getAttribute('html', 'lang')).toBe(locale);
        const axe = await new AxeBuilder({ page })
          .include('#storybook-root')
          .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
          .analyze();
        expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }
});
