// Bundles each widget into one self-contained script (Lit included) for embedding with a single
// <script> tag, and measures it. Shared by the build, the byte-budget test and `pnpm bench`.
//
// Translations: lit-localize writes one module per locale with every widget's strings (one XLIFF
// per locale for translators). A widget carries only its own: the first pass lists the source
// files it contains, and each locale module is then cut down to the messages extracted from
// those files. Persian is the source language, inside the script; each other locale is a small
// sibling file (`bz-x.en.<hash>.js`) that the script imports the first time an element renders
// in that locale (src/shared/localize.ts), so Persian pages never download English strings.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import { build } from 'esbuild';
import { defaultMinifyOptions, minifyHTMLLiterals } from 'minify-html-literals';

const srcDir = new URL('../src/', import.meta.url);
const srcPath = fileURLToPath(srcDir);
const notWidgets = new Set(['shared', 'generated']);

/** Byte budgets from the design card (min+gzip): with Lit, and for our own code alone. */
export const budgets = { withLit: 25 * 1024, withoutLit: 15 * 1024 };

/**
 * Each widget's ceiling (min+gzip including Lit), measured when the elements were split into
 * controllers and small files (issue 18) plus about 0.1 kB: a widget that grows past it fails
 * the budget test, so growth is a decision (raise the figure in the same commit, and say why).
 * A new widget gets the design card's aim, 18 kB.
 * @type {Record<string, number>}
 */
export const widgetCeilings = {
  // @lit/task (the comments' loading, issue 18) costs about 0.8 kB.
  // The feedback form's own styles out of the shared form styles: 14.21 -> 14.06 kB (issue 18).
  // What is shown once the published comments are in (their count, the thread, core's dates and
  // the form's "reply to" parts) became an add-on read beside the comments' request
  // (bz-comments-list.js): 14.06 -> 13.63 kB, under the 13.7 kB the comments had when issue 18
  // was filed, which its item 5 says they must never exceed. The rules only the feedback form
  // uses (quick exit, legend, h4, the count over its limit) then left the shared form styles:
  // 13.54 kB measured (13,869 B).
  'bz-comments': 13.6 * 1024,
  // The steps after the first question (reading answers, summary, results) became an add-on
  // read once the rules are in (bz-eligibility-checker-steps.js): 21.0 -> 17.87 kB (issue 18).
  'bz-eligibility-checker': 17.95 * 1024,
  // The status view's "erase my contact details" (issue 14, retention) costs about 0.25 kB;
  // the draft's start time and the one automatic resend when back online (issue 21) 0.25 kB.
  // What is shown once the server has answered (the confirmation, a looked-up status) became an
  // add-on read beside the request (bz-feedback-form-answer.js): 18.18 -> 17.40 kB (issue 18).
  // One shared textField() for both forms' text fields (issue 18, near-duplicates) costs the
  // form 0.1 kB; moving its own styles out of the shared form styles gave comments 0.15 kB.
  // Core's date formatting, used only by the restored-draft notice, became an add-on read when a
  // draft comes back (bz-feedback-form-date.js): 17.53 -> 17.4 kB. Taking back from the shared
  // form styles the rules only it uses (quick exit, legend, h4, count over) costs it 6 B: 17.45 kB.
  'bz-feedback-form': 17.5 * 1024,
  'bz-hotlines': 9.4 * 1024,
  // Core's place matching through the Persian search matcher (core/search: stems, with its affix
  // list) added about 0.05 kB on top of the split (issue 15). Issue 21 added 1.6 kB: "did you
  // mean" place names through core's Persian edit distance (suggestPlaces, 0.9 kB), the answer
  // line, focus on the results (scrolled to the top), "no base here: nearest elsewhere" and the
  // nationwide-lines box (1.7 kB in all). Issue 22 (one province's data in one language, one
  // fetch round when it is cheap, the chosen province's chunks read while the county is picked,
  // and reading again when the language changes) added 0.75 kB; moving text search into its
  // add-on (bz-service-locator-search.js, loaded on the first search with the places it searches)
  // took 1.6 kB off: 22.3 kB measured. The results list, summary line and core's opening-hours
  // and calendar code then moved into the answer add-on (bz-service-locator-answer.js, read as
  // soon as the index has arrived, borrowing this script's Lit and translations): 19.16 kB;
  // with the map's toggle and controller there too, 18.67 kB measured (issue 18). The search's
  // matches (template and sentences) then moved into the search add-on, the results' sentences
  // and the nearest search itself (core's chunk planning and chunk reader) into the answer add-on,
  // which is now read alongside the index: 16.39 kB measured.
  'bz-service-locator': 16.5 * 1024,
};

/** @param {string} tag */
export const widgetCeiling = (tag) => widgetCeilings[tag] ?? 18 * 1024;

/**
 * Widgets allowed over the design card's own-code budget, with the ceiling the test holds them
 * to: each entry is a debt recorded on the widget's issue. (The locator's, 16.5 kB, was paid off
 * when its answer became an add-on: 12.8 kB of its own code; the checker's, 15.2 kB, when its
 * steps after the first question did: 12.05 kB, issue 18.)
 * @type {Record<string, number>}
 */
export const ownCodeExceptions = {};

/** @param {string} tag */
export const ownCodeBudget = (tag) => ownCodeExceptions[tag] ?? budgets.withoutLit;

/**
 * Parts a widget loads only when the user asks for them, built beside the widget scripts; not
 * counted in the widget's budget: the locator's Leaflet map (loaded from a URL beside the
 * script), and its text search (a plain `import('./search.ts')` in the sources, which Vite
 * splits off by itself and the widget build turns into the sibling file, see addonsExternal).
 */
export const addons = [
  {
    file: 'bz-service-locator-map.js',
    entry: new URL('service-locator/map.ts', srcDir).pathname,
  },
  // Its matches are drawn with the widget script's Lit and translations, lent as to the answer.
  {
    file: 'bz-service-locator-search.js',
    entry: new URL('service-locator/search.ts', srcDir).pathname,
    borrowLit: true,
  },
  // The nearest search, results list, summary line and the map's toggle (issue 18: the locator's
  // first script toward 18 kB), read together with the index; it borrows the widget script's Lit
  // and translations.
  {
    file: 'bz-service-locator-answer.js',
    entry: new URL('service-locator/answer.ts', srcDir).pathname,
    borrowLit: true,
  },
  // The checker's steps after the first question is shown (reading answers, "check your
  // answers", the results, the rules engine's evaluation; issue 18: the checker's first script
  // toward 18 kB), read as soon as the rules have arrived, so never a round trip before the
  // first question; it borrows the widget script's Lit and translations.
  {
    file: 'bz-eligibility-checker-steps.js',
    entry: new URL('eligibility-checker/steps.ts', srcDir).pathname,
    borrowLit: true,
  },
  // What the feedback form shows once the server has answered: the confirmation and a looked-up
  // status (issue 18: its script toward 18 kB), read beside the request that asks; it borrows
  // the widget script's Lit and translations.
  {
    file: 'bz-feedback-form-answer.js',
    entry: new URL('feedback-form/answer.ts', srcDir).pathname,
    borrowLit: true,
  },
  // What the comments show once the published comments are in: their count, the thread and the
  // form's "reply to" parts, with core's date formatting (issue 18: the comments' script back under
  // its size when the issue was filed), read beside the comments' request; it borrows the widget
  // script's Lit and translations.
  {
    file: 'bz-comments-list.js',
    entry: new URL('comments/list.ts', srcDir).pathname,
    borrowLit: true,
  },
  // Core's date formatting for the feedback form's "restored draft" notice, read only when a kept
  // draft comes back (issue 16: the portal's feedback page under 30 kB; issue 18: the script).
  {
    file: 'bz-feedback-form-date.js',
    entry: new URL('feedback-form/restored-date.ts', srcDir).pathname,
  },
];

/**
 * For an add-on built with `borrowLit`: `lit` and `@lit/localize` are the widget script's own,
 * lent through a global named after the lending widget (`Symbol.for('<tag>.lit')`, see
 * shared/add-on.ts and service-locator.component.ts), not a second copy. Only what the
 * add-on uses is lent: Lit's `html` (a template made by it renders in the widget's Lit like its
 * own), `nothing` (a registered symbol) and the translation functions.
 * @returns {import('esbuild').Plugin}
 */
const borrowLit = (/** @type {string} */ lender) => ({
  name: 'borrow-lit',
  setup(build) {
    build.onResolve({ filter: /^(?:lit|@lit\/localize)$/ }, (args) => ({
      path: args.path,
      namespace: 'borrowed-lit',
    }));
    build.onLoad({ filter: /.*/, namespace: 'borrowed-lit' }, () => ({
      contents:
        `export const { html, msg, str } = globalThis[Symbol.for('${lender}.lit')];\n` +
        "export const nothing = Symbol.for('lit-nothing');\n",
      loader: 'js',
    }));
  },
});

/** The widget that lends an add-on its Lit: the add-on's name less its last part (`bz-x-answer`). */
const lenderOf = (/** @type {string} */ addonName) => addonName.replace(/-[^-]+$/, '');

/** The source files an add-on is built from (their messages go into the widget's translations). */
async function addonInputs(/** @type {string} */ entry, /** @type {string} */ lender) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    logLevel: 'silent',
    plugins: [borrowLit(lender)],
  });
  return Object.keys(result.metafile?.inputs ?? {});
}

/**
 * A dynamic import of an add-on's source (`import('./search.ts')`) becomes an import of its built
 * sibling (`import('./bz-service-locator-search.js')`), resolved beside the widget script at run
 * time, so the widget script does not carry it. publish-widgets rewrites the name to the hashed one.
 * @returns {import('esbuild').Plugin}
 */
const addonsExternal = (/** @type {Set<string>} */ used = new Set()) => ({
  name: 'addons-external',
  setup(/** @type {import('esbuild').PluginBuild} */ build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const target = resolvePath(args.resolveDir, args.path);
      const addon = addons.find(({ entry }) => entry === target);
      if (addon) used.add(addon.entry);
      return addon ? { path: `./${addon.file}`, external: true } : undefined;
    });
  },
});

/**
 * Every widget: a folder `src/<name>/` with `<name>.ts` that defines `bz-<name>`.
 * @returns {{ tag: string, entry: string }[]}
 */
export function widgets() {
  return readdirSync(srcDir, { withFileTypes: true })
    .filter((dirent) => dirent.isDirectory() && !notWidgets.has(dirent.name))
    .map((dirent) => ({
      tag: `bz-${dirent.name}`,
      entry: new URL(`${dirent.name}/${dirent.name}.ts`, srcDir).pathname,
    }))
    .filter(({ entry }) => existsSync(entry))
    .sort((a, b) => a.tag.localeCompare(b.tag));
}

const localeModule = /[\\/]generated[\\/]locales[\\/][^\\/]+\.ts$/;

/** @type {Map<string, Set<string>> | undefined} */
let idsByFile;

/** Message ids used in each source file, from lit-localize's own extraction (cached). */
function messageIdsByFile() {
  if (idsByFile) return idsByFile;
  const configPath = fileURLToPath(new URL('../lit-localize.json', import.meta.url));
  const localizer = new RuntimeLitLocalizer(
    /** @type {any} */ (readConfigFileAndWriteSchema(configPath)),
  );
  idsByFile = new Map();
  for (const message of localizer.extractSourceMessages().messages) {
    const file = message.file.fileName;
    if (!idsByFile.has(file)) idsByFile.set(file, new Set());
    idsByFile.get(file)?.add(message.name);
  }
  return idsByFile;
}

/**
 * The generated locale module with only the entries whose id is in `keep`. Each entry of its
 * `templates` object starts on a line of its own with `'<id>':`.
 * @param {string} source
 * @param {Set<string>} keep
 */
export function pickMessages(source, keep) {
  const start = source.indexOf('export const templates = {');
  const end = source.lastIndexOf('};');
  if (start < 0 || end < start) throw new Error('unexpected lit-localize output');
  const head = source.slice(0, start);
  const body = source.slice(start + 'export const templates = {'.length, end);
  const entries = body.split(/\n(?=\s*'[^']+': )/);
  const kept = entries.filter((entry) => {
    const id = /^\s*'([^']+)': /.exec(entry)?.[1];
    return id !== undefined && keep.has(id);
  });
  return `${head}export const templates = {\n${kept.map((entry) => entry.replace(/^\n/, '')).join('\n')}\n};\n`;
}

/** @param {Set<string>} keep @returns {import('esbuild').Plugin} */
const ownMessagesOnly = (keep) => ({
  name: 'own-messages-only',
  setup(build) {
    build.onLoad({ filter: localeModule }, (args) => ({
      contents: pickMessages(readFileSync(args.path, 'utf8'), keep),
      loader: 'ts',
    }));
  },
});

/** @param {Record<string, string>} localeFiles @returns {import('esbuild').Plugin} */
const localeFilesExternal = (localeFiles) => ({
  name: 'locale-files-external',
  setup(build) {
    build.onResolve({ filter: /generated[\\/]locales[\\/][^\\/]+\.ts$/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const locale = /([^\\/]+)\.ts$/.exec(args.path)?.[1] ?? '';
      const file = localeFiles[locale];
      if (!file) throw new Error(`no bundled translations for ${locale}`);
      return { path: `./${file}`, external: true };
    });
  },
});

/**
 * One table of shortened names for every build (esbuild's `mangleCache`): a widget script and an
 * add-on are built apart, and each build would otherwise shorten a name its own way, so a field
 * that crosses between them (a view object's, an answer's such as `problems`) would be read under
 * another name than it was written (the all-in-one script's checker broke so). With one table,
 * every build shortens a name alike. An add-on's exports are never renamed by esbuild, so where a
 * widget reads one (`module.problemText`) the table keeps that name whole (`false`).
 * @type {Record<string, string | false>}
 */
const mangleCache = {};

/** A build that reads and extends the shared table of shortened names. */
async function shortening(/** @type {import('esbuild').BuildOptions} */ options) {
  const result = await build(options);
  Object.assign(mangleCache, result.mangleCache);
  return result;
}

let addonExportsKept = false;

/** Marks every add-on export in the shared table as a name never to shorten (see mangleCache). */
async function keepAddonExportsWhole() {
  if (addonExportsKept) return;
  addonExportsKept = true;
  for (const { entry } of addons) {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      logLevel: 'silent',
      outfile: 'addon.js',
      external: ['lit', 'lit/*', '@lit/*', 'leaflet'],
    });
    for (const output of Object.values(result.metafile?.outputs ?? {})) {
      for (const name of output.exports) mangleCache[name] = false;
    }
  }
}

/**
 * Internal member names (private state, handlers, view fields) that the self-contained scripts
 * shorten: esbuild cannot rename object properties by itself, and these long names are a good
 * part of a widget's bytes. Only names that are ours alone belong here: never a public property,
 * a DOM or Lit name, or a field of the published JSON data (those must keep their names), and
 * never a key Lit reads from a string (state keys are written as plain object keys), and never a
 * field of a view object handed to an add-on built apart (each build shortens names its own way).
 */
export const internalNames = [
  // The quick exit's own (shared/quick-exit-controller.ts).
  'leads',
  'stopKeys',
  'chosenCounty',
  'chosenProvince',
  'formProblem',
  'loadingResults',
  'selectedId',
  'onCountyChange',
  'onPlacesSubmit',
  'onProvinceChange',
  'onSearch',
  'choosePlace',
  'chooseName',
  'provinceName',
  'useMyLocation',
  'runQuery',
  'applyHost',
  'ensurePlaces',
  'provinceText',
  'renderResults',
  'failureNotice',
  'spokenCount',
  'restoredAt',
  'discardDraft',
  'sendAnother',
  'copyCode',
  'copyResult',
  'codeProblem',
  'codeText',
  'onCodeInput',
  'onLookUp',
  'focusAfterUpdate',
  // The forms' base (shared/form/form-element.ts).
  'showProblems',
  'keepDraft',
  'showFailure',
  'sendKey',
  'shownAt',
  'renderMode',
  'renderFailure',
  'problemText',
  'countText',
  'displayName',
  'renderThread',
  'renderComment',
  'renderForm',
  'startReply',
  'cancelReply',
  'retryLoad',
  'loadFailure',
  'listUrl',
  'loadedFor',
  'replyTo',
  'clearAnswers',
  'fromSummary',
  'renderBody',
  'renderQuestion',
  'renderHousehold',
  'renderSummary',
  'renderResult',
  'renderFindBase',
  'renderResume',
  'renderHeading',
  'renderField',
  'progressText',
  'answerText',
  'syncMembers',
  'removeMember',
  'addMember',
  'readField',
  'toRaw',
  '_error',
  '_members',
  '_problems',
  '_qid',
  '_resume',
  '_state',
  '_status',
  '_view',
  'checkedKey',
  'namesReady',
  'placesReady',
  'fetchJson',
  'closestLang',
  'announcement',
  'onSubmit',
  'onInput',
  'problems',
  'sending',
  'failure',
  'fingerprint',
  'lookingUp',
  'restoring',
  'draftKept',
  'recovered',
  'cancelled',
  'indexReady',
  'indexUrl',
  'marker',
  'formKey',
  'isValid',
  'fieldRaw',
  'typedMembers',
  'rulesReady',
  'rulesFrom',
  'rulesChosen',
  'rulesAbort',
  'allProgrammes',
  'askedProgrammes',
  'rulesStatus',
  'rulesError',
];

/** Minified sources by path, for the several builds of one run (the budget test makes many). */
/** @type {Map<string, { source: string, code: string }>} */
const minifiedCache = new Map();

/**
 * An element source with its `html` and `css` templates minified, or undefined for a file that
 * is not one of ours (core has no templates; the generated locale modules are left alone).
 * Templates are written for readers (one attribute a line, indented); the widget script gets
 * them minified: whitespace between tags collapsed and CSS compacted inside `html` and `css`
 * literals. `conservativeCollapse` keeps one space where there was any, so text next to an
 * inline element (`<span>…</span> ${text}`) reads the same.
 * @param {string} path
 * @param {string} source
 * @returns {string | undefined}
 */
export function minifiedSource(path, source) {
  if (!path.startsWith(srcPath) || localeModule.test(path) || !path.endsWith('.ts'))
    return undefined;
  const cached = minifiedCache.get(path);
  if (cached?.source === source) return cached.code;
  const minified = minifyHTMLLiterals(source, {
    fileName: path,
    minifyOptions: { ...defaultMinifyOptions, conservativeCollapse: true },
    // Lit's `html` only: a static-html template (a tag name chosen at run time) is no HTML
    // the minifier can parse.
    shouldMinify: (template) => template.tag === 'html',
  });
  const code = minified?.code ?? source;
  minifiedCache.set(path, { source, code });
  return code;
}

/** @returns {import('esbuild').Plugin} */
const minifyTemplates = () => ({
  name: 'minify-templates',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const code = minifiedSource(args.path, readFileSync(args.path, 'utf8'));
      return code === undefined ? undefined : { contents: code, loader: 'ts' };
    });
  },
});

/**
 * The same minification for a site that bundles the elements from their sources with Vite (the
 * portal): `vite: { plugins: [minifyElementTemplates()] }`. Without it the templates ship with
 * their indentation.
 * @returns {{ name: string, enforce: 'pre', transform: (code: string, id: string) => { code: string, map: null } | undefined }}
 */
export const minifyElementTemplates = () => ({
  name: 'bz-minify-element-templates',
  enforce: 'pre',
  transform(code, id) {
    const minified = minifiedSource(id.split('?')[0] ?? id, code);
    return minified === undefined ? undefined : { code: minified, map: null };
  },
});

const litPackages = [
  'lit',
  'lit/*',
  '@lit/*',
  'lit-html',
  'lit-html/*',
  'lit-element',
  'lit-element/*',
  '@lit/reactive-element',
  '@lit/reactive-element/*',
];

/**
 * A widget script and its translation files: `[{ file: '<name>.js', code }, { file:
 * '<name>.en.<hash>.js', code }]`, minified ES modules. With `externalLit`, Lit stays an import
 * so the figure is our own code; with `borrowLit`, Lit and the translation functions are the
 * widget script's (an add-on, see `borrowLit()`).
 * @param {string | string[]} entries
 * @param {{ externalLit?: boolean, name?: string, exportAll?: boolean, borrowLit?: boolean }} [options]
 * @returns {Promise<{ file: string, code: Uint8Array }[]>}
 */
export async function bundleFiles(entries, options = {}) {
  await keepAddonExportsWhole();
  const list = Array.isArray(entries) ? entries : [entries];
  const name = options.name ?? 'bz-widget';
  /** @type {import('esbuild').BuildOptions} */
  const common = {
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    // Persian text as UTF-8 rather than \\u escapes: about 6% fewer bytes after gzip.
    charset: 'utf8',
    conditions: ['production'],
    external: options.externalLit ? litPackages : [],
    mangleProps: new RegExp(`^(?:${internalNames.join('|')})$`),
    mangleCache,
  };
  const stdin = {
    // Widgets are imported for their side effect (defining the tag); an add-on (the locator's
    // map) is imported by the widget at run time, so its exports must be kept.
    contents: list
      .map((entry) => `${options.exportAll ? 'export * from' : 'import'} ${JSON.stringify(entry)};`)
      .join('\n'),
    resolveDir: srcDir.pathname,
    loader: /** @type {const} */ ('js'),
  };
  /** @type {Record<string, string>} */
  const placeholders = Object.fromEntries(
    readdirSync(new URL('generated/locales/', srcDir)).map((file) => [
      file.replace(/\.ts$/, ''),
      'placeholder.js',
    ]),
  );
  const borrowed = options.borrowLit ? [borrowLit(lenderOf(name))] : [];
  /** @type {Set<string>} */
  const usedAddons = new Set();
  const firstPass = await shortening({
    ...common,
    stdin,
    metafile: true,
    plugins: [
      ...borrowed,
      minifyTemplates(),
      addonsExternal(usedAddons),
      localeFilesExternal(placeholders),
    ],
  });
  const ids = messageIdsByFile();
  /** @type {Set<string>} */
  const keep = new Set();
  // The widget's own messages, and those of the add-ons that borrow its translations.
  const inputs = Object.keys(firstPass.metafile?.inputs ?? {});
  for (const addon of addons) {
    if (addon.borrowLit && usedAddons.has(addon.entry))
      inputs.push(...(await addonInputs(addon.entry, name)));
  }
  // (Skipping the lent modules, named `borrowed-lit:lit`.)
  for (const input of inputs.filter((path) => !path.startsWith('borrowed-lit:'))) {
    for (const id of ids.get(fileURLToPath(new URL(input, `file://${process.cwd()}/`))) ?? []) {
      keep.add(id);
    }
  }
  /** @type {{ file: string, code: Uint8Array }[]} */
  const localeFiles = [];
  /** @type {Record<string, string>} */
  const fileOfLocale = {};
  for (const locale of Object.keys(placeholders)) {
    const translations = await shortening({
      ...common,
      // The tiny str tag is bundled in, so a translation file imports nothing.
      external: [],
      entryPoints: [new URL(`generated/locales/${locale}.ts`, srcDir).pathname],
      plugins: [ownMessagesOnly(keep)],
    });
    const code = translations.outputFiles?.[0]?.contents ?? new Uint8Array();
    const hash = createHash('sha256').update(code).digest('hex').slice(0, 8);
    fileOfLocale[locale] = `${name}.${locale}.${hash}.js`;
    localeFiles.push({ file: fileOfLocale[locale], code });
  }
  const main = await shortening({
    ...common,
    stdin,
    plugins: [...borrowed, minifyTemplates(), addonsExternal(), localeFilesExternal(fileOfLocale)],
  });
  return [
    { file: `${name}.js`, code: main.outputFiles?.[0]?.contents ?? new Uint8Array() },
    ...localeFiles,
  ];
}

/**
 * The widget script alone (what the budgets measure: a Persian page loads nothing else).
 * @param {string | string[]} entries
 * @param {{ externalLit?: boolean, name?: string }} [options]
 */
export async function bundle(entries, options = {}) {
  return (await bundleFiles(entries, options))[0]?.code ?? new Uint8Array();
}

/** @param {Uint8Array} bytes */
export const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length;
