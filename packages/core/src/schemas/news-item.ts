import { z } from 'zod';
import { normalizeDigits } from '../text.ts';
import { ContentDateSchema, nonBlank } from './primitives.ts';
import { ProvinceIdSchema } from './provinces.ts';
import { strictObject } from './strict.ts';

/**
 * Front matter of a news item (Markdown). A news item is written in one language (`lang`),
 * so its texts are plain strings rather than `{ fa, en }`.
 */

/** A picture with its alternative text; alt is required because screen-reader users read it. */
export const NewsImageSchema = strictObject({
  src: nonBlank(500).describe(
    'Path of the picture beside the Markdown file (e.g. ./hesseh.jpg) or an https:// address.',
  ),
  alt: nonBlank(300).describe(
    'What the picture shows, for people who cannot see it. Required, not empty.',
  ),
  caption: nonBlank(300).optional().describe('Caption shown under the picture.'),
}).describe('Lead picture.');

/** Front matter of one news item. */
export const NewsItemSchema = strictObject({
  title: nonBlank(200).describe('Headline.'),
  summary: nonBlank(400).describe('One or two sentences for lists, feeds and search results.'),
  date: ContentDateSchema.describe(
    'Publication date: YYYY-MM-DD or YYYY/MM/DD, Solar Hijri (1403-05-12) or Gregorian (2024-08-02), any digits.',
  ),
  lang: z.enum(['fa', 'en']).default('fa').describe('Language of this item; fa by default.'),
  province: ProvinceIdSchema.optional().describe(
    'Province the news is about; leave out for nationwide news.',
  ),
  tags: z
    .array(nonBlank(50))
    .default([])
    .refine((tags) => new Set(tags).size === tags.length, { error: 'a tag is listed twice' })
    .describe('Topic tags, e.g. [سکونتگاه غیررسمی, توانمندسازی].'),
  code: z
    .union([z.string(), z.number().int().nonnegative()])
    .transform((code) => normalizeDigits(String(code)).trim())
    .pipe(
      z.string().regex(/^\d{1,12}$/, {
        error: (issue) =>
          `news code '${String(issue.input)}' must be 1 to 12 digits (any digit set)`,
      }),
    )
    .describe('News code (کد خبر): digits in any digit set; unique across news.'),
  image: NewsImageSchema.optional(),
  office: nonBlank(200).describe('Publishing office, e.g. روابط عمومی بهزیستی استان اصفهان.'),
  sample: z.boolean().default(false).describe('true for sample content written for the demo.'),
  draft: z.boolean().default(false).describe('true to keep the item off the site.'),
  // Review and scheduling (portal/src/lib/news-visibility.ts holds the rule that reads these).
  status: z
    .enum(['draft', 'review', 'published', 'withdrawn'])
    .default('published')
    .describe(
      'draft: being written; review: waiting for a publisher to approve it; published: on the site from its date (and time); withdrawn: taken off the site, its address answers 410.',
    ),
  time: z
    .union([z.string(), z.number()])
    .transform((time) => normalizeDigits(String(time)).trim())
    .pipe(
      z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
        error: (issue) =>
          `time '${String(issue.input)}' must be a time of day as HH:MM, e.g. 09:30 (Tehran time)`,
      }),
    )
    .optional()
    .describe(
      'Time of day the item goes live on its date, HH:MM in Tehran time; midnight when left out.',
    ),
}).meta({
  title: 'Behzisti news item front matter',
  description: 'YAML front matter of a news item (Markdown file).',
});

/** Front matter of one news item (validated; `date` is a Date at the start of the day in Tehran). */
export type NewsItem = z.output<typeof NewsItemSchema>;
/** News front matter as written. */
export type NewsItemInput = z.input<typeof NewsItemSchema>;
