import { formatDateTime } from '@behzisti/core/dates';
import { toLocaleDigits } from '@behzisti/core/text';
import {
  type AuditPage,
  StaffApiError,
  type StaffPage,
  type StaffRecord,
  type StaffSession,
  staffFetch,
  staffJson,
} from './staff-api.ts';
import {
  articleHref,
  type FilterInput,
  filterParams,
  retryMinutes,
  statusesFor,
} from './staff-query.ts';
import { fitToRole } from './staff-role.ts';
import { setUpSecretChange } from './staff-secret.ts';
import { setUpTokens } from './staff-tokens.ts';

// The staff inbox page (components/StaffInbox.astro): sign-in, the filtered list, one item's
// detail with status, reply and moderation, CSV export, the audit log and sign-out. The page's
// markup is prerendered; this module fills it and moves focus. Text from people is only ever
// set as textContent, never parsed as HTML.

const PAGE_SIZE = 20;
const AUDIT_PAGE_SIZE = 20;

type Values = Record<string, string | number>;

/** `?kind=feedback&from=2026-11-22` as `kind=feedback from=2026-11-22`, for the audit log. */
function readableQuery(query: string): string {
  const params = new URLSearchParams(query);
  return [...params].map(([key, value]) => `${key}=${value}`).join(' ') || query;
}

const root = document.getElementById('staff');
if (root) start(root);

function start(root: HTMLElement): void {
  const locale = root.dataset.locale === 'en' ? 'en' : 'fa';
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Record<string, string>;
  /** A `staff.*` string with `{name}` filled; numbers in the locale's digits. */
  const text = (key: string, values: Values = {}): string =>
    (strings[`staff.${key}`] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? toLocaleDigits(value, locale) : value;
    });
  const maybeText = (key: string): string | undefined => strings[`staff.${key}`];
  const digits = (value: string) => toLocaleDigits(value, locale);
  const when = (iso: string | undefined) => (iso ? formatDateTime(new Date(iso), locale) : '');

  const el = <T extends HTMLElement = HTMLElement>(id: string): T => {
    const found = document.getElementById(id);
    if (!found) throw new Error(`staff inbox: #${id} is missing from the page`);
    return found as T;
  };
  const live = el('staff-live');
  const problem = el('staff-problem');
  const signin = el('staff-signin');
  const signinTitle = el('staff-signin-title');
  const signinError = el('staff-signin-error');
  const signinForm = el<HTMLFormElement>('staff-signin-form');
  const nameInput = el<HTMLInputElement>('staff-name');
  const secretInput = el<HTMLInputElement>('staff-secret');
  const work = el('staff-work');
  const who = el('staff-who');
  const browse = el('staff-browse');
  const filters = el<HTMLFormElement>('staff-filters');
  const kindSelect = el<HTMLSelectElement>('staff-f-kind');
  const categorySelect = el<HTMLSelectElement>('staff-f-category');
  const statusSelect = el<HTMLSelectElement>('staff-f-status');
  const provinceSelect = el<HTMLSelectElement>('staff-f-province');
  const baseSelect = el<HTMLSelectElement>('staff-f-base');
  const fromInput = el<HTMLInputElement>('staff-f-from');
  const toInput = el<HTMLInputElement>('staff-f-to');
  const exportButton = el<HTMLButtonElement>('staff-export');
  const listTitle = el('staff-list-title');
  const count = el('staff-count');
  const list = el('staff-items');
  const prev = el<HTMLButtonElement>('staff-prev');
  const next = el<HTMLButtonElement>('staff-next');
  const detail = el('staff-detail');
  const detailTitle = el('staff-detail-title');
  const facts = el('staff-facts');
  const message = el('staff-message');
  const currentReply = el('staff-current-reply');
  const currentReplyText = el('staff-current-reply-text');
  const history = el('staff-history');
  const moderate = el('staff-moderate');
  const update = el<HTMLFormElement>('staff-update');
  const newStatus = el<HTMLSelectElement>('staff-new-status');
  const reply = el<HTMLTextAreaElement>('staff-reply');
  const detailError = el('staff-detail-error');
  const auditShow = el<HTMLButtonElement>('staff-audit-show');
  const auditTitle = el('staff-audit-title');
  const auditBody = el('staff-audit-body');
  const auditRows = el('staff-audit-rows');
  const auditCount = el('staff-audit-count');
  const auditPrev = el<HTMLButtonElement>('staff-audit-prev');
  const auditNext = el<HTMLButtonElement>('staff-audit-next');
  const fitRole = (current: StaffSession) =>
    fitToRole(current, {
      browse,
      kindSelect,
      exportButton,
      audit: el('staff-audit'),
      tokens: el('staff-tokens'),
      noRole: el('staff-no-role'),
    });

  /** Base names by id, read from the base filter (built from the same content as the directory). */
  const baseNames = new Map(
    [...baseSelect.options].filter((o) => o.value).map((o) => [o.value, o.text]),
  );

  let session: StaffSession | undefined;
  /** The filters of the list on screen (paging and export use these, not half-edited fields). */
  let applied = new URLSearchParams();
  let offset = 0;
  let items: StaffRecord[] = [];
  let total = 0;
  let opened: StaffRecord | undefined;
  /** Unsaved replies and statuses by code: kept while staff move between items or sign in again. */
  const drafts = new Map<string, { reply?: string; status?: string }>();
  /** Set while the session has expired: where to put focus back once signed in again. */
  let expired: { resume: HTMLElement | null } | undefined;
  let auditOffset = 0;
  let busy = false;
  let signingIn = false;

  // ---- small helpers ------------------------------------------------------------------------

  /** Says `sentence` through the polite live region (cleared first so a repeat is spoken again). */
  const announce = (sentence: string) => {
    live.textContent = '';
    window.setTimeout(() => {
      live.textContent = sentence;
    }, 50);
  };

  const h = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attributes: Record<string, string> = {},
    ...children: (Node | string | undefined)[]
  ): HTMLElementTagNameMap[K] => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    for (const child of children) if (child !== undefined) node.append(child);
    return node;
  };

  /** aria-invalid="true" (an empty value would mean false), or none. */
  const markInvalid = (input: HTMLElement, invalid: boolean) => {
    if (invalid) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };

  const codeSpan = (code: string) => h('span', { class: 'staff-code', dir: 'ltr' }, digits(code));
  const timeNode = (iso: string) => h('time', { datetime: iso }, when(iso));
  const statusLabel = (status: string) => maybeText(`status.${status}`) ?? status;
  const kindOf = (record: StaffRecord) => (record.kind === 'comment' ? 'comment' : 'feedback');
  const subject = (record: StaffRecord) =>
    kindOf(record) === 'comment'
      ? text('kind.comment')
      : (maybeText(`category.${record.category ?? ''}`) ?? text('kind.feedback'));

  /** The sentence for an API failure other than an expired session. */
  const sentenceFor = (error: unknown): string => {
    if (!(error instanceof StaffApiError)) return text('error.other', { message: String(error) });
    switch (error.kind) {
      case 'bad-credentials':
        return text('error.badCredentials');
      case 'rate-limited':
        return text('error.rateLimited', { minutes: retryMinutes(error.retryAfter) });
      case 'session-expired':
        return text('error.sessionExpired');
      case 'signed-out':
        return text('error.signedOut');
      case 'network':
        return text('error.network');
      case 'unavailable':
        return text('unavailable');
      default:
        return text('error.other', {
          message: error.serverMessage?.[locale] ?? error.serverMessage?.fa ?? String(error.status),
        });
    }
  };

  /**
   * Runs a staff action. An expired session (or one ended elsewhere) turns into the sign-in
   * form above the untouched work area; any other failure is written into `errorNode`.
   */
  const act = async (
    trigger: HTMLElement | null,
    errorNode: HTMLElement,
    action: () => Promise<void>,
  ): Promise<void> => {
    if (busy) return;
    busy = true;
    root.setAttribute('aria-busy', 'true');
    errorNode.textContent = '';
    try {
      await action();
    } catch (error) {
      if (
        error instanceof StaffApiError &&
        (error.kind === 'session-expired' || error.kind === 'signed-out')
      ) {
        showExpired(error.kind, trigger);
      } else {
        errorNode.textContent = sentenceFor(error);
      }
    } finally {
      busy = false;
      root.removeAttribute('aria-busy');
    }
  };

  // ---- signing in and out -------------------------------------------------------------------

  const showSignin = (sentence = '') => {
    signin.hidden = false;
    signinError.textContent = sentence;
  };

  /** The session ended mid-work: ask to sign in again, keep everything typed in place. */
  const showExpired = (kind: 'session-expired' | 'signed-out', trigger: HTMLElement | null) => {
    expired = { resume: trigger };
    // inert: the work stays visible (the draft is right there) but cannot be used until signed in.
    work.inert = true;
    if (session && nameInput.value === '') nameInput.value = session.name;
    showSignin(text(kind === 'session-expired' ? 'error.sessionExpired' : 'error.signedOut'));
    signinError.focus();
  };

  const enterWork = (current: StaffSession) => {
    session = current;
    who.textContent = text('signedInAs', { name: current.name });
    fitRole(current);
    signin.hidden = true;
    signinError.textContent = '';
    work.hidden = false;
    work.inert = false;
    if (expired) {
      const { resume } = expired;
      expired = undefined;
      announce(text('signIn.again'));
      (resume?.isConnected && resume.offsetParent !== null ? resume : listTitle).focus();
      return;
    }
    announce(text('signIn.done'));
    if (current.role === null) return;
    listTitle.focus();
    applyFilters(listTitle);
  };

  signinForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (signingIn) return;
    const name = nameInput.value.trim();
    const secret = secretInput.value;
    markInvalid(nameInput, name === '');
    markInvalid(secretInput, secret === '');
    if (name === '' || secret === '') {
      signinError.textContent = text('error.missing');
      (name === '' ? nameInput : secretInput).focus();
      return;
    }
    const button = signinForm.querySelector('button');
    signingIn = true;
    // Emptied first, so the same sentence after another failed try is announced again.
    signinError.textContent = '';
    if (button) button.textContent = text('signIn.busy');
    let current: StaffSession;
    try {
      await staffFetch('/api/staff/session', { method: 'POST', body: { name, secret } });
      current = await staffJson<StaffSession>('/api/staff/session');
    } catch (error) {
      signinError.textContent = sentenceFor(error);
      signinError.focus();
      return;
    } finally {
      // The secret is never kept in the page, whatever the outcome.
      secretInput.value = '';
      signingIn = false;
      if (button) button.textContent = text('signIn.submit');
    }
    enterWork(current);
  });

  /** Forgets everything personal the page holds: list, detail, drafts, audit rows. */
  const clearWork = () => {
    session = undefined;
    items = [];
    total = 0;
    opened = undefined;
    drafts.clear();
    list.replaceChildren();
    count.textContent = '';
    facts.replaceChildren();
    message.textContent = '';
    currentReplyText.textContent = '';
    history.replaceChildren();
    reply.value = '';
    auditRows.replaceChildren();
    auditBody.hidden = true;
    detail.hidden = true;
    browse.hidden = false;
    filters.reset();
    syncFilterControls();
    applied = new URLSearchParams();
    offset = 0;
    work.hidden = true;
    clearTokens();
    clearSecret();
  };

  /** Signs out this session, or every session of the account; the page forgets what it holds. */
  const signOut = async (path: string, done: string) => {
    try {
      await staffFetch(path, { method: 'DELETE' });
    } catch {
      // Signed out already (expired) or unreachable: either way the page forgets what it holds.
    }
    clearWork();
    nameInput.value = '';
    showSignin();
    announce(text(done));
    signinTitle.focus();
  };
  el('staff-signout').addEventListener('click', () => signOut('/api/staff/session', 'signedOut'));
  el('staff-signout-everywhere').addEventListener('click', () =>
    signOut('/api/staff/sessions', 'signedOutEverywhere'),
  );

  // ---- filters and the list -----------------------------------------------------------------

  const provinceBases = () =>
    (provinceSelect.selectedOptions[0]?.dataset.bases ?? '').split(' ').filter(Boolean);

  /** Offers only what fits the other choices: a province's bases, a kind's statuses. */
  const syncFilterControls = () => {
    const province = provinceSelect.value;
    for (const group of baseSelect.querySelectorAll<HTMLOptGroupElement>('optgroup')) {
      const off = province !== '' && group.dataset.province !== province;
      group.hidden = off;
      group.disabled = off;
    }
    if (baseSelect.selectedOptions[0]?.parentElement instanceof HTMLOptGroupElement) {
      if (baseSelect.selectedOptions[0].parentElement.disabled) baseSelect.value = '';
    }
    const statuses = statusesFor(kindSelect.value);
    for (const option of statusSelect.options) {
      const off = option.value !== '' && !statuses.includes(option.value);
      option.hidden = off;
      option.disabled = off;
    }
    if (statusSelect.selectedOptions[0]?.disabled) statusSelect.value = '';
    categorySelect.disabled = kindSelect.value === 'comment';
  };
  provinceSelect.addEventListener('change', syncFilterControls);
  kindSelect.addEventListener('change', syncFilterControls);

  /** Reads and checks the filter form; on a mistake marks the field and returns undefined. */
  const readFilters = (): URLSearchParams | undefined => {
    const data = new FormData(filters);
    const input: FilterInput = {
      kind: String(data.get('kind') ?? ''),
      category: categorySelect.disabled ? '' : String(data.get('category') ?? ''),
      status: String(data.get('status') ?? ''),
      province: String(data.get('province') ?? ''),
      base: String(data.get('base') ?? ''),
      from: fromInput.value,
      to: toInput.value,
    };
    const { params, problems } = filterParams(input, provinceBases());
    for (const [field, input] of [
      ['from', fromInput],
      ['to', toInput],
    ] as const) {
      const found = problems.find((p) => p.field === field);
      markInvalid(input, found !== undefined);
      el(`staff-f-${field}-error`).textContent = found
        ? found.problem === 'date'
          ? text('error.date', { example: text('dateExample') })
          : text('error.dateOrder')
        : '';
    }
    const first = problems[0];
    if (first) {
      (first.field === 'from' ? fromInput : toInput).focus();
      return undefined;
    }
    return params;
  };

  const renderRow = (record: StaffRecord): HTMLLIElement => {
    const open = h(
      'button',
      { type: 'button', class: 'staff-item-open' },
      `${subject(record)} `,
      codeSpan(record.code),
    );
    open.addEventListener('click', () => openItem(record.code));
    const about = record.article
      ? record.article
      : record.serviceBaseId
        ? (baseNames.get(record.serviceBaseId) ?? record.serviceBaseId)
        : undefined;
    const author = record.name || (record.anonymous ? text('list.anonymous') : undefined);
    const meta = h(
      'p',
      { class: 'meta' },
      h('span', {}, statusLabel(record.status)),
      h('span', {}, timeNode(record.receivedAt)),
      about === undefined ? undefined : h('span', { dir: 'auto' }, about),
      author === undefined ? undefined : h('span', { dir: 'auto' }, author),
    );
    return h(
      'li',
      { 'data-code': record.code },
      open,
      meta,
      h('p', { class: 'staff-snippet', dir: 'auto' }, record.message.slice(0, 300)),
    );
  };

  const renderList = () => {
    list.replaceChildren(...items.map(renderRow));
    count.textContent =
      total === 0
        ? text('list.empty')
        : text('list.count', {
            from: offset + 1,
            to: offset + items.length,
            total,
          });
    prev.hidden = offset === 0;
    next.hidden = offset + items.length >= total;
  };

  const loadList = async () => {
    const params = new URLSearchParams(applied);
    params.set('limit', String(PAGE_SIZE));
    params.set('offset', String(offset));
    const page = await staffJson<StaffPage>(`/api/feedback?${params}`);
    items = page.items;
    total = page.total;
    renderList();
  };

  const applyFilters = (trigger: HTMLElement | null) => {
    const params = readFilters();
    if (!params) return;
    applied = params;
    offset = 0;
    void act(trigger, problem, async () => {
      await loadList();
      announce(total === 0 ? text('list.empty') : text('list.loaded', { total }));
    });
  };

  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    applyFilters(filters.querySelector('button[type="submit"]'));
  });
  filters.addEventListener('reset', () => {
    // The reset event fires before the fields are cleared.
    window.setTimeout(() => {
      syncFilterControls();
      for (const field of ['from', 'to']) el(`staff-f-${field}-error`).textContent = '';
      markInvalid(fromInput, false);
      markInvalid(toInput, false);
      applyFilters(filters.querySelector('button[type="reset"]'));
    });
  });

  const turnPage = (delta: number, trigger: HTMLElement) =>
    act(trigger, problem, async () => {
      offset = Math.max(0, offset + delta * PAGE_SIZE);
      await loadList();
      // The button pressed may have just been hidden (first or last page).
      listTitle.focus();
      announce(count.textContent ?? '');
    });
  prev.addEventListener('click', () => turnPage(-1, prev));
  next.addEventListener('click', () => turnPage(1, next));

  exportButton.addEventListener('click', () => {
    const params = readFilters();
    if (!params) return;
    void act(exportButton, problem, async () => {
      const response = await staffFetch(`/api/feedback.csv?${params}`);
      const blob = await response.blob();
      const disposition = response.headers.get('content-disposition') ?? '';
      const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? 'feedback.csv';
      const url = URL.createObjectURL(blob);
      const link = h('a', { href: url, download: filename, hidden: '' });
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
      announce(text('exported'));
      // The list follows the filters that were exported, so what is seen is what was saved.
      if (params.toString() !== applied.toString()) {
        applied = params;
        offset = 0;
        await loadList();
      }
    });
  });

  // ---- one item -----------------------------------------------------------------------------

  const fact = (label: string, ...value: (Node | string)[]) => [
    h('dt', {}, label),
    h('dd', {}, ...value),
  ];

  const renderDetail = (record: StaffRecord) => {
    detailTitle.replaceChildren(`${subject(record)} `, codeSpan(record.code));
    const rows: HTMLElement[] = [];
    rows.push(...fact(text('detail.code'), codeSpan(record.code)));
    rows.push(...fact(text('detail.kind'), text(`kind.${kindOf(record)}`)));
    if (record.category && kindOf(record) === 'feedback')
      rows.push(...fact(text('detail.category'), subject(record)));
    rows.push(...fact(text('detail.status'), statusLabel(record.status)));
    rows.push(...fact(text('detail.received'), timeNode(record.receivedAt)));
    if (record.serviceBaseId)
      rows.push(
        ...fact(
          text('detail.base'),
          h('span', { dir: 'auto' }, baseNames.get(record.serviceBaseId) ?? record.serviceBaseId),
        ),
      );
    if (record.article) {
      const href = articleHref(record.article);
      rows.push(
        ...fact(
          text('detail.article'),
          href
            ? h('a', { href, dir: 'ltr' }, record.article)
            : h('span', { dir: 'ltr' }, record.article),
        ),
      );
    }
    if (record.parent) rows.push(...fact(text('detail.parent'), codeSpan(record.parent)));
    if (record.pageUrl)
      rows.push(...fact(text('detail.page'), h('span', { dir: 'ltr' }, record.pageUrl)));
    rows.push(
      ...fact(
        text('detail.name'),
        record.name ? h('span', { dir: 'auto' }, record.name) : text('detail.noName'),
      ),
    );
    if (kindOf(record) === 'feedback')
      rows.push(
        ...fact(
          text('detail.contact'),
          record.contact ? h('span', { dir: 'ltr' }, record.contact) : text('detail.noContact'),
        ),
      );
    if (record.lang)
      rows.push(...fact(text('detail.lang'), maybeText(`lang.${record.lang}`) ?? record.lang));
    facts.replaceChildren(...rows);
    message.textContent = record.message;
    currentReply.hidden = !record.publicReply;
    currentReplyText.textContent = record.publicReply ?? '';

    const events: [string, string][] = [[text('history.received'), record.receivedAt]];
    if (record.repliedAt) events.push([text('history.replied'), record.repliedAt]);
    if (record.updatedAt && record.updatedAt !== record.receivedAt)
      events.push([text('history.updated'), record.updatedAt]);
    events.sort((a, b) => a[1].localeCompare(b[1]));
    history.replaceChildren(
      ...events.map(([label, iso]) => h('li', {}, `${label}: `, timeNode(iso))),
    );

    moderate.hidden = kindOf(record) !== 'comment';
    const draft = drafts.get(record.code);
    newStatus.replaceChildren(
      ...statusesFor(kindOf(record)).map((status) => {
        const option = h('option', { value: status }, statusLabel(status));
        option.selected = status === (draft?.status ?? record.status);
        return option;
      }),
    );
    reply.value = draft?.reply ?? record.publicReply ?? '';
  };

  /** The row button that opened the item, to return to. */
  let returnTo: string | undefined;

  const openItem = (code: string) => {
    const record = items.find((item) => item.code === code);
    if (!record) return;
    opened = record;
    returnTo = code;
    detailError.textContent = '';
    problem.textContent = '';
    renderDetail(record);
    browse.hidden = true;
    detail.hidden = false;
    detailTitle.focus();
  };

  const closeItem = () => {
    opened = undefined;
    detail.hidden = true;
    browse.hidden = false;
    const row = returnTo
      ? list.querySelector<HTMLButtonElement>(`li[data-code="${CSS.escape(returnTo)}"] button`)
      : null;
    (row ?? listTitle).focus();
  };
  el('staff-back').addEventListener('click', closeItem);
  detail.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !(event.target instanceof HTMLTextAreaElement)) closeItem();
  });

  const rememberDraft = () => {
    if (!opened) return;
    drafts.set(opened.code, { reply: reply.value, status: newStatus.value });
  };
  reply.addEventListener('input', rememberDraft);
  newStatus.addEventListener('change', rememberDraft);

  /** A saved change: the list row, the detail and the draft follow the server's record. */
  const applySaved = (saved: StaffRecord) => {
    items = items.map((item) => (item.code === saved.code ? { ...item, ...saved } : item));
    const merged = items.find((item) => item.code === saved.code) ?? saved;
    drafts.delete(saved.code);
    renderList();
    if (opened?.code === saved.code) {
      opened = merged;
      renderDetail(merged);
    }
  };

  const patch = (record: StaffRecord, body: Record<string, unknown>) =>
    staffJson<StaffRecord>(`/api/feedback/${encodeURIComponent(record.code)}`, {
      method: 'PATCH',
      body,
    });

  update.addEventListener('submit', (event) => {
    event.preventDefault();
    const record = opened;
    if (!record) return;
    const body: Record<string, unknown> = {};
    if (newStatus.value !== record.status) body.status = newStatus.value;
    const written = reply.value.trim();
    if (written !== (record.publicReply ?? '').trim())
      body.publicReply = written === '' ? null : reply.value;
    if (Object.keys(body).length === 0) {
      detailError.textContent = text('error.reply');
      reply.focus();
      return;
    }
    const save = el<HTMLButtonElement>('staff-save');
    void act(save, detailError, async () => {
      save.textContent = text('detail.saving');
      try {
        const saved = await patch(record, body);
        applySaved(saved);
        announce(
          text('detail.saved', { code: digits(saved.code), status: statusLabel(saved.status) }),
        );
      } finally {
        save.textContent = text('detail.save');
      }
    });
  });

  const decide = (status: 'approved' | 'rejected', trigger: HTMLButtonElement) => {
    const record = opened;
    if (!record) return;
    void act(trigger, detailError, async () => {
      const saved = await patch(record, { status });
      applySaved(saved);
      announce(text(`detail.${status}`, { code: digits(saved.code) }));
    });
  };
  const approve = el<HTMLButtonElement>('staff-approve');
  const reject = el<HTMLButtonElement>('staff-reject');
  approve.addEventListener('click', () => decide('approved', approve));
  reject.addEventListener('click', () => decide('rejected', reject));

  // ---- audit log ----------------------------------------------------------------------------

  /** A tracking code in the locale's digits; anything else (a CSV export's filters) as sent. */
  const targetNode = (target: string) =>
    /^\d{4}-\d{4}-\d{4}-\d{4}$/.test(target)
      ? codeSpan(target)
      : h('span', { dir: 'ltr' }, readableQuery(target));

  const loadAudit = async () => {
    const params = new URLSearchParams({
      limit: String(AUDIT_PAGE_SIZE),
      offset: String(auditOffset),
    });
    const page = await staffJson<AuditPage>(`/api/staff/audit?${params}`);
    auditRows.replaceChildren(
      ...page.items.map((entry) =>
        h(
          'tr',
          {},
          h('td', {}, timeNode(entry.at)),
          // bdi isolates a Latin name in a Persian row without changing the cell's alignment.
          h('td', {}, h('bdi', {}, entry.actor)),
          h('td', {}, maybeText(`audit.action.${entry.action}`) ?? entry.action),
          h('td', {}, entry.target ? targetNode(entry.target) : ''),
        ),
      ),
    );
    auditCount.textContent =
      page.total === 0
        ? text('audit.empty')
        : text('list.count', {
            from: auditOffset + 1,
            to: auditOffset + page.items.length,
            total: page.total,
          });
    auditPrev.hidden = auditOffset === 0;
    auditNext.hidden = auditOffset + page.items.length >= page.total;
    auditBody.hidden = false;
  };
  auditShow.addEventListener('click', () =>
    act(auditShow, problem, async () => {
      auditOffset = 0;
      await loadAudit();
      announce(auditCount.textContent ?? '');
    }),
  );
  const turnAudit = (delta: number, trigger: HTMLElement) =>
    act(trigger, problem, async () => {
      auditOffset = Math.max(0, auditOffset + delta * AUDIT_PAGE_SIZE);
      await loadAudit();
      auditTitle.focus();
      announce(auditCount.textContent ?? '');
    });
  auditPrev.addEventListener('click', () => turnAudit(-1, auditPrev));
  auditNext.addEventListener('click', () => turnAudit(1, auditNext));

  const clearTokens = setUpTokens({ el, text, when, announce, act });
  const clearSecret = setUpSecretChange({ el, text, when, announce, act });

  // ---- start --------------------------------------------------------------------------------

  el('staff-boot').hidden = true;
  syncFilterControls();
  void (async () => {
    try {
      const current = await staffJson<StaffSession>('/api/staff/session');
      session = current;
      who.textContent = text('signedInAs', { name: current.name });
      fitRole(current);
      work.hidden = false;
      if (current.role !== null) applyFilters(null);
    } catch (error) {
      if (error instanceof StaffApiError && error.kind === 'unavailable') {
        problem.textContent = text('unavailable');
      } else if (error instanceof StaffApiError && error.kind === 'session-expired') {
        showSignin(text('error.sessionExpired'));
      } else if (
        error instanceof StaffApiError &&
        (error.kind === 'signed-out' || error.kind === 'bad-credentials')
      ) {
        showSignin();
      } else {
        showSignin(sentenceFor(error));
      }
    }
  })();
}
