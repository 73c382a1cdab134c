import './publish-status.css';

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
  failure?: { fa: string; en: string };
}

const TEXT = {
  fa: {
    live: (since: string) => `آخرین تغییرهای ذخیره‌شده روی سایت است (از ${since}).`,
    building: 'سایت در حال به‌روزرسانی است؛ تغییرها تا چند دقیقه‌ی دیگر روی سایت دیده می‌شوند.',
    next: (at: string) => `خبر زمان‌بندی‌شده‌ی بعدی در ${at} منتشر می‌شود.`,
    review: (count: string) => `${count} خبر در انتظار تأیید است.`,
  },
  en: {
    live: (since: string) => `The latest saved changes are on the site (since ${since}).`,
    building: 'The site is being updated; the changes will be on it within a few minutes.',
    next: (at: string) => `The next scheduled item goes live on ${at}.`,
    review: (count: string) => `${count} item(s) waiting for approval.`,
  },
} as const;

function when(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Tehran',
  }).format(new Date(iso));
}

/** The editor's forge token (Decap keeps the signed-in user in localStorage), if any. */
function forgeToken(): string | undefined {
  try {
    const user = JSON.parse(localStorage.getItem('decap-cms-user') ?? 'null') as {
      token?: unknown;
    } | null;
    return typeof user?.token === 'string' ? user.token : undefined;
  } catch {
    return undefined;
  }
}

export function startPublishStatus(locale: Locale, every = 30_000): void {
  const box = document.createElement('div');
  box.className = 'bz-publish-status';
  box.setAttribute('role', 'status');
  box.hidden = true;
  document.body.append(box);
  const text = TEXT[locale];

  const show = (status: Status) => {
    const lines: string[] = [];
    if (status.state === 'failed' && status.failure) lines.push(status.failure[locale]);
    else if (status.state === 'building') lines.push(text.building);
    else if (status.state === 'live' && status.liveSince) {
      lines.push(text.live(when(locale, status.liveSince)));
    }
    if (status.inReview > 0) {
      lines.push(text.review(status.inReview.toLocaleString(locale === 'fa' ? 'fa-IR' : 'en')));
    }
    if (status.next) lines.push(text.next(when(locale, status.next)));
    box.replaceChildren(
      ...lines.map((line) => Object.assign(document.createElement('p'), { textContent: line })),
    );
    box.dataset.state = status.state;
    box.hidden = lines.length === 0;
  };

  const check = async () => {
    const token = forgeToken();
    try {
      const response = await fetch('/api/publish/status', {
        headers: token ? { authorization: `token ${token}` } : {},
        cache: 'no-store',
      });
      if (response.ok) show((await response.json()) as Status);
      else box.hidden = true;
    } catch {
      // Offline for a moment: keep what is shown.
    }
  };
  void check();
  setInterval(() => void check(), every);
}
