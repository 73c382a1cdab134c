import { describe, expect, inject, it } from 'vitest';
import { expectQuiet, sharedBrowser, watch } from './browser.ts';
import { sendFeedback } from './citizen.ts';

// A citizen sends a complaint through the portal's own feedback API (SQLite in a temp file,
// see server.setup.ts), gets a tracking code, and looks it up on the same page.
const baseUrl = inject('baseUrl');
const browser = sharedBrowser();

describe('feedback page', () => {
  it('shows one quick exit for the page’s two forms', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/feedback/`);
    await page.locator('bz-feedback-form[mode="status"] >> [part~="base"]').waitFor();
    // Playwright's CSS pierces shadow roots: every quick-exit button on the page.
    await expect.poll(() => page.locator('[part~="quick-exit"]').count()).toBe(1);
    await context.close();
  });

  it('sends a message, shows the tracking code, and finds it again', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = watch(page, baseUrl);
    await page.goto(`${baseUrl}/en/feedback/`);
    const form = page.locator('bz-feedback-form:not([mode="status"])');
    await form.getByRole('radio', { name: 'Complaint' }).check();
    await form.getByLabel('Your message').fill('The ramp at the entrance is broken. (e2e test)');
    await form.getByLabel('Send anonymously, without my name or contact details').check();
    await form.locator('#consent').check();
    const code = await sendFeedback(form);

    const lookup = page.locator('bz-feedback-form[mode="status"]');
    await lookup.getByLabel('Tracking code').fill(code);
    await lookup.getByRole('button', { name: 'Check the status' }).click();
    await expect.poll(() => lookup.getByText('Received', { exact: true }).count()).toBe(1);
    expectQuiet(seen);
    await context.close();
  });
});
