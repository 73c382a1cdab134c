// Synthetic news for the portal build benchmark: N Markdown items in the layout the news
// collection reads (`<dir>/fa/<slug>.md`, `<dir>/en/<slug>.md`, pictures in `<dir>/images/`),
// every one valid against core's NewsItemSchema and marked sample. Most are Persian; about one
// in eight also has an English translation (same slug and news code, as the site expects).
// Deterministic for a seed. Build the portal with them through PORTAL_NEWS_DIR.
// Usage: node bench/generate-news.mjs 10000 <out-dir> [seed]
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { provinces } from '../packages/core/src/provinces.ts';
import { random } from './lib.mjs';

/** The sample news pictures, reused (what an office does with its stock pictures). */
const imagesDir = new URL('../portal/src/content/news/images/', import.meta.url);

/** Tags as the communications office writes them: a few dozen topics, reused across items. */
const TAGS = {
  fa: [
    'سکونتگاه غیررسمی',
    'پایگاه خدمات اجتماعی',
    'محله‌محور',
    'پیشگیری از آسیب اجتماعی',
    'اورژانس اجتماعی',
    'مشاوره',
    'توانمندسازی',
    'زنان سرپرست خانوار',
    'کودکان',
    'سالمندان',
    'معلولان',
    'توان‌بخشی',
    'اشتغال',
    'مسکن',
    'قاصدک',
    'خیرین',
    'آموزش مهارت زندگی',
    'اعتیاد',
    'سلامت روان',
    'فرزندپروری',
  ],
  en: [
    'informal settlements',
    'service bases',
    'neighbourhood programmes',
    'harm prevention',
    'social emergency',
    'counselling',
    'empowerment',
    'women heads of household',
    'children',
    'older people',
    'disability',
    'rehabilitation',
    'employment',
    'housing',
    'Ghasedak',
    'donors',
  ],
};

const PHRASES = {
  fa: {
    subjects: [
      'بهزیستی استان',
      'اداره‌ی بهزیستی شهرستان‌های',
      'پایگاه خدمات اجتماعی',
      'مرکز مشاوره‌ی بهزیستی',
      'گروه اورژانس اجتماعی',
    ],
    actions: [
      'برنامه‌ی آموزش مهارت‌های زندگی را در محله‌های کم‌برخوردار برگزار کرد',
      'خدمات مشاوره‌ی رایگان را به خانواده‌های نیازمند ارائه داد',
      'با همکاری خیرین، وسایل کمک‌توان‌بخشی در اختیار مددجویان گذاشت',
      'از پایگاه تازه‌ی خدمات اجتماعی در سکونتگاه‌های غیررسمی رونمایی کرد',
      'دوره‌ی آموزشی فرزندپروری برای پدران و مادران برگزار کرد',
      'طرح شناسایی زودهنگام آسیب‌های اجتماعی را اجرا کرد',
      'به بیش از صد خانواده‌ی زن‌سرپرست وام اشتغال داد',
    ],
    details: [
      'این خدمات بدون نیاز به رفتن به مرکز شهر و در همان محله ارائه می‌شود.',
      'خانواده‌ها برای دریافت مشاوره می‌توانند با شماره‌ی ۱۴۸۰ تماس بگیرند.',
      'در موارد فوری، اورژانس اجتماعی با شماره‌ی ۱۲۳ در تمام ساعات شبانه‌روز پاسخ می‌دهد.',
      'کارشناسان پایگاه پس از بررسی نیاز هر خانواده، آن را به خدمات مناسب ارجاع می‌دهند.',
      'این برنامه با همکاری شهرداری، آموزش‌وپرورش و نهادهای محلی اجرا شده است.',
      'مددجویان برای ثبت‌نام باید کارت ملی و مدارک سرپرستی خانوار را همراه داشته باشند.',
      'گزارش کامل این برنامه پس از پایان سال در سایت بهزیستی منتشر می‌شود.',
    ],
    office: (/** @type {string} */ province) => `روابط عمومی بهزیستی استان ${province}`,
    in: (/** @type {string} */ province) => `در استان ${province}`,
    alt: 'نقاشی ساده به‌عنوان تصویر نمونه‌ی خبر',
  },
  en: {
    subjects: [
      'The provincial welfare office',
      'The county welfare offices',
      'A social services base',
      'The welfare counselling centre',
      'The social emergency team',
    ],
    actions: [
      'ran life-skills training in underprivileged neighbourhoods',
      'offered free counselling to families in need',
      'handed out rehabilitation aids with the help of donors',
      'opened a new social services base in an informal settlement',
      'held a parenting course for mothers and fathers',
      'started early detection of social harms',
      'granted employment loans to more than a hundred women heads of household',
    ],
    details: [
      'The services are offered in the neighbourhood, without a trip to the city centre.',
      'Families can call 1480 for counselling.',
      'In an emergency, the social emergency line 123 answers day and night.',
      'Base staff assess what each family needs and refer it to the right service.',
      'The programme was run with the municipality, schools and local groups.',
      'To register, bring a national ID card and proof of heading the household.',
      'A full report will be published on the welfare website at the end of the year.',
    ],
    office: (/** @type {string} */ province) =>
      `Public relations, ${province} Province Welfare Office`,
    in: (/** @type {string} */ province) => `in ${province} Province`,
    alt: 'A simple drawing used as a sample news picture',
  },
};

/** @template T @param {() => number} next @param {readonly T[]} list @returns {T} */
const pick = (next, list) => /** @type {T} */ (list[Math.floor(next() * list.length)]);

/** @param {() => number} next @param {readonly string[]} list @param {number} count */
function pickSome(next, list, count) {
  const chosen = new Set();
  while (chosen.size < count) chosen.add(pick(next, list));
  return [...chosen];
}

/** YAML double-quoted string: safe for any text. @param {string} text */
const quoted = (text) => JSON.stringify(text);

/**
 * One item's Markdown in one language.
 * @param {'fa' | 'en'} lang
 * @param {{ next: () => number, code: number, date: string, province: (typeof provinces)[number] | undefined, image: string | undefined }} item
 */
function markdown(lang, { next, code, date, province, image }) {
  const words = PHRASES[lang];
  const place = province ? words.in(province.name[lang]) : '';
  const subject = pick(next, words.subjects);
  const action = pick(next, words.actions);
  const title = `${subject} ${place} ${action}`.replace(/\s+/g, ' ').trim();
  const summary = `${title}. ${pick(next, words.details)}`;
  const paragraphs = Array.from({ length: 3 + Math.floor(next() * 3) }, () =>
    pickSome(next, words.details, 3).join(' '),
  );
  const lines = [
    '---',
    `title: ${quoted(title)}`,
    `summary: ${quoted(summary)}`,
    `date: ${date}`,
    ...(lang === 'en' ? ['lang: en'] : []),
    ...(province ? [`province: ${province.id}`] : []),
    `tags: [${pickSome(next, TAGS[lang], 1 + Math.floor(next() * 3))
      .map(quoted)
      .join(', ')}]`,
    `code: ${code}`,
    ...(image ? ['image:', `  src: ../images/${image}`, `  alt: ${quoted(words.alt)}`] : []),
    `office: ${quoted(province ? words.office(province.name[lang]) : words.office(lang === 'fa' ? 'تهران' : 'Tehran'))}`,
    'sample: true',
    '---',
    '',
    ...paragraphs.flatMap((paragraph) => [paragraph, '']),
  ];
  return lines.join('\n');
}

/**
 * Writes `count` news items (Persian, plus English translations of about one in eight) into
 * `dir`, which should be empty or new. Returns how many files of each language it wrote.
 * @param {string} dir @param {number} count @param {number} [seed]
 */
export function writeNews(dir, count, seed = 1) {
  const next = random(seed);
  const images = readdirSync(imagesDir).filter((name) => name.endsWith('.svg'));
  for (const sub of ['fa', 'en', 'images']) mkdirSync(join(dir, sub), { recursive: true });
  for (const name of images) copyFileSync(new URL(name, imagesDir), join(dir, 'images', name));
  let en = 0;
  for (let i = 0; i < count; i++) {
    const slug = `bench-${String(i + 1).padStart(6, '0')}`;
    // Half the dates written in the Solar Hijri calendar, half Gregorian, as editors do.
    const day = 1 + Math.floor(next() * 28);
    const month = 1 + Math.floor(next() * 12);
    const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
    const date =
      next() < 0.5
        ? `${1399 + Math.floor(next() * 6)}-${pad(month)}-${pad(day)}`
        : `${2020 + Math.floor(next() * 6)}-${pad(month)}-${pad(day)}`;
    const item = {
      next,
      code: 500000 + i,
      date,
      province: next() < 0.85 ? pick(next, provinces) : undefined,
      image: next() < 0.4 ? pick(next, images) : undefined,
    };
    writeFileSync(join(dir, 'fa', `${slug}.md`), markdown('fa', item));
    if (next() < 0.125) {
      writeFileSync(join(dir, 'en', `${slug}.md`), markdown('en', item));
      en++;
    }
  }
  return { fa: count, en };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count, dir, seed] = process.argv.slice(2);
  if (!count || !dir) {
    console.error('Usage: node bench/generate-news.mjs <count> <out-dir> [seed]');
    process.exit(1);
  }
  const written = writeNews(dir, Number(count), seed ? Number(seed) : 1);
  console.log(`wrote ${written.fa} Persian and ${written.en} English news items to ${dir}`);
}
