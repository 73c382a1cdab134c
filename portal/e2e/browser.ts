import { type Browser, chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumHelp, findChromium } from '../../scripts/browsers.mjs';

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(chromiumHelp);
  return chromium.launch({ executablePath, headless: true, args: chromiumArgs });
}

/**
 * Records every request a page makes that leaves `origin`, and every console error:
 * the portal must make no third-party request and log no error.
 */
export function watch(page: Page, origin: string) {
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.protocol !== 'data:') foreign.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { foreign, errors };
}
