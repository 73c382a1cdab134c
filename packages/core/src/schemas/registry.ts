import type { z } from 'zod';
import { FeedbackSchema } from './feedback.ts';
import { NewsItemSchema } from './news-item.ts';
import { ProgrammeSchema } from './programme.ts';
import { ServiceBaseSchema } from './service-base.ts';

/** The kinds of data the kit validates, as named on the command line and in JSON Schema files. */
export const dataKinds = ['service-base', 'programme', 'news', 'feedback'] as const;

/** A kind of data: `service-base`, `programme`, `news` or `feedback`. */
export type DataKind = (typeof dataKinds)[number];

/** The schema of each kind of data. */
export const schemaRegistry = {
  'service-base': ServiceBaseSchema,
  programme: ProgrammeSchema,
  news: NewsItemSchema,
  feedback: FeedbackSchema,
} as const satisfies Record<DataKind, z.ZodType>;

/** True when `value` names a kind of data. */
export function isDataKind(value: string): value is DataKind {
  return (dataKinds as readonly string[]).includes(value);
}
