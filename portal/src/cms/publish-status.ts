import './publish-status.css';
import { articlePath } from '../lib/paths.ts';
import { forgeToken } from './approval.ts';
import { formatMoment, momentOf, SAVED_EVENT, type SavedDetail } from './publish-fields.ts';

/**
 * The publish pipeline's status in the editor (server/publish/, GET /api/publish/status): is the
 * last save live, being built, scheduled, waiting for review, or refused — and if refused, which
 * item and field, in the editor's language. A separate module, started by one line in admin.ts;
 * it shows nothing when the server publishes no status (a single build without the pipeline, or
 * a reader who is not signed in).
 */

type Locale = 'fa' | 'en';

interface Status {
  state: 'live' | 'building' | 'failed' | 'unknown';
  liveSince?: string;
  next?: string;
  inReview: number;
  failure?: { fa: string; en: string; at: string; file?: string; field?: string };
  /** When the round that wrote this began reading the content (server/publish/status.ts). */
  checkedAt?: string;
  /** When the last round that changed the site finished. */
  publishedAt?: string;
  /** The server's clock at the answer. */
  now?: string;
}

const TEXT = {
  fa: {
    live: (since: string) => `آخرین تغییرهای ذخیره‌شده روی سایت است (از ${since}).`,
    building: 'سایت در حال به‌روزرسانی است؛ تغییرها تا چند دقیقه‌ی دیگر روی سایت دیده می‌شوند.',
    next: (at: string) => `خبر زمان‌بندی‌شده‌ی بعدی در ${at} منتشر می‌شود.`,
    review: (count: string) => `${count} خبر در انتظار تأیید است.`,
    waiting: 'ذخیره شد. در انتظار انتشار روی سایت…',
    isLive: (seconds: string, approved: boolean) =>
      `روی سایت است: ${seconds} ثانیه پس از ${approved ? 'تأیید' : 'ذخیره'} منتشر شد.`,
    isGone: (seconds: string) => `از سایت برداشته شد (${seconds} ثانیه پس از ذخیره).`,
    see: 'دیدن خبر روی سایت',
    draft: 'ذخیره شد. پیش‌نویس است و روی سایت نمی‌رود.',
    inReview: 'ذخیره شد. پس از تأیید همکاری که اجازه‌ی انتشار دارد روی سایت می‌رود.',
    scheduled: (at: string) => `ذخیره شد. زمان‌بندی‌شده: ${at} به وقت تهران روی سایت می‌رود.`,
    notShown:
      'دور انتشار انجام شد ولی خبر هنوز روی سایت دیده نمی‌شود. چند دقیقه بعد صفحه را دوباره باز کنید؛ اگر باز هم نبود به تیم فنی خبر دهید.',
  },
  en: {
    live: (since: string) => `The latest saved changes are on the site (since ${since}).`,
    building: 'The site is being updated; the changes will be on it within a few minutes.',
    next: (at: string) => `The next scheduled item goes live on ${at}.`,
    review: (count: string) => `${count} item(s) waiting for approval.`,
    waiting: 'Saved. Waiting for it to go on the site…',
    isLive: (seconds: string, approved: boolean) =>
      `Live on the site: published ${seconds} s after ${approved ? 'the approval' : 'saving'}.`,
    isGone: (seconds: string) => `Taken off the site (${seconds} s after saving).`,
    see: 'See it on the site',
    draft: 'Saved. It is a draft and stays off the site.',
    inReview: 'Saved. It goes on the site once a colleague who may publish approves it.',
    scheduled: (at: string) => `Saved. Scheduled: it goes on the site on ${at}, Tehran time.`,
    notShown:
      'The publishing round is done but the item is not on the site yet. Open the page again in a few minutes; if it is still missing, tell the technical team.',
  },
} as const;

function when(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Tehran',
  }).format(new Date(iso));
}

/** Whether an article page shows this title (an edit is live, not a cached older version). */
function showsTitle(html: string, title: unknown): boolean {
  if (typeof title !== 'string') return true;
  const heading = new DOMParser().parseFromString(html, 'text/html').querySelector('h1');
  return heading?.textContent?.trim() === title.trim();
}

/** What the office expects of a saved item, from its own fields (news-visibility.ts's rule). */
function expectation(detail: SavedDetail, now: Date) {
  const status = detail.data.draft === true ? 'draft' : String(detail.data.status ?? 'published');
  if (status === 'draft') return { kind: 'draft' } as const;
  if (status === 'review' && !detail.approved) return { kind: 'review' } as const;
  if (status === 'withdrawn') return { kind: 'gone' } as const;
  const moment = momentOf(detail.data.date, detail.data.time);
  if (moment && moment.getTime() > now.getTime()) return { kind: 'scheduled', moment } as const;
  return { kind: 'live' } as const;
}

export function startPublishStatus(locale: Locale, every = 30_000): void {
  const box = document.createElement('div');
  box.className = 'bz-publish-status';
  box.setAttribute('role', 'status');
  box.hidden = true;
  document.body.append(box);
  const text = TEXT[locale];
  const number = (n: number) => n.toLocaleString(locale === 'fa' ? 'fa-IR' : 'en');
  /** The line about the last save, kept above the general status until the next save. */
  let saved: HTMLElement[] = [];
  let general: HTMLElement[] = [];
  let state = 'unknown';
  const render = () => {
    box.replaceChildren(...saved, ...general);
    box.dataset.state = state;
    box.hidden = saved.length + general.length === 0;
  };
  const line = (content: string, link?: { href: string; text: string }) => {
    const p = Object.assign(document.createElement('p'), { textContent: content });
    if (link) {
      p.append(' ');
      p.append(
        Object.assign(document.createElement('a'), { href: link.href, textContent: link.text }),
      );
    }
    return p;
  };

  const show = (status: Status) => {
    const lines: string[] = [];
    if (status.state === 'failed' && status.failure) lines.push(status.failure[locale]);
    else if (status.state === 'building') lines.push(text.building);
    else if (status.state === 'live' && status.liveSince) {
      lines.push(text.live(when(locale, status.liveSince)));
    }
    if (status.inReview > 0) lines.push(text.review(number(status.inReview)));
    if (status.next) lines.push(text.next(when(locale, status.next)));
    general = lines.map((content) => line(content));
    state = status.state;
    render();
  };

  /** The status, with the offset of the server's clock from this browser's. */
  const read = async (): Promise<{ status: Status; offset: number } | undefined> => {
    const token = forgeToken();
    const asked = Date.now();
    try {
      const response = await fetch('/api/publish/status', {
        headers: token ? { authorization: `token ${token}` } : {},
        cache: 'no-store',
      });
      if (!response.ok) return undefined;
      const status = (await response.json()) as Status;
      const server = status.now ? Date.parse(status.now) : Number.NaN;
      const offset = Number.isNaN(server) ? 0 : server - (asked + Date.now()) / 2;
      return { status, offset };
    } catch {
      return undefined;
    }
  };

  const check = async () => {
    const answer = await read();
    if (answer) show(answer.status);
    else if (saved.length === 0) box.hidden = true;
  };

  /**
   * After a save (or an approval): says what happens to the item, and for one that should go
   * live (or off), waits for a publishing round that began after the save, then checks the
   * item's own address on the site before saying "live in N s"; a failed round after the save
   * is shown with its file and field.
   */
  let watching = 0;
  const watch = async (detail: SavedDetail) => {
    const run = ++watching;
    const savedAt = Date.now();
    const expected = expectation(detail, new Date());
    const say = (content: string, link?: { href: string; text: string }) => {
      if (run !== watching) return;
      saved = [line(content, link)];
      saved[0]?.setAttribute('data-saved', expected.kind);
      render();
    };
    if (expected.kind === 'draft') return say(text.draft);
    if (expected.kind === 'review') return say(text.inReview);
    if (expected.kind === 'scheduled') {
      return say(text.scheduled(formatMoment(expected.moment, locale)));
    }
    say(text.waiting);
    const address = articlePath(detail.collection === 'news_en' ? 'en' : 'fa', detail.slug);
    // Up to about 15 minutes: a full build on a slow machine.
    for (let attempt = 0; attempt < 450 && run === watching; attempt++) {
      await new Promise((done) => setTimeout(done, 2000));
      const answer = await read();
      if (!answer) continue;
      show(answer.status);
      const { status, offset } = answer;
      const since = savedAt + offset;
      if (status.state === 'failed' && status.failure && Date.parse(status.failure.at) >= since) {
        return say(status.failure[locale]);
      }
      if (status.state !== 'live' || !status.checkedAt || Date.parse(status.checkedAt) < since) {
        continue;
      }
      const page = await fetch(address, { cache: 'no-store' }).catch(() => undefined);
      const arrived =
        expected.kind === 'gone'
          ? page?.status === 410
          : page?.status === 200 && showsTitle(await page.text(), detail.data.title);
      if (!arrived) {
        // A server without the shared purge keeps a page for its cache's minute.
        if (attempt > 90) return say(text.notShown);
        continue;
      }
      const done = status.publishedAt ? Date.parse(status.publishedAt) : since;
      const seconds = number(Math.max(1, Math.round((done - since) / 1000)));
      return expected.kind === 'gone'
        ? say(text.isGone(seconds))
        : say(text.isLive(seconds, detail.approved === true), { href: address, text: text.see });
    }
  };

  window.addEventListener(SAVED_EVENT, (event) => {
    void watch((event as CustomEvent<SavedDetail>).detail);
  });
  void check();
  setInterval(() => void check(), every);
}
