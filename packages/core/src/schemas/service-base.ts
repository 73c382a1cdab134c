import { z } from 'zod';
import { normalizeDigits, stripBidiMarks } from '../text.ts';
import { notOneOf } from './enum-error.ts';
import { LocalizedTextSchema } from './localized-text.ts';
import { EmailSchema, GregorianDateSchema, HttpUrlSchema, SlugSchema } from './primitives.ts';
import { ProvinceIdSchema } from './provinces.ts';
import { ClosureSchema, ScheduleEntrySchema } from './schedule.ts';
import { strictObject } from './strict.ts';

/**
 * One record per physical service base: the HSDS location, its address, phones, schedules,
 * accessibility and the services offered there (service_at_location), flattened into one
 * object so a data team edits one record per place. Field names follow HSDS 3.0 where HSDS has
 * the concept; the open-data export maps records back to HSDS tables.
 */

/** Iran's extent with a small margin; a point outside is nearly always swapped or mistyped. */
export const iranBounds = { south: 24, north: 40.5, west: 44, east: 63.5 } as const;

const coordinate = (name: 'latitude' | 'longitude', min: number, max: number, hint: string) =>
  z
    .number()
    .min(min, {
      error: (issue) => `${name} ${String(issue.input)} is outside Iran (${min} to ${max})${hint}`,
    })
    .max(max, {
      error: (issue) => `${name} ${String(issue.input)} is outside Iran (${min} to ${max})${hint}`,
    });

/** WGS84 position of the entrance, bounded to Iran's extent. */
export const GeoPointSchema = strictObject({
  latitude: coordinate(
    'latitude',
    iranBounds.south,
    iranBounds.north,
    '; check that latitude and longitude are not swapped',
  ).describe(`Latitude in decimal degrees (WGS84), ${iranBounds.south} to ${iranBounds.north}.`),
  longitude: coordinate('longitude', iranBounds.west, iranBounds.east, '').describe(
    `Longitude in decimal degrees (WGS84), ${iranBounds.west} to ${iranBounds.east}.`,
  ),
}).describe('Position of the entrance (HSDS location.latitude/longitude), WGS84 decimal degrees.');

/** Keeps only what dials: digits (made Latin) and a leading +; spaces, dashes and brackets go. */
function normalizePhoneNumber(text: string): string {
  return normalizeDigits(stripBidiMarks(text)).replace(/[\s\-().]/g, '');
}

/** A phone number in any digit set; the output keeps only Latin digits and a leading +. */
export const PhoneNumberSchema = z
  .string()
  .meta({
    pattern: '^[+0-9\u06F0-\u06F9\u0660-\u0669 ()\\-.]+$',
    examples: ['123', '1480', '031 0000 0000'],
  })
  .transform(normalizePhoneNumber)
  .pipe(
    z.string().regex(/^\+?\d{3,15}$/, {
      error: (issue) =>
        `'${String(issue.input)}' is not a phone number: write 3 to 15 digits (any digit set), optionally with + and spaces, e.g. 123 or 031 0000 0000`,
    }),
  )
  .describe(
    'Phone number as dialled, in Persian, Arabic-Indic or Latin digits; spaces, dashes and brackets are allowed and removed.',
  );

/** A phone line of the base (HSDS phone). */
export const PhoneSchema = strictObject({
  number: PhoneNumberSchema,
  type: z
    .enum(['voice', 'fax', 'text'], { error: notOneOf('a phone type', 'voice, fax or text') })
    .default('voice')
    .describe('RFC 6350 type as in HSDS: voice (default), fax, or text (SMS).'),
  description: LocalizedTextSchema.optional().describe(
    'What the line is for, e.g. "social emergency, nationwide, 24 hours".',
  ),
}).describe('A phone line (HSDS phone).');

/** A postal address (HSDS address); `state_province` comes from the record's province. */
export const AddressSchema = strictObject({
  address_1: LocalizedTextSchema.describe(
    'Street address: street, alley, building (HSDS address_1).',
  ),
  address_2: LocalizedTextSchema.optional().describe('More address detail (HSDS address_2).'),
  city: LocalizedTextSchema.describe('City, town or village (HSDS city).'),
  region: LocalizedTextSchema.optional().describe(
    'District (bakhsh) or rural district (HSDS region).',
  ),
  postal_code: z
    .string()
    .transform((text) => normalizeDigits(text).replace(/[\s-]/g, ''))
    .pipe(
      z.string().regex(/^\d{10}$/, {
        error: (issue) => `postal code '${String(issue.input)}' must have 10 digits`,
      }),
    )
    .optional()
    .describe('Iranian 10-digit postal code, any digit set (HSDS postal_code).'),
  country: z
    .literal('IR', { error: "country must be 'IR' (ISO 3166-1)" })
    .default('IR')
    .describe('ISO 3166-1 country code; always IR.'),
}).describe('Postal address of the base (HSDS address).');

/** A service offered at the base (HSDS service + service_at_location). */
export const ServiceAtBaseSchema = strictObject({
  id: SlugSchema.describe('Service id, stable across bases (e.g. counselling, rehabilitation).'),
  name: LocalizedTextSchema.describe('Service name as shown to citizens (HSDS service.name).'),
  description: LocalizedTextSchema.optional().describe(
    'What the service is (HSDS service.description).',
  ),
  program_id: SlugSchema.optional().describe(
    'Id of the programme (content/programmes) this service delivers (HSDS service.program_id).',
  ),
}).describe('A service offered at this base (HSDS service_at_location).');

/** An accessibility arrangement (HSDS accessibility). */
export const AccessibilitySchema = strictObject({
  description: LocalizedTextSchema.describe(
    'The arrangement, e.g. "step-free entrance" (HSDS accessibility.description).',
  ),
  details: LocalizedTextSchema.optional().describe('Further details (HSDS accessibility.details).'),
  url: HttpUrlSchema.optional().describe('Page with more information (HSDS accessibility.url).'),
}).describe('An accessibility arrangement at the base (HSDS accessibility).');

/** ISO 639-1 or 639-3 language code, e.g. fa, azb, ckb, bal. */
export const LanguageCodeSchema = z
  .string()
  .regex(/^[a-z]{2,3}$/, {
    error: (issue) =>
      `'${String(issue.input)}' is not an ISO 639 language code: use 2 or 3 lowercase letters, e.g. fa, azb, ckb, bal`,
  })
  .describe('ISO 639-1 or ISO 639-3 code (HSDS language.code).');

/** A list whose items must be distinct by `key`; the error points at the repeated item. */
function distinctBy<T>(key: (item: T) => string, what: string) {
  return (items: T[], ctx: z.core.$RefinementCtx<T[]>) => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const value = key(item);
      const first = seen.get(value);
      if (first === undefined) seen.set(value, index);
      else
        ctx.addIssue({
          code: 'custom',
          path: [index],
          input: item,
          message: `${what} '${value}' is listed twice (also at position ${first + 1})`,
        });
    });
  };
}

/** A county: stable id plus names. Counties are not a closed list in core (there are ~450). */
export const CountySchema = strictObject({
  id: SlugSchema.describe('County id, unique within the province (e.g. fereydunshahr).'),
  name: LocalizedTextSchema.describe('County name.'),
}).describe('The county (shahrestan) the base is in.');

/** The organization that runs the base (HSDS organization). */
export const OrganizationRefSchema = strictObject({
  name: LocalizedTextSchema.describe(
    'Organization name, e.g. the provincial Welfare (Behzisti) office (HSDS organization.name).',
  ),
  url: HttpUrlSchema.optional().describe('Organization website (HSDS organization.website).'),
}).describe('Who runs the base (HSDS organization).');

/** One physical service base. */
export const ServiceBaseSchema = strictObject({
  id: SlugSchema.describe(
    'Stable id of the base, used in URLs and feedback (e.g. isfahan-hesseh).',
  ),
  sample: z
    .boolean({
      error: (issue) => (issue.input === undefined ? undefined : 'sample must be true or false'),
    })
    .default(false)
    .describe('true for sample or illustrative data that is not an official record.'),
  name: LocalizedTextSchema.describe('Name of the base (HSDS location.name).'),
  description: LocalizedTextSchema.optional().describe(
    'Short description (HSDS location.description).',
  ),
  organization: OrganizationRefSchema,
  province: ProvinceIdSchema,
  county: CountySchema,
  neighbourhood: LocalizedTextSchema.optional().describe(
    'Neighbourhood or settlement, searchable in the locator (e.g. Hesseh).',
  ),
  location: GeoPointSchema,
  address: AddressSchema,
  transportation: LocalizedTextSchema.optional().describe(
    'How to get there by public transport (HSDS location.transportation).',
  ),
  phones: z
    .array(PhoneSchema)
    .default([])
    .superRefine(distinctBy((phone) => phone.number, 'phone number'))
    .describe(
      "The base's own phone lines (HSDS phones), shown first on its page. Only real numbers; leave out when none is known (pages then offer the nationwide lines 123 and 1480 in a box of their own, never as the base's number).",
    ),
  email: EmailSchema.optional().describe('Contact e-mail (HSDS location email via contacts).'),
  url: HttpUrlSchema.optional().describe('Web page of the base.'),
  schedules: z
    .array(ScheduleEntrySchema)
    .default([])
    .describe(
      'Weekly opening intervals (HSDS schedules). Empty means hours are unknown, not closed.',
    ),
  closures: z.array(ClosureSchema).default([]).describe('Dated closures and special-hours days.'),
  services: z
    .array(ServiceAtBaseSchema)
    .default([])
    .superRefine(distinctBy((service) => service.id, 'service id'))
    .describe('Services offered here (HSDS service_at_location).'),
  languages: z
    .array(LanguageCodeSchema)
    .default(['fa'])
    .superRefine(distinctBy((code) => code, 'language'))
    .describe('Languages spoken at the base (ISO 639 codes); default ["fa"].'),
  accessibility: z
    .array(AccessibilitySchema)
    .default([])
    .describe('Accessibility arrangements (HSDS accessibility).'),
  assured_date: GregorianDateSchema.optional().describe(
    'When this record was last checked with the base (HSDS service.assured_date), YYYY-MM-DD.',
  ),
}).meta({
  title: 'Behzisti service base',
  description:
    'One physical service base of the State Welfare Organisation (Behzisti): HSDS 3.0 location, address, phones, schedules, accessibility and services, flattened into one record.',
});

/** One physical service base (validated, defaults applied). */
export type ServiceBase = z.output<typeof ServiceBaseSchema>;
/** A service base as written in a data file (before defaults). */
export type ServiceBaseInput = z.input<typeof ServiceBaseSchema>;
/** A phone line of a base. */
export type Phone = z.output<typeof PhoneSchema>;
/** The postal address of a base. */
export type Address = z.output<typeof AddressSchema>;
/** A service offered at a base. */
export type ServiceAtBase = z.output<typeof ServiceAtBaseSchema>;
/** An accessibility arrangement at a base. */
export type Accessibility = z.output<typeof AccessibilitySchema>;
