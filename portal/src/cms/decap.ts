/**
 * The slice of Decap CMS's global API the editor uses (the prebuilt bundle sets `window.CMS`,
 * and `h`/`createClass` for writing widgets without a React build step). Immutable.js maps are
 * typed only as far as they are used.
 */

export interface ImmutableMap {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
  toJS(): Record<string, unknown>;
  set(key: string, value: unknown): ImmutableMap;
  delete(key: string): ImmutableMap;
  keySeq(): { toArray(): string[] };
}

export type H = (
  type: unknown,
  props?: Record<string, unknown> | null,
  ...children: unknown[]
) => unknown;

export interface WidgetProps {
  value: unknown;
  forID: string;
  classNameWrapper: string;
  field: ImmutableMap;
  /** The whole item being edited (Decap passes it to every widget). */
  entry?: ImmutableMap;
  onChange(value: unknown): void;
  setActiveStyle(): void;
  setInactiveStyle(): void;
}

export interface PreviewProps {
  entry: ImmutableMap;
  widgetFor(name: string): unknown;
  getAsset(path: string, field?: unknown): { toString(): string } | undefined;
  fields: unknown;
}

export interface DecapCMS {
  init(options: { config: Record<string, unknown> }): void;
  registerWidget(name: string, control: unknown, preview?: unknown): void;
  registerPreviewTemplate(collection: string, template: unknown): void;
  registerPreviewStyle(href: string): void;
  registerLocale(locale: string, phrases: Record<string, unknown>): void;
  getLocale(locale: string): Record<string, unknown> | undefined;
  registerEventListener(listener: {
    name: 'preSave' | 'postSave';
    handler(event: {
      entry: ImmutableMap;
    }): ImmutableMap | undefined | Promise<ImmutableMap | undefined>;
  }): void;
}

declare global {
  interface Window {
    CMS?: DecapCMS;
    CMS_MANUAL_INIT?: boolean;
    h?: H;
    createClass?: (spec: Record<string, unknown>) => unknown;
  }
}
