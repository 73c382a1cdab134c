import { provinceName } from '../provinces.ts';
import type { LocalizedText } from '../schemas/localized-text.ts';
import type { Closure, ScheduleEntry } from '../schemas/schedule.ts';
import type { ServiceBase } from '../schemas/service-base.ts';
import { toLocaleDigits } from '../text.ts';
import { uuidV5 } from './uuid.ts';

/**
 * Service bases → Open Referral HSDS 3.0, as the HSDS API answers `GET /services?full=true`:
 * one page holding every service fully nested (organization, service_at_locations with their
 * location, address, phones, schedules, accessibility, languages). Each item validates against
 * HSDS's compiled `service_with_definitions` schema (vendored in core/schemas/hsds-3.0).
 *
 * How our records map: a base is an HSDS location; a service id offered by one organization is
 * one HSDS service (so `counselling` run by the Isfahan office is one service with a
 * service_at_location per base that offers it); the base's hours, phones and accessibility
 * belong to its location. HSDS text fields hold one language: the export is written in one
 * locale, with the other locale's name in `alternate_name`. Ids are UUID v5 of our slugs.
 */

/** The locale an HSDS export is written in. */
export type OpenDataLocale = 'fa' | 'en';

/** Iran's UTC offset in hours (Asia/Tehran, no daylight saving since 2022), HSDS `timezone`. */
export const TEHRAN_UTC_OFFSET_HOURS = 3.5;
const OFFSET_SUFFIX = '+03:30';

/** The attribute every record of sample data carries, so nobody mistakes it for an official one. */
export const SAMPLE_ATTRIBUTE = { link_type: 'data_status', value: 'sample' } as const;

export interface HsdsAttribute {
  id: string;
  link_id: string;
  link_type: string;
  link_entity: string;
  taxonomy_term_id: string;
  value: string;
  taxonomy_term: {
    id: string;
    code: string;
    name: string;
    description: string;
    taxonomy: string;
  };
}

export interface HsdsPhone {
  id: string;
  location_id: string;
  number: string;
  type: string;
  description?: string;
}

export interface HsdsSchedule {
  id: string;
  location_id: string;
  freq?: 'WEEKLY';
  wkst?: 'SA';
  byday?: string;
  opens_at?: string;
  closes_at?: string;
  timezone: number;
  valid_from?: string;
  valid_to?: string;
  description?: string;
  notes?: string;
}

export interface HsdsAddress {
  id: string;
  location_id: string;
  address_1: string;
  address_2?: string;
  city: string;
  region?: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: 'physical';
}

export interface HsdsAccessibility {
  id: string;
  location_id: string;
  description: string;
  details?: string;
  url?: string;
}

export interface HsdsLanguage {
  id: string;
  location_id: string;
  code: string;
}

export interface HsdsContact {
  id: string;
  location_id: string;
  email: string;
}

export interface HsdsLocation {
  id: string;
  location_type: 'physical';
  organization_id: string;
  name: string;
  alternate_name?: string;
  description?: string;
  transportation?: string;
  url?: string;
  latitude: number;
  longitude: number;
  external_identifier: string;
  external_identifier_type: string;
  languages: HsdsLanguage[];
  addresses: HsdsAddress[];
  contacts: HsdsContact[];
  phones: HsdsPhone[];
  schedules: HsdsSchedule[];
  accessibility: HsdsAccessibility[];
  attributes: HsdsAttribute[];
}

export interface HsdsServiceAtLocation {
  id: string;
  service_id: string;
  location_id: string;
  description?: string;
  location: HsdsLocation;
  attributes: HsdsAttribute[];
}

export interface HsdsOrganization {
  id: string;
  name: string;
  alternate_name?: string;
  description: string;
  website?: string;
  attributes: HsdsAttribute[];
}

export interface HsdsService {
  id: string;
  organization_id: string;
  name: string;
  alternate_name?: string;
  description?: string;
  status: 'active';
  assured_date?: string;
  organization: HsdsOrganization;
  service_at_locations: HsdsServiceAtLocation[];
  attributes: HsdsAttribute[];
}

/** The HSDS API's page (`components.schemas.Page` in its openapi.json) holding every service. */
export interface HsdsServicePage {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: HsdsService[];
}

/** Strings the export writes itself (HSDS requires an organization description; we have none). */
const words = {
  fa: {
    organization: (name: string, count: number) =>
      `${name}: ${toLocaleDigits(count, 'fa')} پایگاه خدمات در این مجموعه‌داده.`,
    sample:
      'داده‌ی نمونه برای نمایش؛ رکورد رسمی سازمان بهزیستی نیست و مکان، نشانی و ساعت‌ها تقریبی است.',
    sampleTerm: 'داده‌ی نمونه',
    closed: 'تعطیل',
    special: 'ساعت ویژه',
  },
  en: {
    organization: (name: string, count: number) =>
      `${name}: ${count} service base(s) in this dataset.`,
    sample:
      'Sample data for demonstration: not an official record of the State Welfare Organisation; positions, addresses and hours are approximate.',
    sampleTerm: 'Sample data',
    closed: 'Closed all day',
    special: 'Special hours',
  },
} as const;

const pick = (text: LocalizedText, locale: OpenDataLocale): string =>
  locale === 'en' ? (text.en ?? text.fa) : text.fa;

/** The other locale's text, when it exists and differs (HSDS `alternate_name`). */
function other(text: LocalizedText, locale: OpenDataLocale): string | undefined {
  const alternate = locale === 'en' ? text.fa : text.en;
  return alternate !== undefined && alternate !== pick(text, locale) ? alternate : undefined;
}

const optional = (text: LocalizedText | undefined, locale: OpenDataLocale) =>
  text === undefined ? undefined : pick(text, locale);

/** Drops undefined members so optional HSDS fields are absent rather than null. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, member]) => member !== undefined),
  ) as T;
}

/** `07:30` → `07:30+03:30`; `24:00` (our "until midnight") → `23:59`, as HSDS suggests for 24 h. */
export function hsdsTime(time: string, closing = false): string {
  return `${closing && time === '24:00' ? '23:59' : time}${OFFSET_SUFFIX}`;
}

function sampleAttribute(locale: OpenDataLocale, entity: string, linkId: string): HsdsAttribute {
  const termId = uuidV5('taxonomy_term:data_status:sample');
  return {
    id: uuidV5(`attribute:sample:${entity}:${linkId}`),
    link_id: linkId,
    link_type: SAMPLE_ATTRIBUTE.link_type,
    link_entity: entity,
    taxonomy_term_id: termId,
    value: SAMPLE_ATTRIBUTE.value,
    taxonomy_term: {
      id: termId,
      code: 'sample',
      name: words[locale].sampleTerm,
      description: words[locale].sample,
      taxonomy: 'behzisti-data-status',
    },
  };
}

function weeklySchedule(
  entry: ScheduleEntry,
  locationId: string,
  key: string,
  locale: OpenDataLocale,
): HsdsSchedule {
  return defined({
    id: uuidV5(`schedule:${key}`),
    location_id: locationId,
    freq: 'WEEKLY',
    wkst: 'SA',
    byday: entry.byday,
    opens_at: hsdsTime(entry.opens_at),
    closes_at: hsdsTime(entry.closes_at, true),
    timezone: TEHRAN_UTC_OFFSET_HOURS,
    valid_from: entry.valid_from,
    valid_to: entry.valid_to,
    description: optional(entry.description, locale),
  });
}

/**
 * A dated closure as a one-day schedule (HSDS has no closure object): special hours keep their
 * times; a full-day closure has no times and says so in `description` and `notes: closed`.
 */
function closureSchedule(
  closure: Closure,
  locationId: string,
  key: string,
  locale: OpenDataLocale,
): HsdsSchedule {
  const reason = optional(closure.description, locale);
  const special = closure.opens_at !== undefined && closure.closes_at !== undefined;
  const label = special ? words[locale].special : words[locale].closed;
  return defined({
    id: uuidV5(`schedule:${key}`),
    location_id: locationId,
    opens_at: special ? hsdsTime(closure.opens_at as string) : undefined,
    closes_at: special ? hsdsTime(closure.closes_at as string, true) : undefined,
    timezone: TEHRAN_UTC_OFFSET_HOURS,
    valid_from: closure.date,
    valid_to: closure.date,
    description: reason ? `${label}: ${reason}` : label,
    notes: special ? 'special hours' : 'closed',
  });
}

/** One base as an HSDS location with everything that belongs to the place. */
export function hsdsLocation(
  base: ServiceBase,
  organizationId: string,
  locale: OpenDataLocale = 'fa',
): HsdsLocation {
  const id = uuidV5(`location:${base.id}`);
  return defined({
    id,
    location_type: 'physical',
    organization_id: organizationId,
    name: pick(base.name, locale),
    alternate_name: other(base.name, locale),
    description: optional(base.description, locale),
    transportation: optional(base.transportation, locale),
    url: base.url,
    latitude: base.location.latitude,
    longitude: base.location.longitude,
    external_identifier: base.id,
    external_identifier_type: 'behzisti-service-base-id',
    languages: base.languages.map((code) => ({
      id: uuidV5(`language:${base.id}:${code}`),
      location_id: id,
      code,
    })),
    addresses: [
      defined({
        id: uuidV5(`address:${base.id}`),
        location_id: id,
        address_1: pick(base.address.address_1, locale),
        address_2: optional(base.address.address_2, locale),
        city: pick(base.address.city, locale),
        region: optional(base.address.region, locale),
        state_province: provinceName(base.province)[locale],
        // HSDS requires the field; an empty string says "not known" without inventing a code.
        postal_code: base.address.postal_code ?? '',
        country: base.address.country,
        address_type: 'physical' as const,
      }),
    ],
    contacts: base.email
      ? [{ id: uuidV5(`contact:${base.id}`), location_id: id, email: base.email }]
      : [],
    phones: base.phones.map((phone) =>
      defined({
        id: uuidV5(`phone:${base.id}:${phone.number}`),
        location_id: id,
        number: phone.number,
        type: phone.type,
        description: optional(phone.description, locale),
      }),
    ),
    schedules: [
      ...base.schedules.map((entry, i) => weeklySchedule(entry, id, `${base.id}:${i}`, locale)),
      ...base.closures.map((closure, i) =>
        closureSchedule(closure, id, `${base.id}:closure:${closure.date}:${i}`, locale),
      ),
    ],
    accessibility: base.accessibility.map((item, i) =>
      defined({
        id: uuidV5(`accessibility:${base.id}:${i}`),
        location_id: id,
        description: pick(item.description, locale),
        details: optional(item.details, locale),
        url: item.url,
      }),
    ),
    attributes: base.sample ? [sampleAttribute(locale, 'location', id)] : [],
  });
}

/** The organization's key: its Persian name, which every record must give. */
const organizationKey = (base: ServiceBase) => base.organization.name.fa;

/** Every base, every service and organization as one HSDS 3.0 page of full services. */
export function toHsds(
  bases: readonly ServiceBase[],
  locale: OpenDataLocale = 'fa',
): HsdsServicePage {
  const organizations = new Map<string, { id: string; bases: ServiceBase[] }>();
  for (const base of bases) {
    const key = organizationKey(base);
    const entry = organizations.get(key) ?? {
      id: uuidV5(`organization:${key}`),
      bases: [],
    };
    entry.bases.push(base);
    organizations.set(key, entry);
  }

  const organization = (base: ServiceBase): HsdsOrganization => {
    const entry = organizations.get(organizationKey(base));
    const members = entry?.bases ?? [base];
    const id = entry?.id ?? uuidV5(`organization:${organizationKey(base)}`);
    const name = pick(base.organization.name, locale);
    const anySample = members.some((member) => member.sample);
    return defined({
      id,
      name,
      alternate_name: other(base.organization.name, locale),
      description: `${anySample ? `${words[locale].sample} ` : ''}${words[locale].organization(name, members.length)}`,
      website: base.organization.url,
      attributes: anySample ? [sampleAttribute(locale, 'organization', id)] : [],
    });
  };

  // One HSDS service per (organization, service id), in the order services first appear.
  const services = new Map<string, HsdsService & { bases: ServiceBase[] }>();
  for (const base of bases) {
    const org = organization(base);
    const location = hsdsLocation(base, org.id, locale);
    for (const offered of base.services) {
      const key = `${organizationKey(base)}\u0000${offered.id}`;
      let service = services.get(key);
      if (!service) {
        const id = uuidV5(`service:${organizationKey(base)}:${offered.id}`);
        service = defined({
          id,
          organization_id: org.id,
          name: pick(offered.name, locale),
          alternate_name: other(offered.name, locale),
          description: optional(offered.description, locale),
          status: 'active' as const,
          organization: org,
          service_at_locations: [],
          attributes: [],
          bases: [],
        });
        services.set(key, service);
      }
      service.bases.push(base);
      const linkId = uuidV5(`service_at_location:${base.id}:${offered.id}`);
      service.service_at_locations.push(
        defined({
          id: linkId,
          service_id: service.id,
          location_id: location.id,
          // The same service may be described differently at one base (e.g. women only).
          description:
            offered.description && pick(offered.description, locale) !== service.description
              ? pick(offered.description, locale)
              : undefined,
          location,
          attributes: base.sample ? [sampleAttribute(locale, 'service_at_location', linkId)] : [],
        }),
      );
    }
  }

  const contents = [...services.values()].map(({ bases: offeredAt, ...service }) => {
    // The oldest check of any base offering it: the service is only as current as that.
    const assured = offeredAt
      .map((base) => base.assured_date)
      .filter((date): date is string => date !== undefined)
      .sort()[0];
    const anySample = offeredAt.some((base) => base.sample);
    return defined({
      ...service,
      assured_date: offeredAt.every((base) => base.assured_date) ? assured : undefined,
      attributes: anySample ? [sampleAttribute(locale, 'service', service.id)] : [],
    });
  });

  return {
    total_items: contents.length,
    total_pages: 1,
    page_number: 1,
    size: contents.length,
    first_page: true,
    last_page: true,
    empty: contents.length === 0,
    contents,
  };
}

/**
 * Bases that appear in no HSDS service (they list no services). HSDS is organised around
 * services, so such a base cannot be in the HSDS file; the CSV and GeoJSON still have it.
 */
export function basesWithoutServices(bases: readonly ServiceBase[]): string[] {
  return bases.filter((base) => base.services.length === 0).map((base) => base.id);
}
