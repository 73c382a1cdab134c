import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Sends a filled English feedback form as a citizen would, after the time a person takes to
 * type (the service refuses submissions made faster), and returns the tracking code it shows.
 */
export async function sendFeedback(form: Locator): Promise<string> {
  await form.page().waitForTimeout(3200);
  await form.getByRole('button', { name: 'Send message' }).click();
  await expect
    .poll(() => form.getByRole('heading', { name: 'Your message was received' }).count())
    .toBe(1);
  const code = ((await form.locator('[part="code"]').textContent()) ?? '').replace(/\s/g, '');
  expect(code).toMatch(/^\d{4}-\d{4}-\d{4}-\d{4}$/);
  return code;
}
