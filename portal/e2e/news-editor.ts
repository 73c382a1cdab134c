import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** A news item's body as a writer types it in the editor (admin.test.ts, office.test.ts). */
export interface TypedBody {
  /** The first paragraph: `opening`, then `bold` in bold, then `closing`. */
  opening: string;
  bold: string;
  closing: string;
  /** A subheading, typed as Markdown (`## `) at the start of a line. */
  subheading: string;
  /** The last paragraph, as typed (Markdown in it stays text for the editor to read). */
  last: string;
}

/**
 * Types `text` into the body of the item open in Decap's rich-text editor with the keyboard, as a
 * writer does: bold between two Ctrl+B, and the subheading, which the editor must turn into a
 * heading as it is typed.
 */
export async function typeBody(page: Page, text: TypedBody): Promise<void> {
  const body = page.locator('[data-slate-editor="true"]');
  await body.click();
  await page.keyboard.type(text.opening);
  await page.keyboard.press('Control+b');
  await page.keyboard.type(text.bold);
  await page.keyboard.press('Control+b');
  await page.keyboard.type(text.closing);
  await page.keyboard.press('Enter');
  await page.keyboard.type(`## ${text.subheading}`);
  await expect.poll(() => body.locator('h2').allTextContents()).toEqual([text.subheading]);
  await page.keyboard.press('Enter');
  await page.keyboard.type(text.last);
}
