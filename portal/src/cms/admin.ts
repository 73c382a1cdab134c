import { type Locale, t } from '../i18n/ui.ts';
import { tidyTags } from '../lib/tags.ts';
import { recordSave } from './approval.ts';
import { checkEntry, type EntryKind, withoutEmptyValues } from './check-entry.ts';
import { cmsConfig, type GitBackend, NEWS_SLUG_PREFIX } from './config.ts';
import { NEWS_FOLDER } from './content-paths.ts';
import type { DecapCMS, ImmutableMap } from './decap.ts';
import { decapFaSupplement, deepMerge } from './decap-fa.ts';
import { markListEntries } from './list-marks.ts';
import { fieldMessage, withoutPaths } from './messages.ts';
import {
  canonicalTime,
  registerPublishFields,
  SAVE_RECORDED_EVENT,
  SAVED_EVENT,
  type SavedDetail,
} from './publish-fields.ts';
import { startPublishStatus } from './publish-status.ts';
import { showServerProblemsByField } from './server-problems.ts';
import { addSubheadingButtons, enableSubheadingMarks } from './subheading.ts';
import { unescapeTypedMarkdown } from './typed-markdown.ts';
import { limitUploads } from './upload-limit.ts';
import { canonicalDate, registerPreviews, registerWidgets } from './widgets.ts';

/**
 * Starts the editor at /admin: loads Decap CMS's bundle from the portal's own origin, adds the
 * Persian interface text, the portal's widgets, previews and checks, then starts it with the
 * configuration from config.ts. The page (pages/admin/index.astro) passes the production
 * backend and the portal's stylesheet addresses in data attributes, since a strict CSP allows
 * no inline script.
 */

const root = document.documentElement;
const locale: Locale = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'fa';
root.lang = locale;
// Persian mirrors the whole frame (admin.css fixes the parts Decap places with left/right).
root.dir = locale === 'fa' ? 'rtl' : 'ltr';
document.title = t(locale, 'cms.title');
const status = document.getElementById('cms-status');
if (status) status.textContent = t(locale, 'cms.loading');
// The publish pipeline's status (s3-publish's hook; the module is separate from the editor's own).
startPublishStatus(locale);
const otherLanguage = document.getElementById('cms-other-language');
if (otherLanguage instanceof HTMLAnchorElement) {
  otherLanguage.textContent = t(locale, 'cms.otherLanguage');
  otherLanguage.lang = locale === 'fa' ? 'en' : 'fa';
  otherLanguage.href = locale === 'fa' ? '?lang=en' : '?';
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} did not load`));
    document.head.append(script);
  });
}

/** The kind of file a collection writes, for core's checks. */
const kindOf = (collection: unknown): EntryKind =>
  collection === 'programmes' ? 'programme' : 'news';

/** Field labels by name, so a build message can say which field in the person's language. */
function labelsOf(config: Record<string, unknown>, collection: string): Map<string, string> {
  const collections = config.collections as {
    name: string;
    fields: { name: string; label?: string }[];
  }[];
  const fields = collections.find((c) => c.name === collection)?.fields ?? [];
  return new Map(fields.map((field) => [field.name, field.label ?? field.name]));
}

/**
 * Tags as the site files them: split on the Persian comma (،) too (Decap's list field splits on
 * ',' only), each tidied (Arabic ي/ك as Persian, spaces) and listed once whatever its spelling,
 * so a tag typed on an Arabic keyboard joins the existing tag page (lib/tags.ts).
 */
function splitTags(tags: unknown): unknown {
  if (!Array.isArray(tags)) return tags;
  const split = tags.flatMap((tag) => (typeof tag === 'string' ? tag.split('،') : [tag]));
  return split.every((tag) => typeof tag === 'string') ? tidyTags(split) : split;
}

/** A refused save. Decap shows `String(error)` in its notice; without the "Error: " prefix. */
class BuildCheckError extends Error {
  override toString(): string {
    return this.message;
  }
}

/**
 * Before Decap writes a file: drop the empty values a form leaves behind, then run the build's
 * checks (core's schema). A problem stops the save and the notice lists the build's messages,
 * each after the field's label. The server checks the written file again (local-backend.ts).
 */
function preSave(config: Record<string, unknown>) {
  return ({ entry }: { entry: ImmutableMap }) => {
    const collection = String(entry.get('collection'));
    const kind = kindOf(collection);
    const data = entry.get('data') as ImmutableMap;
    const { body: typedBody, ...fields } = data.toJS();
    const body = typeof typedBody === 'string' ? unescapeTypedMarkdown(typedBody) : typedBody;
    if ('tags' in fields) fields.tags = splitTags(fields.tags);
    // One form for every date (YYYY-MM-DD, Latin digits, the folder's calendar): the list sorts by it.
    if (typeof fields.date === 'string') {
      const calendar = collection === 'news_en' ? 'gregorian' : 'persian';
      fields.date = canonicalDate(fields.date, calendar) ?? fields.date;
    }
    // The publish time as the schema and news-visibility.ts read it: HH:MM, Latin digits.
    if (typeof fields.time === 'string') fields.time = canonicalTime(fields.time) ?? fields.time;
    const cleaned = withoutEmptyValues(fields) as Record<string, unknown>;
    const problems = checkEntry(kind, cleaned);
    if (problems.length > 0) {
      const labels = labelsOf(config, collection);
      // Each problem in Persian with what to do, then the build's English line, isolated
      // (FSI…PDI) so the Persian around it does not reorder its words.
      const lines = problems.map((line) => {
        const field = line.split(/[.:[]/, 1)[0] ?? '';
        const { fa, en } = fieldMessage(labels.get(field) ?? field, withoutPaths(line));
        const english = `\u2068${en}\u2069`;
        return locale === 'en' ? `${english}\n${fa}` : `${fa}\n${english}`;
      });
      throw new BuildCheckError([t(locale, 'cms.check.lead'), ...lines].join('\n'));
    }
    let next = data;
    for (const key of data.keySeq().toArray()) if (key !== 'body') next = next.delete(key);
    for (const [key, value] of Object.entries(cleaned)) next = next.set(key, value);
    return body === undefined ? next : next.set('body', body);
  };
}

/**
 * Hides the language switch once signed in (see admin.css), and adds the names and states Decap leaves out, added as its interface renders (axe: frame-title,
 * aria-input-field-name, button-name, aria-required-attr): the preview frame, the rich-text
 * body editor, and the switch between rich text and Markdown, which is on in Markdown mode
 * (the rich-text editor is then gone from the field).
 */
function nameUnnamedParts(): void {
  const name = () => {
    if (otherLanguage) {
      otherLanguage.hidden =
        document.querySelector(
          // The lists' header, or the item editor's toolbar (its back link to the list).
          '#nc-root [class*="AppHeader"], #nc-root [class*="PublishButton"], #nc-root [class*="ToolbarSectionBackLink"]',
        ) !== null;
    }
    const frame = document.querySelector('#preview-pane');
    if (frame && !frame.hasAttribute('title'))
      frame.setAttribute('title', t(locale, 'cms.preview'));
    for (const editor of document.querySelectorAll(
      '[data-slate-editor="true"]:not([aria-label])',
    )) {
      editor.setAttribute('aria-label', t(locale, 'cms.field.body'));
    }
    addSubheadingButtons(t(locale, 'cms.subheading'));
    markListEntries(locale);
    // Decap shows a failed save as `String(error)`: its API errors start with "API_ERROR: ".
    for (const toast of document.querySelectorAll('.Toastify__toast-body')) {
      const walker = document.createTreeWalker(toast, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeValue?.includes('API_ERROR:'))
          node.nodeValue = node.nodeValue.replace(/API_ERROR:\s*/g, '');
      }
    }
    for (const toggle of document.querySelectorAll(
      '[class*="ToolbarToggle"] > button[role="switch"]',
    )) {
      const bar = toggle.parentElement;
      const markdownLabel = bar?.lastElementChild?.textContent ?? '';
      if (toggle.getAttribute('aria-label') !== markdownLabel)
        toggle.setAttribute('aria-label', markdownLabel);
      const field = bar?.closest('[class*="EditorControl"]') ?? bar?.parentElement?.parentElement;
      const markdown = String(!field?.querySelector('[data-slate-editor="true"]'));
      if (toggle.getAttribute('aria-checked') !== markdown)
        toggle.setAttribute('aria-checked', markdown);
    }
  };
  // Once per frame at most: Decap re-renders on every keystroke.
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      name();
    });
  }).observe(document.body, { childList: true, subtree: true });
}

async function start(): Promise<void> {
  const settings = document.body.dataset;
  const backend = JSON.parse(settings.backend ?? '{}') as GitBackend;
  const previewStyles = JSON.parse(settings.previewStyles ?? '[]') as string[];
  // Decap starts itself when its script runs unless told not to; the widgets and locale must
  // be registered first.
  window.CMS_MANUAL_INIT = true;
  await loadScript('/admin/decap/decap-cms.js');
  const { CMS, h, createClass } = window;
  if (!CMS || !h || !createClass) throw new Error('Decap CMS did not start');
  const cms: DecapCMS = CMS;
  cms.registerLocale('fa', deepMerge(cms.getLocale('fa') ?? {}, decapFaSupplement));
  const required = t(locale, 'cms.required');
  cms.registerLocale(
    locale,
    deepMerge(cms.getLocale(locale) ?? {}, {
      editor: { editorControlPane: { widget: { required } } },
      ...(locale === 'en'
        ? {
            ui: {
              toast: {
                missingRequiredField:
                  'Not saved: fix the problems shown by the fields.\nذخیره نشد: مشکل‌هایی را که کنار فیلدها نوشته شده است درست کنید.',
              },
            },
          }
        : {}),
    }),
  );
  for (const href of previewStyles) cms.registerPreviewStyle(href);
  registerWidgets(cms, h, createClass, locale);
  registerPublishFields(cms, h, createClass, locale);
  registerPreviews(cms, h, createClass);
  const config = cmsConfig(locale, backend, location.origin);
  cms.registerEventListener({ name: 'preSave', handler: preSave(config) });
  // After a save: the approval box reloads, and the publish status watches the item go live.
  cms.registerEventListener({
    name: 'postSave',
    handler: ({ entry }) => {
      const data = (entry.get('data') as ImmutableMap).toJS();
      const collection = String(entry.get('collection'));
      // A new item has no slug yet in this event: its file is named by its code (config.ts).
      const slug =
        String(entry.get('slug') ?? '') ||
        (collection.startsWith('news_') && data.code !== undefined
          ? `${NEWS_SLUG_PREFIX}${String(data.code)}`
          : '');
      const detail: SavedDetail = { collection, slug, data };
      window.dispatchEvent(new CustomEvent(SAVED_EVENT, { detail }));
      // Who saved this version, noted by the server from the staff session: the account that
      // saved a text may not approve it (approval.ts). Not signed in: the approval box says so.
      const language =
        detail.collection === 'news_fa' ? 'fa' : detail.collection === 'news_en' ? 'en' : undefined;
      if (language && detail.slug) {
        const id = `${language}/${detail.slug}`;
        void recordSave(id, `${NEWS_FOLDER[language]}/${detail.slug}.md`).then((result) =>
          window.dispatchEvent(new CustomEvent(SAVE_RECORDED_EVENT, { detail: result })),
        );
      }
      return undefined;
    },
  });
  nameUnnamedParts();
  limitUploads(locale);
  showServerProblemsByField(locale, (collection, field) => labelsOf(config, collection).get(field));
  enableSubheadingMarks();
  cms.init({ config });
  status?.remove();
}

start().catch((error: unknown) => {
  console.error(error);
  if (status) status.textContent = t(locale, 'cms.loadFailed');
});
