// Synthetic service bases for benchmarks: N bases spread over Iran the way people are.
//
// A plain rectangle over Iran puts a third of the points in the Persian Gulf, the Caspian,
// Iraq or Afghanistan and spreads them evenly over the empty Lut and Kavir deserts. Instead each
// province gets a share by population (2016 census, millions) and its share is spread around
// real towns (approximate coordinates) by their weight: most bases close to a town, some in
// the countryside around it. Deterministic for a seed; every record is valid against
// ServiceBaseSchema and marked sample. Usage: node bench/generate-bases.mjs 50000 [seed] > out.json
import { random } from './lib.mjs';

/**
 * Province → [population in millions, towns as [en, fa, lat, lng, weight, countryside spread in °]].
 * Coastal towns get a small spread so the countryside stays on land.
 * @type {Record<string, [number, [string, string, number, number, number, number?][]]>}
 */
const PROVINCES = {
  tehran: [
    13.3,
    [
      ['Tehran', 'تهران', 35.7, 51.39, 10],
      ['Eslamshahr', 'اسلامشهر', 35.55, 51.23, 1],
      ['Shahriar', 'شهریار', 35.66, 51.06, 1],
      ['Varamin', 'ورامین', 35.32, 51.65, 0.8],
      ['Damavand', 'دماوند', 35.72, 52.06, 0.3],
    ],
  ],
  'khorasan-razavi': [
    6.4,
    [
      ['Mashhad', 'مشهد', 36.3, 59.6, 4],
      ['Neyshabur', 'نیشابور', 36.21, 58.8, 0.6],
      ['Sabzevar', 'سبزوار', 36.21, 57.68, 0.5],
      ['Torbat-e Heydarieh', 'تربت حیدریه', 35.27, 59.22, 0.4],
      ['Quchan', 'قوچان', 37.11, 58.51, 0.3],
      ['Kashmar', 'کاشمر', 35.24, 58.46, 0.3],
      ['Torbat-e Jam', 'تربت جام', 35.24, 60.62, 0.3],
      ['Gonabad', 'گناباد', 34.35, 58.68, 0.2],
    ],
  ],
  isfahan: [
    5.1,
    [
      ['Isfahan', 'اصفهان', 32.65, 51.67, 3],
      ['Kashan', 'کاشان', 33.98, 51.44, 0.5],
      ['Najafabad', 'نجف‌آباد', 32.63, 51.37, 0.5],
      ['Khomeyni Shahr', 'خمینی‌شهر', 32.69, 51.52, 0.4],
      ['Shahreza', 'شهرضا', 32.0, 51.87, 0.2],
      ['Golpayegan', 'گلپایگان', 33.45, 50.29, 0.15],
      ['Fereydunshahr', 'فریدون‌شهر', 32.94, 50.12, 0.05],
      ['Semirom', 'سمیرم', 31.42, 51.57, 0.08],
      ['Naein', 'نائین', 32.86, 53.09, 0.05],
    ],
  ],
  fars: [
    4.85,
    [
      ['Shiraz', 'شیراز', 29.61, 52.53, 2.5],
      ['Marvdasht', 'مرودشت', 29.87, 52.8, 0.5],
      ['Kazerun', 'کازرون', 29.62, 51.65, 0.4],
      ['Jahrom', 'جهرم', 28.5, 53.56, 0.4],
      ['Fasa', 'فسا', 28.94, 53.65, 0.3],
      ['Lar', 'لار', 27.68, 54.34, 0.3],
      ['Darab', 'داراب', 28.75, 54.55, 0.25],
      ['Firuzabad', 'فیروزآباد', 28.84, 52.57, 0.2],
      ['Abadeh', 'آباده', 31.16, 52.65, 0.2],
    ],
  ],
  khuzestan: [
    4.7,
    [
      ['Ahvaz', 'اهواز', 31.32, 48.67, 2],
      ['Dezful', 'دزفول', 32.38, 48.4, 0.6],
      ['Abadan', 'آبادان', 30.34, 48.3, 0.4, 0.1],
      ['Khorramshahr', 'خرمشهر', 30.44, 48.18, 0.3, 0.1],
      ['Behbahan', 'بهبهان', 30.6, 50.24, 0.3],
      ['Mahshahr', 'ماهشهر', 30.56, 49.2, 0.3, 0.1],
      ['Shushtar', 'شوشتر', 32.05, 48.85, 0.3],
      ['Izeh', 'ایذه', 31.83, 49.87, 0.2],
    ],
  ],
  'azarbaijan-sharqi': [
    3.9,
    [
      ['Tabriz', 'تبریز', 38.08, 46.29, 2],
      ['Maragheh', 'مراغه', 37.39, 46.24, 0.4],
      ['Marand', 'مرند', 38.43, 45.77, 0.3],
      ['Ahar', 'اهر', 38.48, 47.07, 0.3],
      ['Mianeh', 'میانه', 37.42, 47.72, 0.3],
      ['Sarab', 'سراب', 37.94, 47.54, 0.2],
    ],
  ],
  mazandaran: [
    3.3,
    [
      ['Sari', 'ساری', 36.56, 53.06, 0.8, 0.12],
      ['Babol', 'بابل', 36.54, 52.68, 0.7, 0.12],
      ['Amol', 'آمل', 36.47, 52.35, 0.7, 0.12],
      ['Qaem Shahr', 'قائم‌شهر', 36.46, 52.86, 0.5, 0.12],
      ['Chalus', 'چالوس', 36.66, 51.42, 0.3, 0.08],
      ['Behshahr', 'بهشهر', 36.69, 53.55, 0.3, 0.08],
      ['Tonekabon', 'تنکابن', 36.81, 50.87, 0.3, 0.08],
    ],
  ],
  'azarbaijan-gharbi': [
    3.27,
    [
      ['Urmia', 'ارومیه', 37.55, 45.07, 1.5],
      ['Khoy', 'خوی', 38.55, 44.95, 0.5],
      ['Mahabad', 'مهاباد', 36.76, 45.72, 0.4],
      ['Miandoab', 'میاندوآب', 36.97, 46.1, 0.3],
      ['Bukan', 'بوکان', 36.52, 46.21, 0.3],
      ['Salmas', 'سلماس', 38.2, 44.77, 0.2],
      ['Maku', 'ماکو', 39.29, 44.52, 0.1, 0.1],
    ],
  ],
  kerman: [
    3.16,
    [
      ['Kerman', 'کرمان', 30.28, 57.08, 1.2],
      ['Sirjan', 'سیرجان', 29.45, 55.68, 0.5],
      ['Rafsanjan', 'رفسنجان', 30.41, 55.99, 0.5],
      ['Jiroft', 'جیرفت', 28.68, 57.74, 0.5],
      ['Bam', 'بم', 29.11, 58.36, 0.4],
      ['Zarand', 'زرند', 30.81, 56.56, 0.2],
      ['Kahnuj', 'کهنوج', 27.95, 57.7, 0.2],
      ['Manujan', 'منوجان', 27.41, 57.5, 0.08],
      ['Qaleh Ganj', 'قلعه‌گنج', 27.52, 57.88, 0.08],
      ['Anbarabad', 'عنبرآباد', 28.48, 57.84, 0.1],
      ['Kuhbanan', 'کوهبنان', 31.41, 56.28, 0.05],
    ],
  ],
  'sistan-baluchestan': [
    2.78,
    [
      ['Zahedan', 'زاهدان', 29.5, 60.86, 1.2],
      ['Zabol', 'زابل', 31.03, 61.5, 0.4],
      ['Iranshahr', 'ایرانشهر', 27.2, 60.68, 0.4],
      ['Chabahar', 'چابهار', 25.29, 60.64, 0.3, 0.08],
      ['Saravan', 'سراوان', 27.37, 62.33, 0.3, 0.1],
      ['Khash', 'خاش', 28.22, 61.21, 0.2],
      ['Nikshahr', 'نیکشهر', 26.23, 60.21, 0.15],
    ],
  ],
  alborz: [
    2.71,
    [
      ['Karaj', 'کرج', 35.84, 50.94, 2.2],
      ['Nazarabad', 'نظرآباد', 35.95, 50.61, 0.2],
      ['Eshtehard', 'اشتهارد', 35.72, 50.37, 0.1],
    ],
  ],
  gilan: [
    2.53,
    [
      ['Rasht', 'رشت', 37.28, 49.58, 1, 0.1],
      ['Bandar Anzali', 'بندر انزلی', 37.47, 49.46, 0.2, 0.05],
      ['Lahijan', 'لاهیجان', 37.21, 50.0, 0.3, 0.08],
      ['Astara', 'آستارا', 38.43, 48.87, 0.15, 0.05],
      ['Talesh', 'تالش', 37.8, 48.91, 0.2, 0.08],
      ['Fuman', 'فومن', 37.22, 49.31, 0.2, 0.08],
    ],
  ],
  kermanshah: [
    1.95,
    [
      ['Kermanshah', 'کرمانشاه', 34.31, 47.07, 1.2],
      ['Eslamabad-e Gharb', 'اسلام‌آباد غرب', 34.11, 46.53, 0.2],
      ['Kangavar', 'کنگاور', 34.5, 47.96, 0.1],
      ['Sarpol-e Zahab', 'سرپل ذهاب', 34.46, 45.86, 0.1, 0.1],
      ['Javanrud', 'جوانرود', 34.8, 46.49, 0.1],
    ],
  ],
  golestan: [
    1.87,
    [
      ['Gorgan', 'گرگان', 36.84, 54.44, 0.6, 0.12],
      ['Gonbad-e Kavus', 'گنبد کاووس', 37.25, 55.17, 0.5],
      ['Aliabad', 'علی‌آباد', 36.91, 54.87, 0.2, 0.1],
      ['Kalaleh', 'کلاله', 37.38, 55.49, 0.1],
    ],
  ],
  lorestan: [
    1.76,
    [
      ['Khorramabad', 'خرم‌آباد', 33.49, 48.36, 0.6],
      ['Borujerd', 'بروجرد', 33.9, 48.75, 0.4],
      ['Dorud', 'دورود', 33.49, 49.06, 0.2],
      ['Kuhdasht', 'کوهدشت', 33.53, 47.61, 0.15],
      ['Aligudarz', 'الیگودرز', 33.4, 49.69, 0.15],
    ],
  ],
  hormozgan: [
    1.78,
    [
      ['Bandar Abbas', 'بندرعباس', 27.18, 56.27, 0.8, 0.08],
      ['Minab', 'میناب', 27.15, 57.08, 0.3, 0.1],
      ['Qeshm', 'قشم', 26.95, 56.27, 0.15, 0.04],
      ['Bandar Lengeh', 'بندر لنگه', 26.56, 54.88, 0.1, 0.05],
      ['Hajiabad', 'حاجی‌آباد', 28.31, 55.9, 0.1],
      ['Jask', 'جاسک', 25.64, 57.77, 0.05, 0.04],
    ],
  ],
  hamadan: [
    1.74,
    [
      ['Hamadan', 'همدان', 34.8, 48.51, 0.8],
      ['Malayer', 'ملایر', 34.3, 48.82, 0.3],
      ['Nahavand', 'نهاوند', 34.19, 48.37, 0.2],
      ['Asadabad', 'اسدآباد', 34.78, 48.12, 0.1],
      ['Kabudarahang', 'کبودرآهنگ', 35.21, 48.72, 0.1],
    ],
  ],
  kurdistan: [
    1.6,
    [
      ['Sanandaj', 'سنندج', 35.31, 46.99, 0.6],
      ['Saqqez', 'سقز', 36.25, 46.27, 0.3],
      ['Marivan', 'مریوان', 35.52, 46.18, 0.2, 0.1],
      ['Baneh', 'بانه', 35.99, 45.89, 0.15, 0.1],
      ['Qorveh', 'قروه', 35.17, 47.8, 0.15],
      ['Bijar', 'بیجار', 35.87, 47.6, 0.1],
    ],
  ],
  markazi: [
    1.43,
    [
      ['Arak', 'اراک', 34.09, 49.69, 0.7],
      ['Saveh', 'ساوه', 35.02, 50.36, 0.3],
      ['Khomein', 'خمین', 33.64, 50.08, 0.15],
      ['Mahallat', 'محلات', 33.91, 50.45, 0.08],
      ['Tafresh', 'تفرش', 34.69, 50.01, 0.05],
      ['Shazand', 'شازند', 33.93, 49.41, 0.08],
    ],
  ],
  ardabil: [
    1.27,
    [
      ['Ardabil', 'اردبیل', 38.25, 48.3, 0.6],
      ['Parsabad', 'پارس‌آباد', 39.65, 47.92, 0.15, 0.08],
      ['Meshgin Shahr', 'مشگین‌شهر', 38.4, 47.68, 0.15],
      ['Khalkhal', 'خلخال', 37.62, 48.53, 0.1],
      ['Germi', 'گرمی', 39.04, 48.08, 0.07, 0.1],
    ],
  ],
  qazvin: [
    1.27,
    [
      ['Qazvin', 'قزوین', 36.27, 50.0, 0.8],
      ['Takestan', 'تاکستان', 36.07, 49.7, 0.2],
      ['Buin Zahra', 'بوئین‌زهرا', 35.77, 50.06, 0.1],
      ['Abyek', 'آبیک', 36.04, 50.53, 0.1],
    ],
  ],
  qom: [1.29, [['Qom', 'قم', 34.64, 50.88, 1.2]]],
  yazd: [
    1.14,
    [
      ['Yazd', 'یزد', 31.9, 54.37, 0.7],
      ['Meybod', 'میبد', 32.25, 54.01, 0.1],
      ['Ardakan', 'اردکان', 32.31, 54.02, 0.1],
      ['Bafq', 'بافق', 31.6, 55.4, 0.05],
      ['Abarkuh', 'ابرکوه', 31.13, 53.28, 0.05],
      ['Tabas', 'طبس', 33.6, 56.92, 0.05],
    ],
  ],
  zanjan: [
    1.06,
    [
      ['Zanjan', 'زنجان', 36.68, 48.48, 0.6],
      ['Abhar', 'ابهر', 36.15, 49.22, 0.15],
      ['Khodabandeh', 'خدابنده', 36.12, 48.59, 0.1],
    ],
  ],
  bushehr: [
    1.16,
    [
      ['Bushehr', 'بوشهر', 28.92, 50.84, 0.35, 0.04],
      ['Borazjan', 'برازجان', 29.27, 51.22, 0.15, 0.1],
      ['Genaveh', 'گناوه', 29.58, 50.52, 0.1, 0.05],
      ['Kangan', 'کنگان', 27.84, 52.06, 0.08, 0.05],
      ['Khormuj', 'خورموج', 28.65, 51.38, 0.05, 0.08],
    ],
  ],
  'chaharmahal-bakhtiari': [
    0.95,
    [
      ['Shahrekord', 'شهرکرد', 32.33, 50.86, 0.4],
      ['Borujen', 'بروجن', 31.97, 51.29, 0.15],
      ['Farsan', 'فارسان', 32.26, 50.56, 0.08],
      ['Lordegan', 'لردگان', 31.51, 50.83, 0.1],
    ],
  ],
  'khorasan-shomali': [
    0.86,
    [
      ['Bojnurd', 'بجنورد', 37.47, 57.33, 0.4],
      ['Shirvan', 'شیروان', 37.41, 57.93, 0.2],
      ['Esfarayen', 'اسفراین', 37.08, 57.51, 0.15],
    ],
  ],
  'kohgiluyeh-boyer-ahmad': [
    0.71,
    [
      ['Yasuj', 'یاسوج', 30.67, 51.59, 0.3],
      ['Dehdasht', 'دهدشت', 30.79, 50.56, 0.15],
      ['Gachsaran', 'گچساران', 30.36, 50.8, 0.15],
    ],
  ],
  semnan: [
    0.7,
    [
      ['Semnan', 'سمنان', 35.58, 53.39, 0.3],
      ['Shahrud', 'شاهرود', 36.42, 54.98, 0.25],
      ['Damghan', 'دامغان', 36.17, 54.35, 0.1],
      ['Garmsar', 'گرمسار', 35.22, 52.34, 0.1],
    ],
  ],
  ilam: [
    0.58,
    [
      ['Ilam', 'ایلام', 33.64, 46.42, 0.3, 0.1],
      ['Dehloran', 'دهلران', 32.69, 47.27, 0.08, 0.1],
      ['Mehran', 'مهران', 33.12, 46.16, 0.05, 0.05],
      ['Eyvan', 'ایوان', 33.83, 46.31, 0.08, 0.1],
    ],
  ],
  'khorasan-jonubi': [
    0.77,
    [
      ['Birjand', 'بیرجند', 32.87, 59.22, 0.4],
      ['Qaen', 'قائن', 33.73, 59.18, 0.15],
      ['Ferdows', 'فردوس', 34.02, 58.17, 0.1],
      ['Nehbandan', 'نهبندان', 31.54, 60.04, 0.07],
    ],
  ],
};

/** Province names for the organisation's name, from the same ids as core's list. */
const PROVINCE_FA = {
  tehran: 'تهران',
  'khorasan-razavi': 'خراسان رضوی',
  isfahan: 'اصفهان',
  fars: 'فارس',
  khuzestan: 'خوزستان',
  'azarbaijan-sharqi': 'آذربایجان شرقی',
  mazandaran: 'مازندران',
  'azarbaijan-gharbi': 'آذربایجان غربی',
  kerman: 'کرمان',
  'sistan-baluchestan': 'سیستان و بلوچستان',
  alborz: 'البرز',
  gilan: 'گیلان',
  kermanshah: 'کرمانشاه',
  golestan: 'گلستان',
  lorestan: 'لرستان',
  hormozgan: 'هرمزگان',
  hamadan: 'همدان',
  kurdistan: 'کردستان',
  markazi: 'مرکزی',
  ardabil: 'اردبیل',
  qazvin: 'قزوین',
  qom: 'قم',
  yazd: 'یزد',
  zanjan: 'زنجان',
  bushehr: 'بوشهر',
  'chaharmahal-bakhtiari': 'چهارمحال و بختیاری',
  'khorasan-shomali': 'خراسان شمالی',
  'kohgiluyeh-boyer-ahmad': 'کهگیلویه و بویراحمد',
  semnan: 'سمنان',
  ilam: 'ایلام',
  'khorasan-jonubi': 'خراسان جنوبی',
};

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
const provinceWeights = provinceIds.map((id) => PROVINCES[id]?.[0] ?? 0);
const provinceTotal = provinceWeights.reduce((a, b) => a + b, 0);

/** @param {() => number} next */
function populationSample(next) {
  const province = provinceIds[pickWeighted(provinceWeights, provinceTotal, next)] ?? 'tehran';
  const towns = PROVINCES[province]?.[1] ?? [];
  const weights = towns.map((town) => town[4]);
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
  const spread = urban ? 0.03 : (town[5] ?? 0.25);
  // Clamped to the schema's extent; a coastal town's small spread keeps the rest on land.
  const lat = Math.min(40.4, Math.max(24.1, town[2] + gaussian(next) * spread));
  const lng = Math.min(63.4, Math.max(44.1, town[3] + gaussian(next) * spread * 1.15));
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
    const [townEn, townFa] = town;
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
          fa: `اداره کل بهزیستی استان ${PROVINCE_FA[/** @type {keyof typeof PROVINCE_FA} */ (province)]}`,
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
