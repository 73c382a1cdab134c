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
import { checkNewsField } from './check-entry.ts';
import type { DecapCMS, H, PreviewProps, WidgetProps } from './decap.ts';

/**
 * The editor's own widgets and previews, written against Decap's global `h`/`createClass`
 * (React without a build step of its own). Checks come from core through check-entry.ts, so a
 * widget says exactly what the build would say.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Today in Tehran as a Solar Hijri `YYYY-MM-DD`, the form the office writes dates in. */
export function todaySolarHijri(now = new Date()): string {
  const day = toJalaliParts(now, TEHRAN_TIME_ZONE);
  return day ? `${day.year}-${pad(day.month)}-${pad(day.day)}` : '';
}

/**
 * A date as the editor stores it: Solar Hijri `YYYY-MM-DD` in Latin digits, whatever calendar
 * and digits it was typed in, so the files sort by date as text; undefined when it is no date.
 */
export function canonicalDate(text: string): string | undefined {
  const date = parseContentDate(text);
  const day = date ? todaySolarHijri(date) : '';
  if (!date || !day) return undefined;
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
        if (value === undefined || value === null || value === '') return true; // `required` speaks
        const message = checkNewsField(field, value);
        return message ? { error: { message } } : true;
      },
      render(this: { props: WidgetProps }) {
        const { forID, classNameWrapper, value, onChange, setActiveStyle, setInactiveStyle } =
          this.props;
        const text = typeof value === 'string' ? value : value == null ? '' : String(value);
        const note = text && !checkNewsField(field, text) ? describe(text) : '';
        return h(
          'div',
          null,
          h('input', {
            id: forID,
            className: classNameWrapper,
            type: 'text',
            // Digits and dashes read left to right in both languages.
            dir: 'ltr',
            inputMode: field === 'code' ? 'numeric' : 'text',
            autoComplete: 'off',
            value: text,
            'aria-describedby': `${forID}-reads`,
            onChange: (event: { target: { value: string } }) => onChange(event.target.value),
            onFocus: setActiveStyle,
            onBlur: setInactiveStyle,
          }),
          h('p', { id: `${forID}-reads`, className: 'bz-reads', 'aria-live': 'polite' }, note),
        );
      },
    });

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
