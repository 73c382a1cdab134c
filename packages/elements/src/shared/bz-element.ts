import { toLocaleDigits } from '@behzisti/core/text';
import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { LocaleController } from './locale-controller.ts';
import { inLocale, localeLoading } from './localize.ts';
import { themeStyles } from './theme.styles.ts';

/** The `bz-` events and their details, from the global HTMLElementEventMap each element extends. */
export type BzEventName = Extract<keyof HTMLElementEventMap, `bz-${string}`>;
export type BzEventDetail<K extends BzEventName> =
  HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Base of every `bz-` element: locale and direction from the closest `lang` (see
 * LocaleController), msg() answering in that locale while rendering, and the shared theme.
 * Subclasses implement renderContent(); the base wraps it in `part="base"` carrying `lang` and
 * `dir`, so logical CSS properties and screen-reader pronunciation follow the widget's locale
 * rather than the host page's. Events leave through emit(), numbers through digits().
 *
 * What every element shares is documented here once (the manifest gives it to each element):
 * @attr lang - Language (`fa`, `en`); else the closest ancestor's `lang`, else the page's.
 * @attr dir - `rtl` or `ltr`; else the language's direction.
 * @cssprop --bz-color-accent - Main colour: buttons, links, selected items (default #0b5cad).
 * @cssprop --bz-color-on-accent - Text on accent-coloured buttons (default #fff; keep 4.5:1 with the accent).
 * @cssprop --bz-color-danger - Errors and the quick exit button (default #a4161a).
 * @cssprop --bz-color-on-danger - Text on danger-coloured buttons (default #fff).
 * @cssprop --bz-color-focus - Focus ring, drawn with a halo in the text colour (default #ffbf47).
 * @cssprop --bz-color-text - Text and field borders (default #1b1b1f).
 * @cssprop --bz-color-text-muted - Hints and secondary text (default #4a4a55).
 * @cssprop --bz-color-surface - Background (default #fff).
 * @cssprop --bz-color-border - Borders of the panel and cards (default #8a8a99).
 * @cssprop --bz-font-family - Font (default Vazirmatn, Tahoma, then system fonts).
 * @cssprop --bz-font-size - Base size; every size inside is in em and scales with it (default 1em).
 * @cssprop --bz-line-height - Line height of text (default 1.6).
 * @cssprop --bz-radius - Corner radius (default 0.5em).
 * @cssprop --bz-space - Spacing unit: padding and gaps (default 1em).
 */
export class BzElement extends LitElement {
  static override styles = [themeStyles];

  protected readonly localeController = new LocaleController(this);

  get locale() {
    return this.localeController.locale;
  }

  get direction() {
    return this.localeController.dir;
  }

  /**
   * Dispatches a `bz-` event the way the conventions say: bubbling, composed (it leaves the shadow
   * root), with a typed `detail`. Returns false when a listener cancelled a cancelable event.
   */
  protected emit<K extends BzEventName>(
    type: K,
    detail: BzEventDetail<K>,
    options: { cancelable?: boolean } = {},
  ): boolean {
    return this.dispatchEvent(
      new CustomEvent(type, { detail, bubbles: true, composed: true, ...options }),
    );
  }

  /** A number or digit string in the widget's locale (Persian digits in fa). */
  protected readonly digits = (value: string | number, options?: Intl.NumberFormatOptions) =>
    toLocaleDigits(value, this.locale, options);

  protected renderContent(): TemplateResult | string {
    return '';
  }

  protected override render(): TemplateResult {
    return html`<div part="base" class="base" lang=${this.locale} dir=${this.direction}>
      ${this.renderContent()}
    </div>`;
  }

  /** Waits for the locale's translations (loaded on first use) so no frame shows the wrong language. */
  protected override scheduleUpdate(): Promise<unknown> | undefined {
    const loading = localeLoading(this.locale);
    if (loading) return loading.then(() => super.scheduleUpdate());
    super.scheduleUpdate();
    return undefined;
  }

  protected override update(changed: PropertyValues): void {
    inLocale(this.locale, () => super.update(changed));
  }
}
