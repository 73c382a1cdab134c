import { type DataKind, isDataKind } from '../schemas/registry.ts';

/** File formats `validate-data` reads. */
export const dataFormats = ['json', 'yaml', 'csv', 'markdown'] as const;

/** A file format. */
export type DataFormat = (typeof dataFormats)[number];

const EXTENSIONS: Record<string, DataFormat> = {
  '.json': 'json',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.csv': 'csv',
  '.md': 'markdown',
  '.markdown': 'markdown',
};

/** The supported file extensions, for messages. */
export const supportedExtensions = Object.keys(EXTENSIONS);

/** The format a file name implies, or undefined when the extension is not supported. */
export function formatFromPath(path: string): DataFormat | undefined {
  const match = /\.[^./\\]+$/.exec(path.toLowerCase());
  return match ? EXTENSIONS[match[0]] : undefined;
}

/** Folder names that say what a file holds, as the portal's content folders are named. */
const FOLDER_KINDS: Record<string, DataKind> = {
  'service-bases': 'service-base',
  programmes: 'programme',
  programs: 'programme',
  news: 'news',
  feedback: 'feedback',
};

/**
 * The kind implied by the nearest enclosing folder with a known name (`service-bases`,
 * `programmes`, `news`, `feedback`, or a kind's own name), else undefined.
 */
/**
 * True for files inside a folder named `tests`: rule table tests (see docs/rules.md) live beside
 * the programmes they test but are not records, so the folder walk of validate-data skips them.
 */
export function isInTestsFolder(path: string): boolean {
  return path
    .split(/[\\/]+/)
    .slice(0, -1)
    .includes('tests');
}

export function kindFromPath(path: string): DataKind | undefined {
  const folders = path
    .split(/[\\/]+/)
    .slice(0, -1)
    .reverse();
  for (const folder of folders) {
    const name = folder.toLowerCase();
    const kind = FOLDER_KINDS[name] ?? (isDataKind(name) ? name : undefined);
    if (kind) return kind;
  }
  return undefined;
}

/**
 * The kind a format implies when nothing else says: CSV is defined only for service bases and
 * Markdown front matter is news unless told otherwise.
 */
export function defaultKindForFormat(format: DataFormat): DataKind | undefined {
  if (format === 'csv') return 'service-base';
  if (format === 'markdown') return 'news';
  return undefined;
}
