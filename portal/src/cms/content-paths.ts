/**
 * Which repository paths the editor may read and write, shared by the editor's configuration
 * (config.ts) and the local file-system backend (local-backend.ts), so the folders the editor
 * shows and the folders the server lets it touch cannot drift apart.
 *
 * Paths are relative to the repository root, as every Decap backend (Forgejo, Gitea, the local
 * proxy) names them.
 */

/** Everything the editor touches lives under this folder of the repository. */
export const CONTENT_ROOT = 'portal/src/content';

export const NEWS_FOLDER = {
  fa: `${CONTENT_ROOT}/news/fa`,
  en: `${CONTENT_ROOT}/news/en`,
} as const;

/** Pictures of the news, shared by both languages (news files point at `../images/<name>`). */
export const NEWS_IMAGES_FOLDER = `${CONTENT_ROOT}/news/images`;
/** How a news file refers to a picture in NEWS_IMAGES_FOLDER. */
export const NEWS_IMAGES_PUBLIC = '../images';

export const PROGRAMMES_FOLDER = `${CONTENT_ROOT}/programmes`;

/** Picture types the portal's build (Astro's image()) accepts and the office is told to use. */
export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'svg'] as const;

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';

/**
 * Files the editor may create, change or delete, relative to CONTENT_ROOT: a news item, a
 * news picture, a programme. Anything else (the service bases, the programmes' table tests,
 * files outside the content folder) is read-only or unreachable.
 */
export const WRITABLE = [
  new RegExp(`^news/(?:fa|en)/${SLUG}\\.md$`),
  // Cameras name files IMG_1234.JPG: any Latin letters are fine for a picture, not for a page.
  new RegExp(
    `^news/images/[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.(?:${IMAGE_EXTENSIONS.join('|')})$`,
    'i',
  ),
  new RegExp(`^programmes/${SLUG}\\.yaml$`),
];

/** Folders the editor may list, relative to CONTENT_ROOT. */
export const READABLE_FOLDERS = ['news/fa', 'news/en', 'news/images', 'programmes'];
