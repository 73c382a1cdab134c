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
