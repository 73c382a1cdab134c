import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  type Direction,
  type Locale,
  matchLocale,
  resolveDirection,
  sourceLocale,
} from './locale.ts';

/**
 * Resolves an element's locale the way HTML resolves language: its own `lang`, else the
 * closest ancestor's (crossing shadow roots), else the document's, normalised (`fa-IR` → `fa`);
 * an unsupported language falls back to the source locale (fa). Watches every `lang`/`dir`
 * change on the way up, because translation tools and language switchers rewrite them.
 */
export class LocaleController implements ReactiveController {
  locale: Locale = sourceLocale;
  dir: Direction = 'rtl';
  private readonly host: ReactiveControllerHost & HTMLElement;
  private observer: MutationObserver | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.refresh());
    for (const root of this.rootsAbove()) {
      this.observer.observe(root, {
        attributes: true,
        attributeFilter: ['lang', 'dir'],
        subtree: true,
      });
    }
    this.refresh();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  private refresh(): void {
    const locale = matchLocale(this.closestLang()) ?? sourceLocale;
    const dir = resolveDirection(this.host.getAttribute('dir'), locale);
    if (locale !== this.locale || dir !== this.dir) {
      this.locale = locale;
      this.dir = dir;
      this.host.requestUpdate();
    }
  }

  private closestLang(): string | null {
    let node: Node | null = this.host;
    while (node) {
      if (node instanceof Element && node.hasAttribute('lang')) {
        const lang = node.getAttribute('lang')?.trim();
        if (lang) return lang;
      }
      node = node instanceof ShadowRoot ? node.host : node.parentNode;
    }
    return null;
  }

  /** The document and every shadow root between it and the host. */
  private *rootsAbove(): Generator<Node> {
    let root = this.host.getRootNode();
    while (root instanceof ShadowRoot) {
      yield root;
      root = root.host.getRootNode();
    }
    yield root;
  }
}
