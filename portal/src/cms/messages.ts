import { toLocaleDigits } from '@behzisti/core/text';
import type { Locale } from '../i18n/ui.ts';

/**
 * What the editor tells the office when something is wrong, in Persian and English, both shown
 * (the office works in Persian; the English line is what the build and the technical team say,
 * so a message can be searched for and reported). Typed codes inside, sentences outside; no
 * file paths and no `API_ERROR:` prefix ever reach the person.
 */
export interface Bilingual {
  fa: string;
  en: string;
}

/** Both languages, the editor's own first, each on its own line. */
export function bilingual(message: Bilingual, locale: Locale): string {
  return locale === 'en' ? `${message.en}\n${message.fa}` : `${message.fa}\n${message.en}`;
}

/** The largest picture the editor accepts, in bytes (5 MB): a phone on 2G must load the page. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Megabytes, rounded up to a tenth (never shown as within the limit when it is not). */
const megabytes = (bytes: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'fa' ? 'fa-IR' : 'en', { maximumFractionDigits: 1 }).format(
    Math.ceil((bytes / 1024 / 1024) * 10) / 10,
  );

/** An upload above MAX_UPLOAD_BYTES; nothing was written. */
export function uploadTooLarge(bytes: number): Bilingual {
  return {
    fa: `این تصویر ${megabytes(bytes, 'fa')} مگابایت است و بیش از ${megabytes(MAX_UPLOAD_BYTES, 'fa')} مگابایت پذیرفته نمی‌شود. تصویر کوچک‌تری بفرستید (مثلاً با عرض ۱۶۰۰ نقطه، JPEG یا WebP). چیزی ذخیره نشد.`,
    en: `This picture is ${megabytes(bytes, 'en')} MB; the limit is ${megabytes(MAX_UPLOAD_BYTES, 'en')} MB. Send a smaller one (e.g. 1600 pixels wide, JPEG or WebP). Nothing was saved.`,
  };
}

/**
 * One of core's English messages about one field, with a Persian sentence that says what to do.
 * `label` is the field's name in Persian. Core's message stays as the English line, word for
 * word, so it matches what `astro build` prints.
 */
export function fieldMessage(label: string, english: string): Bilingual {
  return { fa: persianFor(label, english), en: english };
}

function persianFor(label: string, english: string): string {
  const fa = (n: string | undefined) => toLocaleDigits(n ?? '', 'fa');
  const match = /too long \(at most (\d+) characters(?:; this has (\d+))?\)/.exec(english);
  if (match) {
    const now = match[2] ? ` (اکنون ${fa(match[2])})` : '';
    return `«${label}» حداکثر ${fa(match[1])} نویسه است${now}؛ کوتاه‌ترش کنید.`;
  }
  if (/is not a real date/.test(english)) {
    return `«${label}» تاریخ درستی نیست. سال-ماه-روز بنویسید، مانند ۱۴۰۴-۰۹-۰۲ (ماه ۱ تا ۱۲، روزی که در آن ماه هست).`;
  }
  if (/must be 1 to 12 digits/.test(english)) {
    return `«${label}» باید ۱ تا ۱۲ رقم باشد، بدون حرف یا فاصله.`;
  }
  if (/\b(?:Required|required|must not be empty|must not be only spaces)\b|missing/.test(english)) {
    return `«${label}» را پر کنید.`;
  }
  const unknown = /unknown field '([^']+)'(?:.*did you mean '([^']+)')?/.exec(english);
  if (unknown) {
    const guess = unknown[2] ? ` (شاید «${unknown[2]}»)` : '';
    return `فیلد «${unknown[1]}» را سایت نمی‌شناسد؛ نامش را درست بنویسید${guess} یا آن را بردارید.`;
  }
  if (/is already used by/.test(english)) {
    return `«${label}» را خبر دیگری دارد؛ هر خبر کد خودش را می‌خواهد. کد را عوض کنید.`;
  }
  if (/Could not find requested image/.test(english)) {
    return `تصویر «${label}» پیدا نشد. آن را دوباره بارگذاری کنید یا از کتابخانه‌ی تصویرها برگزینید.`;
  }
  if (/listed twice/.test(english)) return `یک برچسب دو بار آمده است؛ یکی را بردارید.`;
  if (/is not a province id/.test(english)) return `«${label}» را از فهرست استان‌ها برگزینید.`;
  return `«${label}» را درست کنید؛ توضیح انگلیسی در خط بعد است.`;
}

/**
 * A problem line from core or the server (`field: message`, or a cross-file line) without
 * anything that names the machine: repository paths become "another news item".
 */
export function withoutPaths(line: string): string {
  return line
    .replace(/(?:portal\/)?src\/content\/news\/(?:fa|en)\/[\w.-]+\.md/g, 'another news item')
    .replace(/(?:\/[\w.-]+)+\/[\w.-]+\.(?:md|ya?ml|json)/g, 'a file');
}
