import type { z } from 'zod';
import { nonBlank } from './primitives.ts';
import { strictObject } from './strict.ts';

/**
 * Text in Persian, the source language, and optionally English. Persian is required because
 * every page and widget falls back to it; English is recommended so the en pages are complete.
 */
export const LocalizedTextSchema = strictObject({
  fa: nonBlank(2000).describe('Persian text (required; the source language).'),
  en: nonBlank(2000).optional().describe('English text (optional but recommended).'),
}).meta({
  id: 'LocalizedText',
  description: 'Text in Persian (fa, required) and English (en, recommended).',
});

/** Text in Persian and optionally English: `{ fa, en? }`. */
export type LocalizedText = z.output<typeof LocalizedTextSchema>;
