/**
 * The portal's UI strings. Persian is the source; every key must exist in English too (the
 * type makes a missing translation a compile error). `{name}` placeholders are filled by
 * `format()`; numbers passed to it are written in the locale's digits.
 */
import { toLocaleDigits } from '@behzisti/core/text';

export const locales = ['fa', 'en'] as const;
export type Locale = (typeof locales)[number];

const fa = {
  'site.name': 'سامانه‌ی خدمات بهزیستی',
  'site.tagline': 'پایگاه‌های خدمات اجتماعی، برنامه‌ها و خبرهای بهزیستی استان‌ها',
  'site.publisher': 'سازمان بهزیستی کشور',
  'nav.skip': 'رفتن به محتوای اصلی',
  'nav.main': 'پیوندهای اصلی',
  'nav.home': 'صفحه‌ی اصلی',
  'nav.news': 'خبرها',
  'nav.language': 'English',
  'nav.languageLabel': 'Read this page in English',
  'nav.languageIndexLabel': 'English news (this item has no English version)',
  'home.title': 'خدمات بهزیستی نزدیک شما',
  'home.intro':
    'این درگاه در حال ساخت است. به‌زودی می‌توانید نزدیک‌ترین پایگاه خدمات اجتماعی را پیدا کنید، ببینید کدام برنامه‌ها برای شماست و نظر یا شکایت خود را ثبت کنید.',
  'home.sample': 'محتوای این نسخه نمونه است.',
  'home.latest': 'تازه‌ترین خبرها',
  'home.allNews': 'همه‌ی خبرها',
  'hotlines.title': 'شماره‌های کمک فوری',
  'hotlines.emergency': 'اورژانس اجتماعی: ۱۲۳',
  'hotlines.counselling': 'صدای مشاور: ۱۴۸۰',
  'notFound.title': 'این صفحه پیدا نشد',
  'notFound.body': 'نشانی را بررسی کنید یا به صفحه‌ی اصلی بروید.',
  'notFound.home': 'صفحه‌ی اصلی',
  'footer.note': 'سازمان بهزیستی کشور — نسخه‌ی آزمایشی',
  'footer.rss': 'خوراک خبرها (RSS)',
  'news.title': 'خبرها',
  'news.intro': 'خبرهای بهزیستی کشور و استان‌ها.',
  'news.tagTitle': 'خبرهای «{tag}»',
  'news.tagIntro': 'خبرهایی که برچسب «{tag}» دارند.',
  'news.provinceTitle': 'خبرهای استان {province}',
  'news.provinceIntro': 'خبرهای بهزیستی استان {province}.',
  'news.byProvince': 'خبرها بر پایه‌ی استان',
  'news.empty': 'هنوز خبری نیست.',
  'news.sampleBadge': 'نمونه',
  'news.sampleNotice':
    'محتوای نمونه: این متن برای نمایش درگاه نوشته شده و خبر رسمی سازمان بهزیستی نیست.',
  'news.date': 'تاریخ انتشار',
  'news.code': 'کد خبر',
  'news.province': 'استان',
  'news.nationwide': 'سراسری',
  'news.office': 'منبع',
  'news.tags': 'برچسب‌ها',
  'news.related': 'خبرهای مرتبط',
  'news.back': 'بازگشت به خبرها',
  'share.title': 'هم‌رسانی این خبر',
  'share.telegram': 'تلگرام',
  'share.whatsapp': 'واتس‌اپ',
  'share.x': 'ایکس',
  'share.email': 'رایانامه',
  'share.note': 'این پیوندها صفحه‌ی هم‌رسانی همان سرویس را باز می‌کنند.',
  'pagination.label': 'صفحه‌های خبرها',
  'pagination.previous': 'صفحه‌ی قبل',
  'pagination.next': 'صفحه‌ی بعد',
  'pagination.status': 'صفحه‌ی {page} از {total}',
  'pagination.page': 'صفحه‌ی {page}',
  'nav.feedback': 'نظر و شکایت',
  'feedback.title': 'نظر، پیشنهاد یا شکایت',
  'feedback.intro':
    'درباره‌ی یک پایگاه خدمات یا برنامه‌های بهزیستی بنویسید. می‌توانید نام خود را ننویسید. پس از فرستادن، یک کد پیگیری می‌گیرید.',
  'feedback.followUpIntro': 'کد پیگیری را بنویسید تا وضعیت پیام و پاسخ اداره را ببینید.',
  'feedback.noScript':
    'این فرم به جاوااسکریپت نیاز دارد. اگر فرم را نمی‌بینید، با نزدیک‌ترین پایگاه خدمات یا اداره‌ی بهزیستی شهرستان تماس بگیرید.',
  'rss.title': 'خبرهای بهزیستی',
  'rss.description': 'تازه‌ترین خبرهای سازمان بهزیستی کشور و استان‌ها',
} as const;

export type Key = keyof typeof fa;

const en: Record<Key, string> = {
  'site.name': 'Behzisti Services',
  'site.tagline':
    "Service bases, programmes and news from the State Welfare Organisation's provinces",
  'site.publisher': 'State Welfare Organisation of Iran',
  'nav.skip': 'Skip to main content',
  'nav.main': 'Main links',
  'nav.home': 'Home',
  'nav.news': 'News',
  'nav.language': 'فارسی',
  'nav.languageLabel': 'این صفحه به فارسی',
  'nav.languageIndexLabel': 'خبرهای فارسی (این خبر نسخه‌ی فارسی ندارد)',
  'home.title': 'Welfare services near you',
  'home.intro':
    'This portal is being built. Soon you will be able to find your nearest social service base, see which programmes fit you, and send a comment or complaint.',
  'home.sample': 'The content of this version is sample content.',
  'home.latest': 'Latest news',
  'home.allNews': 'All news',
  'hotlines.title': 'Help lines',
  'hotlines.emergency': 'Social emergency: 123',
  'hotlines.counselling': 'Counselling line: 1480',
  'notFound.title': 'Page not found',
  'notFound.body': 'Check the address or go to the home page.',
  'notFound.home': 'Home page',
  'footer.note': 'State Welfare Organisation of Iran — preview version',
  'footer.rss': 'News feed (RSS)',
  'news.title': 'News',
  'news.intro': 'News from the State Welfare Organisation and its provinces.',
  'news.tagTitle': 'News tagged “{tag}”',
  'news.tagIntro': 'News items with the tag “{tag}”.',
  'news.provinceTitle': 'News from {province} province',
  'news.provinceIntro': 'Welfare news from {province} province.',
  'news.byProvince': 'News by province',
  'news.empty': 'There is no news yet.',
  'news.sampleBadge': 'Sample',
  'news.sampleNotice':
    'Sample content: this text was written to demonstrate the portal and is not official news of the State Welfare Organisation.',
  'news.date': 'Published',
  'news.code': 'News code',
  'news.province': 'Province',
  'news.nationwide': 'Nationwide',
  'news.office': 'Source',
  'news.tags': 'Tags',
  'news.related': 'Related news',
  'news.back': 'Back to the news',
  'share.title': 'Share this item',
  'share.telegram': 'Telegram',
  'share.whatsapp': 'WhatsApp',
  'share.x': 'X',
  'share.email': 'E-mail',
  'share.note': "These links open the service's own sharing page.",
  'pagination.label': 'News pages',
  'pagination.previous': 'Previous page',
  'pagination.next': 'Next page',
  'pagination.status': 'Page {page} of {total}',
  'pagination.page': 'Page {page}',
  'nav.feedback': 'Comments and complaints',
  'feedback.title': 'A comment, suggestion or complaint',
  'feedback.intro':
    'Write about a service base or a Behzisti programme. You do not have to give your name. After sending, you get a tracking code.',
  'feedback.followUpIntro':
    "Enter your tracking code to see your message's status and the office's reply.",
  'feedback.noScript':
    'This form needs JavaScript. If you cannot see it, contact your nearest service base or county Behzisti office.',
  'rss.title': 'Behzisti news',
  'rss.description':
    'The latest news from the State Welfare Organisation of Iran and its provinces',
};

const strings: Record<Locale, Record<Key, string>> = { fa, en };

export function t(locale: Locale, key: Key): string {
  return strings[locale][key];
}

/** `t()` with `{name}` placeholders filled; numbers are written in the locale's digits. */
export function format(locale: Locale, key: Key, values: Record<string, string | number>): string {
  return t(locale, key).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? toLocaleDigits(value, locale) : value;
  });
}

export const directionOf = (locale: Locale) => (locale === 'fa' ? 'rtl' : 'ltr');

export const otherLocale = (locale: Locale): Locale => (locale === 'fa' ? 'en' : 'fa');

/** The same page in the other locale: fa lives at `/…`, en at `/en/…`. */
export function alternatePath(locale: Locale, path: string): string {
  const bare = path.replace(/^\/en(?=\/|$)/, '') || '/';
  return locale === 'fa' ? `/en${bare === '/' ? '/' : bare}` : bare;
}
