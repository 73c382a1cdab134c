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
  'nav.directory': 'پایگاه‌های خدمات',
  'nav.programmes': 'برنامه‌ها',
  'directory.title': 'پایگاه‌های خدمات بهزیستی',
  'directory.intro':
    'نزدیک‌ترین پایگاه خدمات اجتماعی را پیدا کنید، یا استان و شهرستان خود را از فهرست انتخاب کنید.',
  'directory.locatorTitle': 'پیدا کردن نزدیک‌ترین پایگاه',
  'directory.locatorFallback': 'جست‌وجو به جاوااسکریپت نیاز دارد. استان خود را انتخاب کنید:',
  'directory.provinces': 'پایگاه‌ها بر پایه‌ی استان',
  'directory.provinceCounts': '{bases} پایگاه در {counties} شهرستان',
  'directory.noBases': 'هنوز پایگاهی ثبت نشده است',
  'directory.sampleNotice':
    'داده‌ی نمونه: مکان، نشانی و ساعت‌های پایگاه‌ها برای نمایش درگاه نوشته شده، تقریبی است و رکورد رسمی سازمان بهزیستی نیست.',
  'directory.provinceTitle': 'پایگاه‌های خدمات استان {province}',
  'directory.provinceIntro': 'پایگاه‌های خدمات بهزیستی استان {province}، بر پایه‌ی شهرستان.',
  'directory.countyTitle': 'پایگاه‌های خدمات شهرستان {county}',
  'directory.countyIntro': 'شهرستان {county} در استان {province}.',
  'directory.countyLink': 'همه‌ی پایگاه‌های شهرستان {county}',
  'directory.breadcrumbs': 'جای این صفحه در فهرست',
  'directory.bases': 'پایگاه‌ها',
  'directory.province': 'استان',
  'directory.county': 'شهرستان',
  'directory.address': 'نشانی',
  'directory.neighbourhood': 'محله',
  'directory.postalCode': 'کد پستی',
  'directory.transportation': 'با حمل‌ونقل عمومی',
  'directory.organization': 'زیر نظر',
  'directory.assured': 'آخرین بررسی اطلاعات',
  'directory.hours': 'ساعت‌های کار',
  'directory.hoursCaption': 'ساعت‌های کار در هفته، به وقت تهران',
  'directory.day': 'روز',
  'directory.time': 'ساعت',
  'directory.openNow':
    'این صفحه ساعت کنونی را نمی‌داند. برای دیدن اینکه پایگاه همین حالا باز است یا نه، از جست‌وجوی پایگاه‌ها استفاده کنید:',
  'directory.openNowLink': 'جست‌وجوی پایگاه‌ها، با باز یا بسته بودن همین حالا',
  'directory.closures': 'تعطیلی‌ها و ساعت‌های ویژه',
  'directory.services': 'خدمت‌ها',
  'directory.phones': 'تلفن',
  'directory.call': 'تماس با {number}',
  'directory.email': 'رایانامه',
  'directory.website': 'وبگاه',
  'directory.accessibility': 'دسترس‌پذیری',
  'directory.noAccessibility':
    'اطلاعاتی درباره‌ی دسترس‌پذیری این پایگاه ثبت نشده است؛ پیش از رفتن تماس بگیرید و بپرسید.',
  'directory.map': 'نقشه',
  'directory.mapLink': 'دیدن جای پایگاه روی نقشه‌ی اوپن‌استریت‌مپ (وبگاه دیگر)',
  'directory.feedback': 'نظر یا شکایت درباره‌ی این پایگاه',
  'directory.feedbackIntro':
    'پیام شما با نام این پایگاه به اداره‌ی بهزیستی می‌رسد. می‌توانید نام خود را ننویسید. پس از فرستادن، یک کد پیگیری می‌گیرید.',
  'hours.closed': 'بسته',
  'hours.allDay': 'شبانه‌روزی',
  'hours.range': '{opens} تا {closes}',
  'hours.separator': '، ',
  'hours.unknown': 'ساعت‌های کار این پایگاه هنوز ثبت نشده است؛ پیش از رفتن تماس بگیرید.',
  'hours.closedAllDay': 'تعطیل',
  'hours.note': '{days}، {hours}: {note}',
  'hours.dateWithDay': '{day} {date}',
  'hours.special': 'ساعت ویژه: {hours}',
  'day.SA': 'شنبه',
  'day.SU': 'یکشنبه',
  'day.MO': 'دوشنبه',
  'day.TU': 'سه‌شنبه',
  'day.WE': 'چهارشنبه',
  'day.TH': 'پنجشنبه',
  'day.FR': 'جمعه',
  'programmes.title': 'برنامه‌های بهزیستی',
  'programmes.intro':
    'ببینید کدام برنامه‌ها ممکن است برای شما یا خانواده‌تان باشد و چه مدارکی لازم است. پاسخ‌های شما فقط در همین صفحه می‌ماند و جایی فرستاده نمی‌شود.',
  'programmes.checker': 'کدام برنامه‌ها ممکن است برای شما باشد؟',
  'programmes.checkerOne': 'آیا این برنامه ممکن است برای شما باشد؟',
  'programmes.checkerFallback':
    'این پرسش‌نامه به جاوااسکریپت نیاز دارد. بدون آن، توضیح هر برنامه را بخوانید یا با نزدیک‌ترین پایگاه خدمات اجتماعی تماس بگیرید.',
  'programmes.list': 'همه‌ی برنامه‌ها',
  'programmes.audience': 'برای چه کسانی است',
  'programmes.howToApply': 'چگونه درخواست بدهید',
  'programmes.documents': 'مدارکی که همراه ببرید',
  'programmes.documentWhen': 'در برخی موارد، بسته به وضعیت شما',
  'programmes.findBase': 'پیدا کردن نزدیک‌ترین پایگاه خدمات',
  'programmes.relatedBases': 'پایگاه‌هایی که این خدمت را دارند',
  'programmes.sources': 'منبع معیارها',
  'programmes.sampleNotice':
    'برنامه‌ی نمونه: معیارهای این صفحه فقط مثال‌اند تا سازمان بهزیستی معیارهای رسمی خود را منتشر کند. پایگاه خدمات اجتماعی می‌تواند راهنمایی کند.',
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
  'nav.directory': 'Service bases',
  'nav.programmes': 'Programmes',
  'directory.title': 'Behzisti service bases',
  'directory.intro':
    'Find your nearest social service base, or choose your province and county from the list.',
  'directory.locatorTitle': 'Find the nearest base',
  'directory.locatorFallback': 'The search needs JavaScript. Choose your province:',
  'directory.provinces': 'Bases by province',
  'directory.provinceCounts': 'Bases: {bases} · counties: {counties}',
  'directory.noBases': 'no bases listed yet',
  'directory.sampleNotice':
    'Sample data: the positions, addresses and hours of these bases were written to demonstrate the portal, are approximate, and are not official records of the State Welfare Organisation.',
  'directory.provinceTitle': 'Service bases in {province} province',
  'directory.provinceIntro': 'Behzisti service bases in {province} province, by county.',
  'directory.countyTitle': 'Service bases in {county} county',
  'directory.countyIntro': '{county} county, {province} province.',
  'directory.countyLink': 'All bases in {county} county',
  'directory.breadcrumbs': 'Where this page is in the directory',
  'directory.bases': 'Bases',
  'directory.province': 'Province',
  'directory.county': 'County',
  'directory.address': 'Address',
  'directory.neighbourhood': 'Neighbourhood',
  'directory.postalCode': 'Postal code',
  'directory.transportation': 'By public transport',
  'directory.organization': 'Run by',
  'directory.assured': 'Details last checked',
  'directory.hours': 'Opening hours',
  'directory.hoursCaption': 'Opening hours in a week, Tehran time',
  'directory.day': 'Day',
  'directory.time': 'Hours',
  'directory.openNow':
    'This page cannot know the current time. To see whether the base is open right now, use the base search:',
  'directory.openNowLink': 'search for bases, with whether each is open now',
  'directory.closures': 'Closures and special hours',
  'directory.services': 'Services',
  'directory.phones': 'Phone',
  'directory.call': 'Call {number}',
  'directory.email': 'E-mail',
  'directory.website': 'Website',
  'directory.accessibility': 'Accessibility',
  'directory.noAccessibility':
    'No accessibility information is listed for this base; call and ask before you go.',
  'directory.map': 'Map',
  'directory.mapLink': 'See where the base is on OpenStreetMap (another website)',
  'directory.feedback': 'Comment on or complain about this base',
  'directory.feedbackIntro':
    'Your message reaches the Welfare office with the name of this base. You do not have to give your name. After sending, you get a tracking code.',
  'hours.closed': 'Closed',
  'hours.allDay': 'Open 24 hours',
  'hours.range': '{opens}–{closes}',
  'hours.separator': ', ',
  'hours.unknown': 'The opening hours of this base are not listed yet; call before you go.',
  'hours.closedAllDay': 'Closed',
  'hours.note': '{days}, {hours}: {note}',
  'hours.dateWithDay': '{day} {date}',
  'hours.special': 'Special hours: {hours}',
  'day.SA': 'Saturday',
  'day.SU': 'Sunday',
  'day.MO': 'Monday',
  'day.TU': 'Tuesday',
  'day.WE': 'Wednesday',
  'day.TH': 'Thursday',
  'day.FR': 'Friday',
  'programmes.title': 'Behzisti programmes',
  'programmes.intro':
    'See which programmes may fit you or your family and which documents you need. Your answers stay on this page and are not sent anywhere.',
  'programmes.checker': 'Which programmes may fit you?',
  'programmes.checkerOne': 'Could this programme fit you?',
  'programmes.checkerFallback':
    'These questions need JavaScript. Without it, read about each programme or contact your nearest social service base.',
  'programmes.list': 'All programmes',
  'programmes.audience': 'Who it is for',
  'programmes.howToApply': 'How to apply',
  'programmes.documents': 'Documents to bring',
  'programmes.documentWhen': 'in some cases, depending on your situation',
  'programmes.findBase': 'Find your nearest service base',
  'programmes.relatedBases': 'Bases that offer it',
  'programmes.sources': 'Where the criteria come from',
  'programmes.sampleNotice':
    'Sample programme: the criteria on this page are examples until the State Welfare Organisation publishes its own. A social service base can advise.',
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
