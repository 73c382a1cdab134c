/**
 * The portal's UI strings. Persian is the source; every key must exist in English too (the
 * type makes a missing translation a compile error).
 */
export const locales = ['fa', 'en'] as const;
export type Locale = (typeof locales)[number];

const fa = {
  'site.name': 'سامانه‌ی خدمات بهزیستی',
  'site.tagline': 'پایگاه‌های خدمات اجتماعی، برنامه‌ها و خبرهای بهزیستی استان‌ها',
  'nav.skip': 'رفتن به محتوای اصلی',
  'nav.language': 'English',
  'nav.languageLabel': 'Read this page in English',
  'home.title': 'خدمات بهزیستی نزدیک شما',
  'home.intro':
    'این درگاه در حال ساخت است. به‌زودی می‌توانید نزدیک‌ترین پایگاه خدمات اجتماعی را پیدا کنید، ببینید کدام برنامه‌ها برای شماست و نظر یا شکایت خود را ثبت کنید.',
  'home.sample': 'محتوای این نسخه نمونه است.',
  'hotlines.title': 'شماره‌های کمک فوری',
  'hotlines.emergency': 'اورژانس اجتماعی: ۱۲۳',
  'hotlines.counselling': 'صدای مشاور: ۱۴۸۰',
  'notFound.title': 'این صفحه پیدا نشد',
  'notFound.body': 'نشانی را بررسی کنید یا به صفحه‌ی اصلی بروید.',
  'notFound.home': 'صفحه‌ی اصلی',
  'footer.note': 'سازمان بهزیستی کشور — نسخه‌ی آزمایشی',
} as const;

type Key = keyof typeof fa;

const en: Record<Key, string> = {
  'site.name': 'Behzisti Services',
  'site.tagline':
    "Service bases, programmes and news from the State Welfare Organisation's provinces",
  'nav.skip': 'Skip to main content',
  'nav.language': 'فارسی',
  'nav.languageLabel': 'این صفحه به فارسی',
  'home.title': 'Welfare services near you',
  'home.intro':
    'This portal is being built. Soon you will be able to find your nearest social service base, see which programmes fit you, and send a comment or complaint.',
  'home.sample': 'The content of this version is sample content.',
  'hotlines.title': 'Help lines',
  'hotlines.emergency': 'Social emergency: 123',
  'hotlines.counselling': 'Counselling line: 1480',
  'notFound.title': 'Page not found',
  'notFound.body': 'Check the address or go to the home page.',
  'notFound.home': 'Home page',
  'footer.note': 'State Welfare Organisation of Iran — preview version',
};

const strings: Record<Locale, Record<Key, string>> = { fa, en };

export function t(locale: Locale, key: Key): string {
  return strings[locale][key];
}

export const directionOf = (locale: Locale) => (locale === 'fa' ? 'rtl' : 'ltr');

/** The same page in the other locale: fa lives at `/…`, en at `/en/…`. */
export function alternatePath(locale: Locale, path: string): string {
  const bare = path.replace(/^\/en(?=\/|$)/, '') || '/';
  return locale === 'fa' ? `/en${bare === '/' ? '/' : bare}` : bare;
}
