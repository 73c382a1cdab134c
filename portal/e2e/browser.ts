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

/**
 * Records every Content-Security-Policy violation the page reports (the
 * `securitypolicyviolation` event, in the document and its frames), from before its first
 * script runs. Call before `page.goto`; the returned function lists them afterwards.
 */
export async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return () =>
    page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    );
}
