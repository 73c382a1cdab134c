import { provinces } from '@behzisti/core/provinces';
import { type Locale, t } from '../i18n/ui.ts';
import {
  NEWS_FOLDER,
  NEWS_IMAGES_FOLDER,
  NEWS_IMAGES_PUBLIC,
  PROGRAMMES_FOLDER,
} from './content-paths.ts';
import { LIST_MARK_SEPARATOR } from './list-marks.ts';
import { MAX_UPLOAD_BYTES } from './messages.ts';

/** A news file's name is this and its code (`slug` below): how admin.ts names a new item after its first save. */
export const NEWS_SLUG_PREFIX = 'news-';

/**
 * The Decap CMS configuration, built in code rather than kept as config.yml so the collections
 * follow the content model: folders from content-paths.ts (which the local backend enforces),
 * provinces from core, labels from the portal's ui.ts in the editor's language. Field names are
 * exactly core's NewsItemSchema and ProgrammeSchema keys; the checks themselves stay in core
 * (see check-entry.ts), Decap only marks the fields a person must fill.
 */

/** Where the office's content lives in production: a self-hosted Forgejo or Gitea. */
export interface GitBackend {
  name: 'forgejo' | 'gitea';
  /** owner/name of the repository. */
  repo: string;
  branch: string;
  /** Root URL of the Forgejo/Gitea server, e.g. https://git.behzisti.example */
  base_url: string;
  /** OAuth application (public client, PKCE) registered on that server for /admin/. */
  app_id: string;
}

/** The local backend route (src/pages/admin/api/v1.ts), used when the editor runs on localhost. */
export const LOCAL_BACKEND_URL = '/admin/api/v1';

type Field = Record<string, unknown>;

/**
 * `origin` is the editor page's origin: Decap wants the local backend's address absolute. It
 * uses that backend only when the page is on localhost and the route answers (local editing
 * enabled); otherwise it signs in to `backend`.
 */
export function cmsConfig(
  locale: Locale,
  backend: GitBackend,
  origin: string,
): Record<string, unknown> {
  const label = (key: Parameters<typeof t>[1]) => t(locale, key);
  // News texts: checked by core as they are typed, by the field (widgets.ts), `bz_check`
  // naming core's field.
  const text = (name: string, key: Parameters<typeof t>[1], extra: Field = {}): Field => ({
    name,
    label: label(key),
    widget: 'bz-string',
    bz_check: name,
    ...extra,
  });

  const newsFields = (lang: Locale): Field[] => [
    ...(lang === 'en' ? [{ name: 'lang', widget: 'hidden', default: 'en' }] : []),
    text('title', 'cms.field.title', { hint: label('cms.hint.title') }),
    text('summary', 'cms.field.summary', { widget: 'bz-text', hint: label('cms.hint.summary') }),
    {
      name: 'date',
      label: label('cms.field.date'),
      widget: 'bz-content-date',
      hint: label('cms.hint.date'),
    },
    // Read by news-visibility.ts with the date: the moment the item goes live (publish-fields.ts).
    {
      name: 'time',
      label: label('cms.field.time'),
      widget: 'bz-time',
      required: false,
      hint: label('cms.hint.time'),
    },
    {
      name: 'province',
      label: label('cms.field.province'),
      widget: 'select',
      required: false,
      hint: label('cms.hint.province'),
      options: provinces.map((province) => ({ label: province.name[locale], value: province.id })),
    },
    {
      name: 'tags',
      label: label('cms.field.tags'),
      widget: 'list',
      required: false,
      default: [],
      hint: label('cms.hint.tags'),
    },
    {
      name: 'code',
      label: label('cms.field.code'),
      widget: 'bz-news-code',
      hint: label('cms.hint.code'),
    },
    {
      name: 'image',
      label: label('cms.field.image'),
      widget: 'object',
      required: false,
      collapsed: false,
      hint: label('cms.hint.image'),
      fields: [
        {
          name: 'src',
          label: label('cms.field.imageSrc'),
          widget: 'image',
          required: false,
          choose_url: false,
          // Decap's own check, behind upload-limit.ts (which answers first, beside the button).
          media_library: { config: { max_file_size: MAX_UPLOAD_BYTES } },
        },
        // Not `required` for Decap: it would then demand a picture on every item. The core
        // check refuses a picture without alt text (image.alt), before anything is written.
        text('alt', 'cms.field.imageAlt', {
          required: false,
          bz_check: 'image.alt',
          hint: label('cms.hint.imageAlt'),
        }),
        text('caption', 'cms.field.imageCaption', { required: false, bz_check: 'image.caption' }),
      ],
    },
    text('office', 'cms.field.office', { hint: label('cms.hint.office') }),
    {
      name: 'status',
      label: label('cms.field.status'),
      widget: 'bz-status',
      required: false,
      hint: label('cms.hint.status'),
    },
    {
      name: 'draft',
      label: label('cms.field.draft'),
      widget: 'bz-checkbox',
      default: false,
      required: false,
      hint: label('cms.hint.draft'),
    },
    {
      name: 'body',
      label: label('cms.field.body'),
      widget: 'markdown',
      // The build accepts an item without text, so the editor does too.
      required: false,
      modes: ['rich_text', 'raw'],
      // No heading buttons: Decap groups them in a dropdown whose button sits inside another
      // (axe: nested-interactive). Subheadings are written as `## ` in the text.
      buttons: ['bold', 'italic', 'link', 'quote', 'bulleted-list', 'numbered-list'],
      // Pictures belong in the lead image (with alt text); code blocks are not news.
      editor_components: [],
    },
  ];

  const newsCollection = (lang: Locale) => ({
    name: `news_${lang}`,
    label: label(lang === 'fa' ? 'cms.newsFa' : 'cms.newsEn'),
    label_singular: label(lang === 'fa' ? 'cms.newsFaOne' : 'cms.newsEnOne'),
    folder: NEWS_FOLDER[lang],
    create: true,
    extension: 'md',
    format: 'frontmatter',
    // File names must be Latin (they become addresses); the news code is unique and Latin
    // digits, and the English version, keeping the code, gets the same name, as the build pairs
    // translations by file name.
    slug: `${NEWS_SLUG_PREFIX}{{fields.code}}`,
    identifier_field: 'title',
    // The title, then what the list marks (draft, in review, scheduled) are made from, after an
    // invisible separator; list-marks.ts turns the tail into a visible mark.
    summary: `{{title}}${LIST_MARK_SEPARATOR}{{date}}|{{draft}}|{{status}}`,
    // Newest first: dates are stored as Solar Hijri YYYY-MM-DD, which sorts as text.
    sortable_fields: [{ field: 'date', default_sort: 'desc' }, 'title'],
    media_folder: `/${NEWS_IMAGES_FOLDER}`,
    public_folder: NEWS_IMAGES_PUBLIC,
    fields: newsFields(lang),
  });

  const localized = (
    name: string,
    key: Parameters<typeof t>[1],
    widget: string,
    required = true,
  ): Field => ({
    name,
    label: label(key),
    widget: 'object',
    required,
    collapsed: false,
    fields: [
      { name: 'fa', label: label('cms.field.fa'), widget, required },
      { name: 'en', label: label('cms.field.en'), widget, required },
    ],
  });

  return {
    load_config_file: false,
    locale,
    backend: { ...backend, api_root: `${backend.base_url}/api/v1` },
    local_backend: { url: new URL(LOCAL_BACKEND_URL, origin).href },
    publish_mode: 'simple',
    media_folder: NEWS_IMAGES_FOLDER,
    public_folder: NEWS_IMAGES_PUBLIC,
    show_preview_links: false,
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      newsCollection('fa'),
      newsCollection('en'),
      {
        name: 'programmes',
        label: label('cms.programmes'),
        label_singular: label('cms.programmesOne'),
        description: label('cms.hint.programme'),
        folder: PROGRAMMES_FOLDER,
        // New programmes need questions and rules: the data team writes those files.
        create: false,
        delete: false,
        extension: 'yaml',
        format: 'yml',
        identifier_field: 'id',
        summary: `{{title.${locale}}}`,
        fields: [
          { name: 'id', label: label('cms.field.id'), widget: 'hidden' },
          localized('title', 'cms.field.programmeTitle', 'string'),
          localized('summary', 'cms.field.summary', 'text'),
          localized('audience', 'cms.field.audience', 'text', false),
          localized('how_to_apply', 'cms.field.howToApply', 'text', false),
          {
            name: 'draft',
            label: label('cms.field.draft'),
            widget: 'bz-checkbox',
            default: false,
            required: false,
          },
        ],
      },
    ],
  };
}

/**
 * The production backend from the build's environment (set where the portal is built):
 * CMS_GIT_BACKEND (forgejo, the default, or gitea), CMS_GIT_URL (the server's root URL),
 * CMS_GIT_REPO (owner/name), CMS_GIT_BRANCH (default main) and CMS_OAUTH_CLIENT_ID (the
 * OAuth application's client id). The defaults describe a Forgejo on this machine's port 3000,
 * Forgejo's own default, for trying the setup out; docs/publishing.md explains each value.
 */
export function gitBackendFromEnv(env: Record<string, string | undefined>): GitBackend {
  return {
    name: env.CMS_GIT_BACKEND === 'gitea' ? 'gitea' : 'forgejo',
    repo: env.CMS_GIT_REPO ?? 'behzisti/services-kit',
    branch: env.CMS_GIT_BRANCH ?? 'main',
    base_url: (env.CMS_GIT_URL ?? 'http://localhost:3000').replace(/\/$/, ''),
    app_id: env.CMS_OAUTH_CLIENT_ID ?? '',
  };
}
