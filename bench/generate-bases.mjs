// Synthetic service bases for benchmarks: N bases spread over Iran the way people are.
//
// A plain rectangle over Iran puts a third of the points in the Persian Gulf, the Caspian,
// Iraq or Afghanistan and spreads them evenly over the empty Lut and Kavir deserts. Instead each
// province gets a share by population (2016 census, millions) and its share is spread around
// real towns (approximate coordinates) by their weight: most bases close to a town, some in
// the countryside around it. Deterministic for a seed; every record is valid against
// ServiceBaseSchema and marked sample. Usage: node bench/generate-bases.mjs 50000 [seed] > out.json
import { readFileSync } from 'node:fs';
import { provinceName } from '../packages/core/src/provinces.ts';
import { random } from './lib.mjs';

/**
 * Province id → population in millions and towns (approximate coordinates, a weight, and for
 * coastal towns a small countryside spread in ° so the countryside stays on land). Data, not code.
 * @type {Record<string, { population: number, towns: Town[] }>}
 * @typedef {{ en: string, fa: string, lat: number, lng: number, weight: number, spread?: number }} Town
 */
const PROVINCES = JSON.parse(readFileSync(new URL('./iran-towns.json', import.meta.url), 'utf8'));

/** Kinds of base, so names vary like real ones and search has something to tell apart. */
const KINDS = [
  ['پایگاه خدمات اجتماعی', 'social services base'],
  ['مرکز مشاوره', 'counselling centre'],
  ['مرکز توانبخشی', 'rehabilitation centre'],
  ['اورژانس اجتماعی', 'social emergency unit'],
  ['مرکز خدمات بهزیستی', 'welfare services centre'],
];

const SERVICES = [
  { id: 'counselling', name: { fa: 'مشاوره', en: 'Counselling' } },
  {
    id: 'community-rehabilitation',
    name: { fa: 'توانبخشی مبتنی بر جامعه', en: 'Community-based rehabilitation' },
  },
  { id: 'social-emergency', name: { fa: 'اورژانس اجتماعی', en: 'Social emergency' } },
  {
    id: 'disability-services',
    name: { fa: 'خدمات افراد دارای معلولیت', en: 'Disability services' },
  },
  { id: 'addiction-prevention', name: { fa: 'پیشگیری از اعتیاد', en: 'Addiction prevention' } },
];

const SCHEDULES = [
  { byday: 'SA,SU,MO,TU,WE', opens_at: '07:30', closes_at: '14:00' },
  { byday: 'TH', opens_at: '07:30', closes_at: '12:00' },
];

/** Solar-calendar public holidays of 1405 (Gregorian dates), closed all day. */
const CLOSURES = [
  { date: '2026-03-21', description: { fa: 'نوروز', en: 'Nowruz' } },
  { date: '2026-04-01', description: { fa: 'روز جمهوری اسلامی', en: 'Islamic Republic Day' } },
  { date: '2026-06-04', description: { fa: 'رحلت امام خمینی', en: 'Death of Imam Khomeini' } },
];

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
/** @param {number} n */
const fa = (n) => String(n).replace(/\d/g, (d) => PERSIAN_DIGITS[Number(d)] ?? d);

/** @param {string} text */
const slug = (text) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Picks an index by weight.
 * @param {readonly number[]} weights @param {number} total @param {() => number} next
 */
function pickWeighted(weights, total, next) {
  let r = next() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] ?? 0;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** Standard normal variate (Box–Muller). @param {() => number} next */
function gaussian(next) {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

/**
 * A position drawn from the population model: province by population, town by weight, then
 * 60 % within a few km of the town and 40 % in its countryside. Used for bases and for users.
 * @param {() => number} next
 */
export function populationPoint(next) {
  const sample = populationSample(next);
  return { lat: sample.lat, lng: sample.lng };
}

const provinceIds = Object.keys(PROVINCES);
const provinceWeights = provinceIds.map((id) => PROVINCES[id]?.population ?? 0);
const provinceTotal = provinceWeights.reduce((a, b) => a + b, 0);

/** @param {() => number} next */
function populationSample(next) {
  const province = provinceIds[pickWeighted(provinceWeights, provinceTotal, next)] ?? 'tehran';
  const towns = PROVINCES[province]?.towns ?? [];
  const weights = towns.map((town) => town.weight);
  const town =
    towns[
      pickWeighted(
        weights,
        weights.reduce((a, b) => a + b, 0),
        next,
      )
    ] ?? towns[0];
  if (!town) throw new Error(`no towns for ${province}`);
  const urban = next() < 0.6;
  const spread = urban ? 0.03 : (town.spread ?? 0.25);
  // Clamped to the schema's extent; a coastal town's small spread keeps the rest on land.
  const lat = Math.min(40.4, Math.max(24.1, town.lat + gaussian(next) * spread));
  const lng = Math.min(63.4, Math.max(44.1, town.lng + gaussian(next) * spread * 1.15));
  return { province, town, lat: Math.round(lat * 1e5) / 1e5, lng: Math.round(lng * 1e5) / 1e5 };
}

/**
 * `count` synthetic bases, valid against ServiceBaseSchema (input form), deterministic for `seed`.
 * @param {number} count @param {number} [seed]
 */
export function generateBases(count, seed = 1) {
  const next = random(seed);
  /** @type {Map<string, number>} */
  const perCounty = new Map();
  return Array.from({ length: count }, () => {
    const { province, town, lat, lng } = populationSample(next);
    const { en: townEn, fa: townFa } = town;
    const countyId = slug(townEn);
    const n = (perCounty.get(`${province}/${countyId}`) ?? 0) + 1;
    perCounty.set(`${province}/${countyId}`, n);
    const [kindFa, kindEn] = KINDS[Math.floor(next() * KINDS.length)] ?? KINDS[0] ?? ['', ''];
    const area = 1 + Math.floor(next() * 12);
    const services = SERVICES.filter(() => next() < 0.4);
    return {
      id: `syn-${province}-${countyId}-${n}`,
      sample: true,
      name: { fa: `${kindFa} ${townFa} ${fa(n)}`, en: `${townEn} ${kindEn} ${n}` },
      organization: {
        name: {
          fa: `اداره کل بهزیستی استان ${provinceName(province).fa}`,
          en: 'Provincial Welfare Organisation',
        },
      },
      province,
      county: { id: countyId, name: { fa: townFa, en: townEn } },
      ...(next() < 0.3
        ? { neighbourhood: { fa: `محله ${fa(area)} ${townFa}`, en: `${townEn} area ${area}` } }
        : {}),
      location: { latitude: lat, longitude: lng },
      address: {
        address_1: { fa: `نشانی ساختگی برای آزمون ${fa(n)}`, en: `Synthetic test address ${n}` },
        city: { fa: townFa, en: townEn },
      },
      phones: [{ number: '123' }],
      schedules: SCHEDULES,
      closures: CLOSURES,
      services: services.length > 0 ? services : [SERVICES[0]],
      ...(next() < 0.5
        ? { accessibility: [{ description: { fa: 'ورودی بدون پله', en: 'Step-free entrance' } }] }
        : {}),
    };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 10_000);
  const seed = Number(process.argv[3] ?? 1);
  process.stdout.write(`${JSON.stringify(generateBases(count, seed))}\n`);
}
