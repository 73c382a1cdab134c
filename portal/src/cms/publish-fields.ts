import { formatDate, parseContentDate } from '@behzisti/core/dates';
import { normalizeDigits, toLocaleDigits } from '@behzisti/core/text';
import { format, type Locale, t } from '../i18n/ui.ts';
import { NEWS_STATUSES, type NewsStatus, publishMoment } from '../lib/news-visibility.ts';
import {
  type Approval,
  type ApprovalState,
  approvalState,
  approve,
  recordSave,
} from './approval.ts';
import type { DecapCMS, H, ImmutableMap, WidgetProps } from './decap.ts';
import { ltrField } from './ltr-field.ts';
import { bilingual } from './messages.ts';
import { DATE_EVENT } from './widgets.ts';

/**
 * The publishing fields of a news item, written as what news-visibility.ts reads: `status`
 * (draft, review, published, withdrawn; "scheduled" is a published item whose moment is still to
 * come) and `time` (HH:MM, Tehran) on its `date`. The status field also carries the approval box
 * of an item in review: a publisher sees the approve button (approval.ts), everyone signed in as
 * staff sees whether the saved text is approved or changed after its approval, and who saved it.
 * The button is disabled, with the reason beside it, for the account that saved the text and
 * for a text nobody is recorded as saving (which anyone signed in may then claim as theirs).
 */

/** Fired on window after a save (admin.ts) and after an approval: publish-status.ts watches it. */
export const SAVED_EVENT = 'bz-saved';
/** Fired on window once the server has noted who saved (admin.ts, approval.ts recordSave). */
export const SAVE_RECORDED_EVENT = 'bz-save-recorded';
export interface SavedDetail {
  collection: string;
  slug: string;
  data: Record<string, unknown>;
  /** An approval was given now (rather than a save). */
  approved?: boolean;
}

/** `9:5`, `۰۹:۳۰`, `14.05` → `09:05`, `09:30`, `14:05`; undefined when it is no time of day. */
export function canonicalTime(text: string): string | undefined {
  const match = /^\s*(\d{1,2})\s*[:.٫]\s*(\d{2})\s*$/.exec(normalizeDigits(text));
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

/** When the item goes live, from its date and time fields; undefined when either is unreadable. */
export function momentOf(date: unknown, time: unknown): Date | undefined {
  const day = typeof date === 'string' ? parseContentDate(date) : undefined;
  if (!day) return undefined;
  const wall = typeof time === 'string' && time.trim() ? canonicalTime(time) : undefined;
  if (typeof time === 'string' && time.trim() && !wall) return undefined;
  return publishMoment(day, wall);
}

/** A moment in the editor's language, Solar Hijri in Persian, Tehran wall time. */
export function formatMoment(moment: Date, locale: Locale): string {
  const clock = new Intl.DateTimeFormat(locale === 'fa' ? 'fa-IR' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Tehran',
  }).format(moment);
  return `${formatDate(moment, locale)}${locale === 'fa' ? '، ساعت ' : ', '}${clock}`;
}

/** `fa/<slug>` and the repository path of the item being edited, once it is saved. */
function itemOf(entry: ImmutableMap | undefined) {
  if (!entry || entry.get('newRecord') === true) return undefined;
  const collection = String(entry.get('collection') ?? '');
  const slug = String(entry.get('slug') ?? '');
  const path = String(entry.get('path') ?? '');
  const locale = collection === 'news_en' ? 'en' : collection === 'news_fa' ? 'fa' : undefined;
  if (!locale || !slug || !path) return undefined;
  return { id: `${locale}/${slug}`, path, collection, slug };
}

export function registerPublishFields(
  cms: DecapCMS,
  h: H,
  createClass: NonNullable<Window['createClass']>,
  locale: Locale,
): void {
  const when = (iso: string) => formatMoment(new Date(iso), locale);
  const digits = (text: string) => toLocaleDigits(text, locale);

  /** The approval box of a saved item in review; rendered by the status field under its select. */
  const ApprovalBox = createClass({
    getInitialState() {
      return { state: { kind: 'none' } as ApprovalState, message: '', busy: false };
    },
    componentDidMount(this: ApprovalThis) {
      this.refresh = () => void this.load();
      window.addEventListener(SAVED_EVENT, this.refresh);
      window.addEventListener(SAVE_RECORDED_EVENT, this.refresh);
      void this.load();
    },
    componentWillUnmount(this: ApprovalThis) {
      window.removeEventListener(SAVED_EVENT, this.refresh);
      window.removeEventListener(SAVE_RECORDED_EVENT, this.refresh);
      this.gone = true;
    },
    async load(this: ApprovalThis) {
      const state = await approvalState(this.props.id, this.props.path);
      if (!this.gone) this.setState({ state });
    },
    async onApprove(this: ApprovalThis) {
      this.setState({ busy: true, message: t(locale, 'cms.approve.busy') });
      const result = await approve(this.props.id, this.props.path);
      if (this.gone) return;
      if (result.ok) {
        const { approval } = result;
        this.setState({
          busy: false,
          message: format(locale, 'cms.approve.done', { by: approval.by, when: when(approval.at) }),
        });
        window.dispatchEvent(
          new CustomEvent<SavedDetail>(SAVED_EVENT, {
            detail: { ...this.props.item, approved: true },
          }),
        );
      } else {
        this.setState({ busy: false, message: bilingual(result.message, locale) });
      }
    },
    async onClaim(this: ApprovalThis) {
      this.setState({ busy: true });
      const result = await recordSave(this.props.id, this.props.path);
      if (this.gone) return;
      this.setState({
        busy: false,
        message: result === 'recorded' ? '' : t(locale, 'cms.approve.signIn'),
      });
      void this.load();
    },
    render(this: ApprovalThis) {
      const { state, message, busy } = this.state;
      const box = (approved: string, ...children: unknown[]) =>
        h(
          'section',
          {
            className: 'bz-approval',
            'aria-labelledby': `${this.props.forID}-approval`,
            'data-approved': approved,
          },
          h('h2', { id: `${this.props.forID}-approval` }, t(locale, 'cms.approve.heading')),
          ...children,
        );
      if (state.kind === 'signed-out') {
        return box('none', h('p', { className: 'bz-problem' }, t(locale, 'cms.approve.signIn')));
      }
      if (state.kind !== 'staff') return null;
      const approval: Approval | undefined = state.approval;
      const current = approval && state.textSha === approval.sha256;
      const status = approval
        ? format(locale, current ? 'cms.approve.valid' : 'cms.approve.changed', {
            by: approval.by,
            when: when(approval.at),
          })
        : t(locale, 'cms.approve.none');
      // Known only when the saved text could be read; otherwise the server alone decides.
      const own = state.savers.includes(state.by);
      const unknown = state.textSha !== undefined && state.savers.length === 0;
      const blocked = !current && (own || unknown);
      const why = `${this.props.forID}-approve-why`;
      return box(
        approval ? (current ? 'current' : 'changed') : 'none',
        h('p', { className: approval && !current ? 'bz-problem' : undefined }, status),
        state.savers.length > 0
          ? h(
              'p',
              null,
              format(locale, 'cms.approve.savedBy', {
                by: state.savers.join(locale === 'fa' ? '، ' : ', '),
              }),
            )
          : null,
        state.mayApprove && !current
          ? h(
              'button',
              {
                type: 'button',
                className: 'bz-approve',
                disabled: busy || blocked,
                'aria-describedby': blocked ? why : undefined,
                onClick: () => void this.onApprove(),
              },
              t(locale, 'cms.approve.button'),
            )
          : null,
        blocked
          ? h('p', { id: why }, t(locale, own ? 'cms.approve.own' : 'cms.approve.unknown'))
          : null,
        state.mayApprove ? null : h('p', null, t(locale, 'cms.approve.waiting')),
        // Anyone signed in may vouch for a text nobody saved: it only takes approving it from them.
        unknown && !current
          ? h(
              'button',
              {
                type: 'button',
                className: 'bz-approve bz-claim',
                disabled: busy,
                onClick: () => void this.onClaim(),
              },
              t(locale, 'cms.approve.claim'),
            )
          : null,
        h('p', { role: 'status', className: 'bz-approval-result' }, message),
      );
    },
  });

  cms.registerWidget(
    'bz-status',
    createClass({
      // No value written on opening: a file without `status` is published (news-visibility.ts),
      // and opening an item must not mark it changed.
      render(this: { props: WidgetProps }) {
        const { forID, value, onChange, setActiveStyle, setInactiveStyle, entry } = this.props;
        const status = (NEWS_STATUSES as readonly string[]).includes(String(value))
          ? (value as NewsStatus)
          : 'published';
        const item = itemOf(entry);
        return h(
          'div',
          null,
          h(
            'select',
            {
              id: forID,
              className: 'bz-select',
              value: status,
              onChange: (event: { target: { value: string } }) => onChange(event.target.value),
              onFocus: setActiveStyle,
              onBlur: setInactiveStyle,
            },
            ...(['published', 'review', 'draft', 'withdrawn'] as const).map((option) =>
              h('option', { key: option, value: option }, t(locale, `cms.status.${option}`)),
            ),
          ),
          status === 'review' && item
            ? h(ApprovalBox, {
                key: item.id,
                id: item.id,
                path: item.path,
                forID,
                item: {
                  collection: item.collection,
                  slug: item.slug,
                  data: (entry?.get('data') as ImmutableMap | undefined)?.toJS() ?? {},
                },
              })
            : status === 'review'
              ? h('p', { className: 'bz-reads' }, t(locale, 'cms.approve.unsaved'))
              : null,
        );
      },
    }),
  );

  cms.registerWidget(
    'bz-time',
    createClass({
      componentDidMount(this: TimeThis) {
        this.onDate = (event: Event) => {
          this.date = (event as CustomEvent<string>).detail;
          this.forceUpdate();
        };
        window.addEventListener(DATE_EVENT, this.onDate);
      },
      componentWillUnmount(this: TimeThis) {
        window.removeEventListener(DATE_EVENT, this.onDate);
      },
      isValid(this: { props: WidgetProps }) {
        const text = typeof this.props.value === 'string' ? this.props.value.trim() : '';
        if (!text || canonicalTime(text)) return true;
        const label = String(this.props.field.get('label') ?? '');
        return {
          error: {
            message: bilingual(
              {
                fa: `«${label}» ساعت درستی نیست: ساعت و دقیقه را مانند ۰۹:۳۰ بنویسید (۰۰:۰۰ تا ۲۳:۵۹، به وقت تهران).`,
                en: `time '${text}' must be a time of day as HH:MM, e.g. 09:30 (Tehran time)`,
              },
              locale,
            ),
          },
        };
      },
      render(this: TimeThis) {
        const text = typeof this.props.value === 'string' ? this.props.value : '';
        const moment = momentOf(this.date ?? this.props.entry?.getIn(['data', 'date']), text);
        const bad = text.trim() !== '' && !canonicalTime(text);
        const note = bad
          ? ''
          : moment
            ? format(
                locale,
                moment.getTime() > Date.now() ? 'cms.time.scheduled' : 'cms.time.past',
                { when: formatMoment(moment, locale) },
              )
            : '';
        // The problem itself is the field's isValid message, shown by Decap once it is saved.
        return ltrField(h, this.props, {
          text,
          note,
          invalid: bad && text.length >= 4,
          inputMode: 'numeric',
          placeholder: digits('09:30'),
          onChange: (typed) => this.props.onChange(typed),
        });
      },
    }),
  );
}

interface TimeThis {
  props: WidgetProps;
  /** The date as last typed (DATE_EVENT), newer than `props.entry` until Decap re-renders. */
  date?: string;
  onDate: (event: Event) => void;
  forceUpdate(): void;
}

interface ApprovalThis {
  props: { id: string; path: string; forID: string; item: SavedDetail };
  state: { state: ApprovalState; message: string; busy: boolean };
  setState(state: Partial<ApprovalThis['state']>): void;
  load(): Promise<void>;
  onApprove(): Promise<void>;
  onClaim(): Promise<void>;
  refresh: () => void;
  gone?: boolean;
}
