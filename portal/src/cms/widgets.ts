import {
  formatDate,
  parseContentDate,
  TEHRAN_TIME_ZONE,
  toJalaliParts,
  toWallTime,
} from '@behzisti/core/dates';
import { type ProvinceId, provinceName } from '@behzisti/core/provinces';
import { normalizeDigits, toLocaleDigits } from '@behzisti/core/text';
import { directionOf, format, type Locale, t } from '../i18n/ui.ts';
import { checkNewsField, isNewsField, type NewsField, newsFieldMax } from './check-entry.ts';
import type { DecapCMS, H, PreviewProps, WidgetProps } from './decap.ts';
import { ltrField } from './ltr-field.ts';
import { bilingual, fieldMessage } from './messages.ts';

/**
 * The editor's own widgets and previews, written against Decap's global `h`/`createClass`
 * (React without a build step of its own). Checks come from core through check-entry.ts, so a
 * widget says exactly what the build would say.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Fired on window as the publish date is typed (detail: the text): Decap re-renders only the
 * field that changed, and the publish time's reading (publish-fields.ts) depends on the date. */
export const DATE_EVENT = 'bz-date';

/** Today in Tehran as a Solar Hijri `YYYY-MM-DD`, the form the office writes dates in. */
export function todaySolarHijri(now = new Date()): string {
  const day = toJalaliParts(now, TEHRAN_TIME_ZONE);
  return day ? `${day.year}-${pad(day.month)}-${pad(day.day)}` : '';
}

/** A day in Tehran as Gregorian `YYYY-MM-DD`. */
const gregorianDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: TEHRAN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * A date as the editor stores it: `YYYY-MM-DD` in Latin digits, whatever calendar and digits it
 * was typed in, Solar Hijri for Persian items and Gregorian for English ones (as the files of
 * each folder already are), so each list sorts by date as text; undefined when it is no date.
 */
export function canonicalDate(text: string, calendar: 'persian' | 'gregorian' = 'persian') {
  const date = parseContentDate(text);
  const day = !date
    ? ''
    : calendar === 'persian'
      ? todaySolarHijri(date)
      : gregorianDay.format(date);
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  // A time (a scheduled item) is kept, as Tehran wall time to the minute.
  if (!/\d[T ]\d{1,2}:\d{2}/.test(normalizeDigits(text))) return day;
  const wall = toWallTime(date, TEHRAN_TIME_ZONE);
  return wall ? `${day} ${pad(Math.floor(wall.minutes / 60))}:${pad(wall.minutes % 60)}` : day;
}

/**
 * A fresh news code: the Solar Hijri date and Tehran time to the minute, `YYYYMMDDhhmm` (12
 * digits, the most a code may have). Two items saved in the same minute would share it; the
 * save then stops with the build's "already used" message and the code field can be changed.
 */
export function newNewsCode(now = new Date()): string {
  const day = toJalaliParts(now, TEHRAN_TIME_ZONE);
  const wall = toWallTime(now, TEHRAN_TIME_ZONE);
  if (!day || !wall) return '';
  return `${day.year}${pad(day.month)}${pad(day.day)}${pad(Math.floor(wall.minutes / 60))}${pad(wall.minutes % 60)}`;
}

export function registerWidgets(
  cms: DecapCMS,
  h: H,
  createClass: NonNullable<Window['createClass']>,
  locale: Locale,
): void {
  const labelOf = (props: WidgetProps) => String(props.field.get('label') ?? '');
  /** Core's message about this value, with a Persian sentence, or undefined when it is fine. */
  const problemOf = (field: NewsField, value: unknown, props: WidgetProps) => {
    const english = checkNewsField(field, value);
    return english ? bilingual(fieldMessage(labelOf(props), english), locale) : undefined;
  };
  const textOf = (value: unknown) =>
    typeof value === 'string' ? value : value == null ? '' : String(value);
  const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

  /** A text field checked by core on every change, with the reading or the problem under it. */
  const checkedInput = (
    field: 'date' | 'code',
    initial: () => string,
    describe: (value: string) => string,
  ) =>
    createClass({
      componentDidMount(this: { props: WidgetProps }) {
        if (!this.props.value) this.props.onChange(initial());
      },
      isValid(this: { props: WidgetProps }) {
        const value = this.props.value;
        if (isEmpty(value)) return true; // `required` speaks
        const message = problemOf(field, value, this.props);
        return message ? { error: { message } } : true;
      },
      render(this: { props: WidgetProps }) {
        const text = textOf(this.props.value);
        const problem = text ? problemOf(field, text, this.props) : undefined;
        // As it is typed: how the value reads, or, once it is long enough to be a whole date
        // or code, what is wrong with it.
        const note = !text ? '' : !problem ? describe(text) : text.length >= 8 ? problem : '';
        return ltrField(h, this.props, {
          text,
          note,
          invalid: problem !== undefined && note === problem,
          inputMode: field === 'code' ? 'numeric' : 'text',
          onChange: (typed) => {
            this.props.onChange(typed);
            // The publish time's reading depends on the date (publish-fields.ts).
            if (field === 'date')
              window.dispatchEvent(new CustomEvent(DATE_EVENT, { detail: typed }));
          },
        });
      },
    });

  /**
   * Decap's string and text fields, checked by core as the person types (the field's
   * `bz_check` names core's field), with a character counter where core sets a limit, and a
   * picture's alt text required once a picture is chosen.
   */
  const checkedText = (multiline: boolean) =>
    createClass({
      isValid(this: { props: WidgetProps }) {
        const field = this.props.field.get('bz_check');
        if (!isNewsField(field)) return true;
        const value = this.props.value;
        if (isEmpty(value)) {
          const picture = this.props.entry?.getIn(['data', 'image', 'src']);
          return field === 'image.alt' && picture
            ? { error: { message: problemOf(field, '', this.props) } }
            : true;
        }
        const message = problemOf(field, value, this.props);
        return message ? { error: { message } } : true;
      },
      render(this: { props: WidgetProps }) {
        const { forID, classNameWrapper, value, onChange, setActiveStyle, setInactiveStyle } =
          this.props;
        const field = this.props.field.get('bz_check');
        const text = textOf(value);
        const max = isNewsField(field) ? newsFieldMax(field) : undefined;
        const length = [...text].length;
        const over = max !== undefined && length > max;
        return h(
          'div',
          null,
          h(multiline ? 'textarea' : 'input', {
            id: forID,
            className: classNameWrapper,
            ...(multiline ? { rows: 3 } : { type: 'text' }),
            value: text,
            'aria-describedby':
              max === undefined || (length === 0 && field !== 'title')
                ? undefined
                : `${forID}-count`,
            'aria-invalid': over ? 'true' : undefined,
            onChange: (event: { target: { value: string } }) => onChange(event.target.value),
            onFocus: setActiveStyle,
            onBlur: setInactiveStyle,
          }),
          // The title's counter always; the others once something is typed.
          max === undefined || (length === 0 && field !== 'title')
            ? null
            : h(
                'p',
                { id: `${forID}-count`, className: over ? 'bz-count bz-problem' : 'bz-count' },
                format(locale, over ? 'cms.count.over' : 'cms.count', {
                  count: toLocaleDigits(String(length), locale),
                  max: toLocaleDigits(String(max), locale),
                  extra: toLocaleDigits(String(length - max), locale),
                }),
              ),
        );
      },
    });
  cms.registerWidget('bz-string', checkedText(false));
  cms.registerWidget('bz-text', checkedText(true));

  // Decap's own true/false switch is a <button role="switch"> without aria-checked or a name
  // (axe: aria-required-attr, button-name); a native checkbox named by the field's label is not.
  cms.registerWidget(
    'bz-checkbox',
    createClass({
      render(this: { props: WidgetProps }) {
        const { forID, value, onChange, setActiveStyle, setInactiveStyle } = this.props;
        return h('input', {
          id: forID,
          type: 'checkbox',
          className: 'bz-checkbox',
          checked: value === true,
          onChange: (event: { target: { checked: boolean } }) => onChange(event.target.checked),
          onFocus: setActiveStyle,
          onBlur: setInactiveStyle,
        });
      },
    }),
  );
  cms.registerWidget(
    'bz-content-date',
    checkedInput(
      'date',
      () => todaySolarHijri(),
      (text) => {
        const date = parseContentDate(text);
        return date ? format(locale, 'cms.date.reads', { date: formatDate(date, locale) }) : '';
      },
    ),
  );
  cms.registerWidget(
    'bz-news-code',
    checkedInput(
      'code',
      () => newNewsCode(),
      (text) => toLocaleDigits(text, locale),
    ),
  );
}

/**
 * Previews in the portal's own markup (components/NewsArticle.astro), styled by the portal's
 * stylesheets registered with registerPreviewStyle, in the item's language and direction.
 */
export function registerPreviews(
  cms: DecapCMS,
  h: H,
  createClass: NonNullable<Window['createClass']>,
): void {
  const newsPreview = (lang: Locale) =>
    createClass({
      render(this: { props: PreviewProps }) {
        const { entry, widgetFor, getAsset } = this.props;
        const data = entry.get('data') as { toJS(): Record<string, unknown> };
        const item = data.toJS() as {
          title?: string;
          summary?: string;
          date?: string;
          province?: string;
          code?: string;
          office?: string;
          tags?: string[];
          draft?: boolean;
          image?: { src?: string; alt?: string; caption?: string };
        };
        const date = item.date ? parseContentDate(String(item.date)) : undefined;
        const image = item.image?.src ? getAsset(item.image.src)?.toString() : undefined;
        const fact = (label: string, value: unknown) => [
          h('dt', null, label),
          h('dd', null, value),
        ];
        return h(
          'div',
          { lang, dir: directionOf(lang) },
          h(
            'main',
            { id: 'main' },
            h(
              'article',
              null,
              h('h1', null, item.title ?? ''),
              h('p', { className: 'lede' }, item.summary ?? ''),
              h(
                'dl',
                { className: 'facts' },
                ...fact(t(lang, 'news.date'), date ? formatDate(date, lang) : ''),
                ...fact(
                  t(lang, 'news.province'),
                  item.province
                    ? (provinceName(item.province as ProvinceId)?.[lang] ?? item.province)
                    : t(lang, 'news.nationwide'),
                ),
                ...fact(t(lang, 'news.code'), toLocaleDigits(String(item.code ?? ''), lang)),
                ...fact(t(lang, 'news.office'), item.office ?? ''),
              ),
              image
                ? h(
                    'figure',
                    { className: 'article-figure' },
                    h('img', { src: image, alt: item.image?.alt ?? '' }),
                    item.image?.caption ? h('figcaption', null, item.image.caption) : null,
                  )
                : null,
              h('div', { className: 'prose' }, widgetFor('body')),
              item.tags?.length
                ? h('ul', { className: 'tags' }, ...item.tags.map((tag) => h('li', null, tag)))
                : null,
            ),
          ),
        );
      },
    });
  cms.registerPreviewTemplate('news_fa', newsPreview('fa'));
  cms.registerPreviewTemplate('news_en', newsPreview('en'));
}
