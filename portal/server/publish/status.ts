import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomically } from '../releases.ts';

// What the office sees of the pipeline: `<releases>/status.json`, read by the editor through
// the staff-only GET /api/publish/status (server/publish/status-route.ts). A failed build is told
// in Persian and English, naming the news file (as the editor names it: news/fa/<name>.md) and
// the field; never an absolute path, a stack or a tool's error prefix (the full output goes to
// the pipeline's log for the technical team).

export type FailureCode =
  /** A news (or programme) file the build refuses: the office can fix it in the editor. */
  | 'CONTENT_INVALID'
  /** The checkout could not take the forge's new commits (e.g. local changes in the way). */
  | 'SOURCE_FAILED'
  /** The build stopped for another reason: for the technical team. */
  | 'BUILD_FAILED';

export interface PublishFailure {
  code: FailureCode;
  /** `news/fa/<name>.md` when one file is to blame. */
  file?: string;
  /** The front-matter field, when the build named one. */
  field?: string;
  fa: string;
  en: string;
  at: string;
  commit?: string;
}

export interface PublishStatus {
  /** `live`: the newest content is on the site; `building`; `failed`: the previous release serves. */
  state: 'live' | 'building' | 'failed';
  /** The release serving now. */
  release?: string;
  commit?: string;
  /** When the live release went live. */
  liveSince?: string;
  /** The next scheduled publish moment (a build runs then). */
  next?: string;
  /** Items waiting for a publisher's approval. */
  inReview: number;
  failure?: PublishFailure;
  /** What the last round saw (pipeline.ts): a restarted command does not rebuild the same. */
  key?: string;
  /**
   * When the round that wrote this status began reading the content: every change saved before
   * this moment is in what `state` describes (the editor's "live in N s" after a save).
   */
  checkedAt?: string;
  /** When the last round that changed the site (a release or a news-only sync) finished. */
  publishedAt?: string;
}

export const STATUS_FILE = 'status.json';

export function readStatus(root: string): PublishStatus | undefined {
  try {
    return JSON.parse(readFileSync(join(root, STATUS_FILE), 'utf8')) as PublishStatus;
  } catch {
    return undefined;
  }
}

export function writeStatus(root: string, status: PublishStatus): void {
  writeAtomically(join(root, STATUS_FILE), `${JSON.stringify(status, null, 2)}\n`);
}

/** The editor's Persian and English names of the fields (src/cms/config.ts labels). */
const FIELD_NAMES: Record<string, { fa: string; en: string }> = {
  title: { fa: 'عنوان', en: 'title' },
  summary: { fa: 'خلاصه', en: 'summary' },
  date: { fa: 'تاریخ انتشار', en: 'date' },
  time: { fa: 'ساعت انتشار', en: 'time' },
  lang: { fa: 'زبان', en: 'language' },
  province: { fa: 'استان', en: 'province' },
  tags: { fa: 'برچسب‌ها', en: 'tags' },
  code: { fa: 'کد خبر', en: 'news code' },
  image: { fa: 'تصویر اصلی', en: 'picture' },
  'image.src': { fa: 'فایل تصویر اصلی', en: 'picture file' },
  'image.alt': { fa: 'متن جایگزین تصویر', en: 'picture’s alternative text' },
  'image.caption': { fa: 'زیرنویس تصویر', en: 'picture caption' },
  office: { fa: 'دفتر منتشرکننده', en: 'office' },
  status: { fa: 'وضعیت', en: 'status' },
  draft: { fa: 'پیش‌نویس', en: 'draft' },
};

const KEEP = {
  fa: 'تا آن زمان سایت همان نسخه‌ی پیشین را نشان می‌دهد.',
  en: 'Until then the site keeps showing the previous version.',
};

/** Terminal colour codes (ESC [ … m). */
const COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Takes out what must not reach the office: absolute paths, tool prefixes, colour codes. */
export function clean(text: string): string {
  return text
    .replace(COLOUR, '')
    .replace(/\b[A-Z_]+_ERROR:\s*/g, '')
    .replace(/(?:file:\/\/)?(?:\/[\w.@+-]+)+\/([\w.@+-]+)/g, '$1')
    .replace(/[A-Za-z]:\\(?:[\w.@+-]+\\)*([\w.@+-]+)/g, '$1')
    .trim()
    .slice(0, 300);
}

/**
 * Reads a failed build's output for what the office can act on: Astro's content errors
 * (`[InvalidContentEntryDataError] news → fa/x data does not match…` then `  field: reason`)
 * and the news checks' own (`- …/news/fa/x.md: field 'code' …`).
 */
export function explainBuildFailure(output: string, at: Date, commit?: string): PublishFailure {
  const plain = output.replace(COLOUR, '');
  const base = { at: at.toISOString(), ...(commit ? { commit } : {}) };
  const astro =
    /\[(\w+)\] (news|programmes|serviceBases) → ([\w/-]+?)(?: data)? (?:does not match|[^\n]*)\n(?:\s*\n)?\s*(?:\*\*)?([\w.]+)?(?:\*\*)?:?\s*([^\n]*)/.exec(
      plain,
    );
  // A nested field (image.alt, image.src) is named as the editor names it.
  const check = /[-–] [^\n]*?\b(news\/(?:fa|en)\/[\w-]+\.md): field '([\w.]+)'([^\n]*)/.exec(plain);
  // A file the build could not even read (YAML syntax): Astro names it only under Location.
  const unreadable =
    /\n([^\n]+)\n\s*Location:\s*\n\s*\S*?\b(news\/(?:fa|en)\/[\w-]+\.md)(?::\d+){0,2}/.exec(plain);
  let file: string | undefined;
  let field: string | undefined;
  let reason = '';
  if (!astro && !check && unreadable) {
    file = unreadable[2];
    reason = unreadable[1] ?? '';
  } else if (astro) {
    file = astro[2] === 'news' ? `news/${astro[3]}.md` : `${astro[2]}/${astro[3]}`;
    field = astro[4]?.split('.')[0];
    reason = astro[5] ?? '';
  } else if (check) {
    file = check[1];
    field = check[2];
    reason = (check[3] ?? '').trim();
  }
  if (file) {
    const name = field ? (FIELD_NAMES[field] ?? FIELD_NAMES[field.split('.')[0] ?? '']) : undefined;
    const where = name
      ? { fa: `در بخش «${name.fa}»`, en: `in the field “${name.en}”` }
      : { fa: '', en: '' };
    const why = clean(reason);
    return {
      code: 'CONTENT_INVALID',
      file,
      ...(field ? { field } : {}),
      fa: `خبر ${file} منتشر نشد: ${where.fa ? `${where.fa} ` : ''}ایرادی هست که سایت آن را نمی‌پذیرد. آن را در ویرایشگر باز کنید، پیام کنار آن بخش را بخوانید، درستش کنید و دوباره ذخیره کنید. ${KEEP.fa}`,
      en: `${file} was not published: ${where.en ? `${where.en} ` : ''}there is a problem the site does not accept${why ? ` (${why})` : ''}. Open it in the editor, fix it and save again. ${KEEP.en}`,
      ...base,
    };
  }
  return {
    code: 'BUILD_FAILED',
    fa: `ساختن نسخه‌ی تازه‌ی سایت انجام نشد و ایراد از یک خبر نیست. به تیم فنی خبر دهید (گزارش انتشار را ببینند). ${KEEP.fa}`,
    en: `Building the new version of the site failed, and not because of a news item. Tell the technical team (they should read the publish log). ${KEEP.en}`,
    ...base,
  };
}

export function sourceFailure(at: Date): PublishFailure {
  return {
    code: 'SOURCE_FAILED',
    fa: `تغییرات تازه از مخزن گرفته نشد (پوشه‌ی سرور تغییری دارد که با مخزن نمی‌خواند). به تیم فنی خبر دهید. ${KEEP.fa}`,
    en: `The new changes could not be taken from the repository (the server's checkout has changes that do not fit). Tell the technical team. ${KEEP.en}`,
    at: at.toISOString(),
  };
}
