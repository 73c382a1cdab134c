// Shows a widget's "could not load" sentence in place of its loading line (WidgetFallback.astro).
export function showWidgetFailed(host: Element): void {
  for (const line of host.querySelectorAll<HTMLElement>(':scope > [data-widget-loading]'))
    line.hidden = true;
  for (const line of host.querySelectorAll<HTMLElement>(':scope > [data-widget-failed]'))
    line.hidden = false;
}

/**
 * Loads a widget's module; if that fails (network, blocked file), its hosts say so instead of
 * "loading" for ever. For widgets loaded on demand (e.g. when they come near the screen).
 */
export function loadWidget(tag: string, load: () => Promise<unknown>): Promise<void> {
  return load().then(
    () => undefined,
    () => {
      for (const host of document.querySelectorAll(tag)) showWidgetFailed(host);
    },
  );
}
