// How the browser build groups modules into files (Rolldown's `codeSplitting`, set in
// astro.config.mjs for the client build). Left to itself, Rolldown makes one file per set of
// pages sharing a module: the locator page fetched 15 module files, seven of them under 1 kB
// (Lit's runtime helper, the preload helper, load-json, in-page-link…). Over HTTP/1.1 a browser
// opens six connections per host, so on a 2G link (800 ms round trip) those files queued behind
// each other for about three round trips before the widget could run (docs/performance.md,
// issue 22). Two groups put them back together:
//
// - `bz-element`: Lit and the elements' shared base (locale, translations, theme), with the small
//   helpers the widgets share. Every page loads it already (the hotlines box in the layout is an
//   element), so what a page without a widget gains is about 1 kB of helpers. The hotlines
//   element itself is in it too: the layout upgrades it on every page.
// - `dates`: core's date and opening-hours code, used by the locator, a base's page, the news
//   article, the checker and the feedback form; the pages that need dates alone get the
//   opening hours too (about 1 kB compressed) and lose a request.
// - `service-locator`: the locator with its answer add-on (service-locator/answer.ts). The
//   self-contained widget script loads that add-on once the index is in (issue 18's byte
//   budget); on the portal's pages it stays in the locator's file, so every module a page runs
//   is declared in its HTML (e2e/slow-link.test.ts) and none costs a round trip of its own. Text
//   search and the map stay apart: they are loaded on use.

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
  /vite[\\/]preload-helper/,
  // The footer's hotlines element: the layout upgrades it on every page.
  /packages[\\/]elements[\\/]src[\\/]hotlines[\\/]/,
]);

const dates = matches([/packages[\\/]core[\\/]src[\\/](?:dates|hours)\.ts$/]);

const locator = matches([
  /packages[\\/]elements[\\/]src[\\/]service-locator[\\/](?!search\.ts$|map\.ts$|leaflet-css\.ts$)[^\\/]+\.ts$/,
]);

export const codeSplitting = {
  groups: [
    { name: 'bz-element', test: sharedBase, priority: 2 },
    { name: 'dates', test: dates, priority: 1 },
    { name: 'service-locator', test: locator },
  ],
};
