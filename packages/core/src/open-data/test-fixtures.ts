// Shared by the open-data tests only (not exported): the portal's real dataset, a base that
// uses every optional field, and an Ajv set up with the vendored HSDS 3.0 schema.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { formatFromPath } from '../cli/formats.ts';
import { readRecords } from '../cli/read-records.ts';
import { validateServiceBases } from '../locator/validate.ts';
import { type ServiceBase, ServiceBaseSchema } from '../schemas/service-base.ts';
import { HSDS_ANNOTATION_KEYWORDS, HSDS_SCHEMA_PATH } from './schemas.ts';

const datasetFolder = fileURLToPath(
  new URL('../../../../portal/src/content/service-bases/', import.meta.url),
);

/** The bases the portal publishes (every file under content/service-bases), validated. */
export function datasetBases(): ServiceBase[] {
  const values = readdirSync(datasetFolder)
    .sort()
    .flatMap((name) => {
      const format = formatFromPath(name);
      if (!format) return [];
      const text = readFileSync(`${datasetFolder}${name}`, 'utf8');
      return readRecords(text, format).records.map((record) => record.value);
    });
  return validateServiceBases(values).bases;
}

/** A base that fills every optional field, with values that are awkward in CSV. */
export const fullBase: ServiceBase = ServiceBaseSchema.parse({
  id: 'test-full',
  sample: false,
  name: { fa: 'پایگاه "آزمایشی"، کامل', en: 'Test base, "full"' },
  description: { fa: '=HYPERLINK("x") متن', en: 'Line one\nline two' },
  organization: {
    name: { fa: 'اداره کل بهزیستی استان اصفهان', en: 'Isfahan Province Welfare Organisation' },
    url: 'https://isfahan.behzisti.ir/',
  },
  province: 'isfahan',
  county: { id: 'isfahan', name: { fa: 'اصفهان', en: 'Isfahan' } },
  neighbourhood: { fa: 'حسه', en: 'Hesseh' },
  location: { latitude: 32.6546, longitude: 51.668 },
  address: {
    address_1: { fa: 'خیابان نمونه، کوچه‌ی ۳', en: 'Sample Street, alley 3' },
    address_2: { fa: 'طبقه‌ی دوم', en: 'Second floor' },
    city: { fa: 'اصفهان', en: 'Isfahan' },
    region: { fa: 'بخش مرکزی', en: 'Central district' },
    postal_code: '۸۱۳۶۷۴۵۶۷۸',
  },
  transportation: { fa: 'ایستگاه اتوبوس نمونه', en: 'Sample bus stop' },
  phones: [
    { number: '123', description: { fa: 'اورژانس اجتماعی', en: 'Social emergency' } },
    { number: '1480', type: 'voice' },
  ],
  email: 'base@example.org',
  url: 'https://example.org/base',
  schedules: [
    { byday: 'SA,SU,MO,TU,WE', opens_at: '07:30', closes_at: '14:00' },
    { byday: 'SA,MO', opens_at: '16:00', closes_at: '19:00', description: { fa: 'عصر' } },
    { byday: 'FR', opens_at: '00:00', closes_at: '24:00' },
  ],
  closures: [
    { date: '2027-03-21', description: { fa: 'نوروز', en: 'Nowruz' } },
    { date: '2027-04-01', opens_at: '08:00', closes_at: '12:00' },
  ],
  services: [
    { id: 'counselling', name: { fa: 'مشاوره', en: 'Counselling' } },
    {
      id: 'social-work',
      name: { fa: 'مددکاری اجتماعی', en: 'Social work' },
      description: { fa: 'فقط با نوبت', en: 'By appointment' },
    },
  ],
  languages: ['fa', 'azb'],
  accessibility: [
    {
      description: { fa: 'ورودی بدون پله', en: 'Step-free entrance' },
      details: { fa: 'رمپ در سمت چپ', en: 'Ramp on the left' },
      url: 'https://example.org/access',
    },
  ],
  assured_date: '2026-10-01',
});

/** Ajv (draft-07, strict, formats on) with the vendored HSDS schema under its published path. */
export function hsdsAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true });
  // ajv-formats is CommonJS; its default export arrives wrapped under Node's ESM interop.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
    addFormatsModule) as (instance: Ajv) => Ajv;
  addFormats(ajv);
  ajv.addVocabulary([...HSDS_ANNOTATION_KEYWORDS]);
  const vendored = fileURLToPath(
    new URL('../../schemas/hsds-3.0/compiled-service_with_definitions.json', import.meta.url),
  );
  ajv.addSchema(JSON.parse(readFileSync(vendored, 'utf8')), HSDS_SCHEMA_PATH);
  return ajv;
}
