// How the browser build groups modules into files (Rolldown's `codeSplitting`, set in
// astro.config.mjs for the client build). Left to itself, Rolldown makes one file per set of
// pages sharing a module: the locator page fetched 15 module files, seven of them under 1 kB
// (Lit's runtime helper, the preload helper, load-json, in-page-link…). Over HTTP/1.1 a browser
// opens six connections per host, so on a 2G link (800 ms round trip) those files queued behind
// each other for about three round trips before the widget could run (docs/performance.md,
// issue 22). Two groups put them back together:
//
// - `bz-element`: Lit and the elements' shared base (locale, translations, theme), with the small
//   helpers the widgets share and the footer's hotlines element. The layout upgrades the
//   hotlines when the footer nears the screen; as a file of its own (0.8 kB off every widget
//   page's first load) it arrived after a reader who scrolled straight down saw the footer, and
//   the upgraded box, taller than its links, moved what follows it (a layout shift of 0.025 on
//   an article at 360 px, e2e/images.test.ts). Until that box keeps its room while it upgrades,
//   it travels here.
// - `calendar`: core's calendar-day code (calendar.ts), which the rules engine needs, so the
//   checker's first load carries it without the rest of `dates` (about 0.6 kB compressed).
// - `dates`: core's date formatting and content dates, used by the checker's steps, the feedback
//   form, a base's page and the locator's answer.
// - `hours`: core's opening-hours code, used by a base's page and the locator's answer only; the
//   checker and the feedback form no longer carry it (about 1 kB compressed).
// - `service-locator`: the locator as the first screen needs it (its form, data and places
//   code). Its answer add-on (service-locator/answer.ts: the results list, the summary line and
//   the map's toggle, with `dates` and `hours`) stays in a file of its own, which the widget
//   imports as soon as its index has arrived: after the first paint, while the citizen chooses,
//   and before they have asked (about 4.8 kB compressed off the home and directory pages' first
//   load; e2e/slow-link.test.ts checks it is asked for before the citizen's first question).
//   Text search and the map stay apart too: they are loaded on use.

/** A module of one of these packages or files, by its resolved id. */
const matches = (patterns: RegExp[]) => (id: string) => patterns.some((re) => re.test(id));

const sharedBase = matches([
  // Lit's core and the translation runtime; not its directives, @lit/context or @lit/task, which
  // only some widgets use.
  /[\\/]node_modules[\\/](?:\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?(?:lit[\\/]index|lit-html[\\/](?:lit-html|is-server)|lit-element[\\/]lit-element|@lit[\\/]reactive-element[\\/](?:reactive-element|css-tag))\.js$/,
  /[\\/]node_modules[\\/](?:\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?@lit[\\/]localize[\\/]/,
  /packages[\\/]elements[\\/]src[\\/]shared[\\/](?:bz-element|locale-controller|localize|locale|theme\.styles|define|load-json|in-page-link)\.ts$/,
  /packages[\\/]elements[\\/]src[\\/]generated[\\/]locale-codes\.ts$/,
  /packages[\\/]core[\\/]src[\\/]text\.ts$/,
  /portal[\\/]src[\\/]lib[\\/]widget-state\.ts$/,
  // The layout's and some pages' "load this when it comes near" (every page's layout script
  // imports this file already, for Vite's preload helper): not a file of its own.
  /portal[\\/]src[\\/]scripts[\\/]when-near\.ts$/,
  // The footer's hotlines element (see above).
  /packages[\\/]elements[\\/]src[\\/]hotlines[\\/]/,
  /vite[\\/]preload-helper/,
]);

const calendar = matches([/packages[\\/]core[\\/]src[\\/]calendar\.ts$/]);

const dates = matches([/packages[\\/]core[\\/]src[\\/]dates\.ts$/]);

const hours = matches([/packages[\\/]core[\\/]src[\\/]hours\.ts$/]);

/** The locator element's own entry module, whose static imports are its first screen. */
const LOCATOR_ENTRY = /packages[\\/]elements[\\/]src[\\/]service-locator[\\/]service-locator\.ts$/;
/** The element's own modules (the core modules they use come with them, as Rolldown adds a group's dependencies). */
const LOCATOR_CODE = /packages[\\/]elements[\\/]src[\\/]service-locator[\\/]/;

interface ModuleInfo {
  importers: readonly string[];
}
type GetModuleInfo = (id: string) => ModuleInfo | null;

/**
 * Whether the module is statically imported, directly or through other modules, by the locator
 * element's entry: read from the module graph, so the answer add-on's own modules (whatever
 * their names) are left to the add-on's file, which the widget imports dynamically.
 */
function inLocatorFirstScreen(
  id: string,
  getModuleInfo: GetModuleInfo,
  seen = new Set<string>(),
): boolean {
  if (LOCATOR_ENTRY.test(id)) return true;
  if (seen.has(id)) return false;
  seen.add(id);
  const importers = getModuleInfo(id)?.importers ?? [];
  return importers.some(
    (importer) =>
      LOCATOR_CODE.test(importer) && inLocatorFirstScreen(importer, getModuleInfo, seen),
  );
}

const locatorFirstScreen = (id: string, ctx: { getModuleInfo: GetModuleInfo }): string | null =>
  LOCATOR_CODE.test(id) && inLocatorFirstScreen(id, (module) => ctx.getModuleInfo(module))
    ? 'service-locator'
    : null;

export const codeSplitting = {
  groups: [
    { name: 'bz-element', test: sharedBase, priority: 3 },
    { name: 'calendar', test: calendar, priority: 2 },
    { name: 'dates', test: dates, priority: 1 },
    { name: 'hours', test: hours, priority: 1 },
    { name: locatorFirstScreen },
  ],
};
