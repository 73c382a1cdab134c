import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, realpath, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, posix, sep } from 'node:path';
import { NewsItemSchema } from '@behzisti/core/schemas';
import { readRecords } from '../../../packages/core/src/cli/read-records.ts';
import { t } from '../i18n/ui.ts';
import { indexNews, NewsContentError, type NewsEntryLike } from '../lib/news.ts';
import { checkEntry, kindOfPath } from './check-entry.ts';
import { CONTENT_ROOT, NEWS_IMAGES_PUBLIC, READABLE_FOLDERS, WRITABLE } from './content-paths.ts';
import {
  bilingual,
  fieldMessage,
  MAX_UPLOAD_BYTES,
  uploadTooLarge,
  withoutPaths,
} from './messages.ts';

/**
 * Decap CMS's local backend protocol (what `decap-server` speaks for `local_backend`, in its
 * file-system mode), answered from the portal's own Node server so editing on one machine
 * needs no second process. One POST per action: `{ action, params }` → JSON.
 *
 * Differences from decap-server, on purpose:
 * - Only CONTENT_ROOT is reachable, mapped onto `contentDir` (the checkout's src/content, or a
 *   copy for tests); only the files in content-paths.ts WRITABLE can be written or deleted.
 * - A news item or programme is checked with the build's own checks before it is written
 *   (core's schemas, and the build's cross-file news checks from lib/news.ts), so a file the
 *   build would refuse never reaches the disk, whatever the browser sent.
 * - Renaming an entry (a changed file name) is refused: published addresses must not change.
 */

export interface LocalBackendOptions {
  /** Absolute folder that stands for `portal/src/content` of the repository. */
  contentDir: string;
  /**
   * Commit every save and deletion in the git checkout holding `contentDir`, with Decap's commit
   * message (decap-server's `MODE=git`; CMS_LOCAL_GIT=1): the office machine's history is then
   * the same as on the forge, and a publish command watching a clone of it (`--remote`) takes
   * the commits as it takes the forge's.
   */
  git?: boolean;
}

/** Runs git in `cwd`; rejects with its output when it fails. */
function runGit(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, timeout: 30_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${stderr}${stdout}`.trim() || error.message)) : resolve(stdout),
    );
  });
}

/** A refusal with its HTTP status; the message is what the editor shows in its notice. */
export class BackendError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface DataFile {
  path: string;
  raw: string;
  newPath?: string;
}
interface Asset {
  path: string;
  content: string;
  encoding: string;
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** `portal/src/content/news/fa/x.md` → `news/fa/x.md`, refusing anything that could leave the folder. */
export function contentRelative(repoPath: unknown): string {
  if (typeof repoPath !== 'string') throw new BackendError(400, 'a path is missing');
  if (repoPath === CONTENT_ROOT) return '';
  if (!repoPath.startsWith(`${CONTENT_ROOT}/`)) {
    throw new BackendError(403, `'${repoPath}' is outside ${CONTENT_ROOT}/`);
  }
  const rest = repoPath.slice(CONTENT_ROOT.length + 1);
  const normal = posix.normalize(rest);
  if (
    rest.includes('\\') ||
    rest.includes('\0') ||
    normal !== rest.replace(/\/$/, '') ||
    normal.split('/').includes('..') ||
    posix.isAbsolute(normal)
  ) {
    throw new BackendError(403, `'${repoPath}' is not a plain path inside ${CONTENT_ROOT}/`);
  }
  return normal === '.' ? '' : normal;
}

function assertWritable(relativePath: string): void {
  if (!WRITABLE.some((pattern) => pattern.test(relativePath))) {
    throw new BackendError(
      403,
      `the editor may not write '${CONTENT_ROOT}/${relativePath}': only news items (news/fa|en/<name>.md), news pictures (news/images/) and programmes (programmes/<id>.yaml)`,
    );
  }
}

/** A picture's bytes, refused (413, in Persian and English) above MAX_UPLOAD_BYTES. */
export function uploadBytes(asset: Asset): Buffer {
  const bytes = Buffer.from(asset.content, 'base64');
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new BackendError(413, bilingual(uploadTooLarge(bytes.length), 'fa'));
  }
  return bytes;
}

function assertReadableFolder(relativePath: string): void {
  if (!READABLE_FOLDERS.includes(relativePath)) {
    throw new BackendError(403, `the editor may not list '${CONTENT_ROOT}/${relativePath}'`);
  }
}

export function createLocalBackend({ contentDir, git = false }: LocalBackendOptions) {
  let root: Promise<string> | undefined;
  const realRoot = () => {
    root ??= realpath(contentDir);
    return root;
  };

  /**
   * The absolute path of a content-relative path, after checking that no symbolic link on the
   * way leads out of the content folder (the nearest existing ancestor must resolve inside).
   */
  async function resolveInside(relativePath: string): Promise<string> {
    const base = await realRoot();
    const target = join(base, ...relativePath.split('/').filter(Boolean));
    let existing = target;
    for (;;) {
      try {
        const real = await realpath(existing);
        if (real !== base && !real.startsWith(base + sep)) {
          throw new BackendError(403, `'${relativePath}' leads outside ${CONTENT_ROOT}/`);
        }
        return target;
      } catch (error) {
        if (error instanceof BackendError) throw error;
        const parent = dirname(existing);
        if (parent === existing) throw error;
        existing = parent;
      }
    }
  }

  const repoPathOf = (relativePath: string) => `${CONTENT_ROOT}/${relativePath}`;

  async function readEntry(repoPath: string) {
    try {
      const content = await readFile(await resolveInside(contentRelative(repoPath)));
      return { data: content.toString('utf8'), file: { path: repoPath, id: sha256(content) } };
    } catch (error) {
      if (error instanceof BackendError) throw error;
      return { data: null, file: { path: repoPath, id: null } };
    }
  }

  async function readMedia(repoPath: string) {
    const content = await readFile(await resolveInside(contentRelative(repoPath)));
    return {
      id: sha256(content),
      content: content.toString('base64'),
      encoding: 'base64',
      path: repoPath,
      name: basename(repoPath),
    };
  }

  async function listFiles(folder: string, extension: string, depth: number): Promise<string[]> {
    if (depth <= 0) return [];
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(await resolveInside(folder), { withFileTypes: true });
    } catch (error) {
      if (error instanceof BackendError) throw error;
      return [];
    }
    const found: string[] = [];
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const child = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) found.push(...(await listFiles(child, extension, depth - 1)));
      else if (entry.isFile() && entry.name.endsWith(extension)) found.push(child);
    }
    return found;
  }

  /** Every news file as the build reads it, parsed by core, for the cross-file checks. */
  async function newsEntries(): Promise<NewsEntryLike[]> {
    const entries: NewsEntryLike[] = [];
    for (const locale of ['fa', 'en']) {
      for (const file of await listFiles(`news/${locale}`, '.md', 1)) {
        const parsed = parseNews(await readFile(await resolveInside(file), 'utf8'));
        if (parsed) entries.push(newsEntry(file, parsed));
      }
    }
    return entries;
  }

  /** The build's checks for one file about to be written; throws 422 with the build's messages. */
  async function checkDataFile(relativePath: string, raw: string, assets: Asset[]): Promise<void> {
    const kind = kindOfPath(`/${relativePath}`);
    if (!kind) return;
    const read = readRecords(raw, kind === 'news' ? 'markdown' : 'yaml');
    const problems = read.problems.map((p) => `${p.field}: ${p.message}`);
    const record = read.records[0]?.value;
    if (problems.length === 0) problems.push(...checkEntry(kind, record));
    if (problems.length === 0 && kind === 'news') {
      const data = NewsItemSchema.parse(record);
      problems.push(...(await imageProblems(relativePath, data.image?.src, assets)));
      problems.push(...(await crossFileProblems(relativePath, data)));
    }
    if (problems.length > 0) {
      throw new BackendError(
        422,
        problems.map((line) => bilingual(explain(line), 'fa')).join('\n'),
      );
    }
  }

  /** The build stops when a picture is not where `src` points (Astro's image()). */
  async function imageProblems(relativePath: string, src: string | undefined, assets: Asset[]) {
    if (!src) return [];
    const target = posix.normalize(posix.join(posix.dirname(relativePath), src));
    if (assets.some((asset) => contentRelative(asset.path) === target)) return [];
    try {
      await readFile(await resolveInside(contentRelative(repoPathOf(target))));
      return [];
    } catch {
      return [
        `image.src: Could not find requested image \`${src}\`. Does it exist? Upload the picture or choose one from ${NEWS_IMAGES_PUBLIC}/`,
      ];
    }
  }

  /** lib/news.ts indexNews over the news with this file in place, keeping the lines about it. */
  async function crossFileProblems(relativePath: string, data: NewsEntryLike['data']) {
    const others = (await newsEntries()).filter((entry) => entry.id !== idOf(relativePath));
    try {
      indexNews([...others, newsEntry(relativePath, data)]);
      return [];
    } catch (error) {
      if (!(error instanceof NewsContentError)) throw error;
      const own = `src/content/${relativePath}:`;
      return error.message
        .split('\n')
        .map((line) => line.replace(/^\s*- /, ''))
        .filter((line) => line.startsWith(own))
        .map((line) => line.slice(own.length).trim());
    }
  }

  async function write(relativePath: string, content: Buffer | string): Promise<void> {
    assertWritable(relativePath);
    const target = await resolveInside(relativePath);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }

  /**
   * Commits the written or deleted files (content-relative paths) with Decap's message. Only
   * these paths are staged, so whatever else is in the checkout is left alone.
   */
  async function commit(paths: string[], message: unknown): Promise<void> {
    if (!git || paths.length === 0) return;
    const base = await realRoot();
    const files = await Promise.all(paths.map((path) => resolveInside(path)));
    try {
      await runGit(base, ['add', '--all', '--', ...files]);
      const text = typeof message === 'string' && message.trim() ? message : 'Update content';
      // Nothing staged (the same text saved again): no empty commit.
      const staged = await runGit(base, ['diff', '--cached', '--name-only', '--', ...files]);
      if (staged.trim()) await runGit(base, ['commit', '--quiet', '-m', text, '--', ...files]);
    } catch (error) {
      console.error('cms local backend: git commit failed:', (error as Error).message);
      throw new BackendError(
        500,
        bilingual(
          {
            fa: 'پرونده ذخیره شد ولی در تاریخچه‌ی مخزن (git) ثبت نشد، پس به سایت نمی‌رسد. به تیم فنی خبر دهید.',
            en: 'The file was saved but not committed to the repository (git), so it will not reach the site. Tell the technical team.',
          },
          'fa',
        ),
      );
    }
  }

  async function remove(repoPath: string): Promise<void> {
    const relativePath = contentRelative(repoPath);
    assertWritable(relativePath);
    await unlink(await resolveInside(relativePath)).catch(() => undefined);
  }

  async function act(action: unknown, params: Record<string, unknown>): Promise<unknown> {
    switch (action) {
      case 'info':
        return { repo: 'behzisti-portal', publish_modes: ['simple'], type: 'local_fs' };
      case 'entriesByFolder': {
        const folder = contentRelative(params.folder);
        assertReadableFolder(folder);
        const files = await listFiles(
          folder,
          String(params.extension ?? ''),
          Number(params.depth ?? 1),
        );
        return Promise.all(files.map((file) => readEntry(repoPathOf(file))));
      }
      case 'entriesByFiles': {
        const files = Array.isArray(params.files) ? (params.files as { path: unknown }[]) : [];
        return Promise.all(files.map((file) => readEntry(repoPathOf(contentRelative(file.path)))));
      }
      case 'getEntry':
        return readEntry(repoPathOf(contentRelative(params.path)));
      case 'persistEntry': {
        const dataFiles = (params.dataFiles ?? (params.entry ? [params.entry] : [])) as DataFile[];
        const assets = (params.assets ?? []) as Asset[];
        if (dataFiles.some((file) => file.newPath && file.newPath !== file.path)) {
          throw new BackendError(
            422,
            'renaming a published item would break its address; create a new item instead',
          );
        }
        // Check everything first, write after: a refused save leaves no half-written item.
        for (const asset of assets) {
          assertWritable(contentRelative(asset.path));
          uploadBytes(asset);
        }
        for (const file of dataFiles) {
          const relativePath = contentRelative(file.path);
          assertWritable(relativePath);
          await checkDataFile(relativePath, String(file.raw), assets);
        }
        for (const asset of assets) {
          await write(contentRelative(asset.path), uploadBytes(asset));
        }
        for (const file of dataFiles) await write(contentRelative(file.path), String(file.raw));
        await commit(
          [...assets.map((asset) => asset.path), ...dataFiles.map((file) => file.path)].map(
            contentRelative,
          ),
          messageOf(params),
        );
        return { message: 'entry persisted' };
      }
      case 'getMedia': {
        const folder = contentRelative(params.mediaFolder);
        assertReadableFolder(folder);
        const files = await listFiles(folder, '', 1);
        return Promise.all(files.map((file) => readMedia(repoPathOf(file))));
      }
      case 'getMediaFile':
        return readMedia(repoPathOf(contentRelative(params.path)));
      case 'persistMedia': {
        const asset = params.asset as Asset | undefined;
        if (asset?.encoding !== 'base64') throw new BackendError(400, 'no picture sent');
        const relativePath = contentRelative(asset.path);
        await write(relativePath, uploadBytes(asset));
        await commit([relativePath], messageOf(params));
        return readMedia(repoPathOf(relativePath));
      }
      case 'deleteFile':
        await remove(params.path as string);
        await commit([contentRelative(params.path)], messageOf(params));
        return { message: 'deleted' };
      case 'deleteFiles': {
        const paths = Array.isArray(params.paths) ? (params.paths as string[]) : [];
        for (const path of paths) await remove(path);
        await commit(paths.map(contentRelative), messageOf(params));
        return { message: 'deleted' };
      }
      case 'getDeployPreview':
        return null;
      default:
        throw new BackendError(422, `unknown action ${String(action)}`);
    }
  }

  /** Answers one protocol request. */
  return async function handle(request: Request): Promise<Response> {
    let body: { action?: unknown; params?: Record<string, unknown> };
    try {
      body = await request.json();
    } catch {
      return Response.json({ error: 'the request is not JSON' }, { status: 400 });
    }
    try {
      const result = await act(body.action, body.params ?? {});
      return Response.json(result, { headers: { 'cache-control': 'no-store' } });
    } catch (error) {
      if (error instanceof BackendError) {
        return Response.json({ error: error.message }, { status: error.status });
      }
      console.error('cms local backend:', error);
      return Response.json({ error: 'the file could not be read or written' }, { status: 500 });
    }
  };
}

/** Decap's commit message for an action (`options.commitMessage`; its local protocol). */
const messageOf = (params: Record<string, unknown>): unknown =>
  (params.options as { commitMessage?: unknown } | undefined)?.commitMessage;

/** Persian names of the news fields, for the server's messages (the editor's own labels). */
const FIELD_LABELS: Record<string, Parameters<typeof t>[1]> = {
  title: 'cms.field.title',
  summary: 'cms.field.summary',
  date: 'cms.field.date',
  province: 'cms.field.province',
  tags: 'cms.field.tags',
  code: 'cms.field.code',
  image: 'cms.field.image',
  office: 'cms.field.office',
};

/** One problem line in Persian and English, without the paths of this machine or the repository. */
function explain(line: string) {
  const field = /^field '(\w+)'/.exec(line)?.[1] ?? /^([a-z_]+)[.:[]/.exec(line)?.[1] ?? '';
  const key = FIELD_LABELS[field];
  return fieldMessage(key ? t('fa', key) : field, withoutPaths(line));
}

const idOf = (relativePath: string) => relativePath.replace(/^news\//, '').replace(/\.md$/, '');

function newsEntry(relativePath: string, data: NewsEntryLike['data']): NewsEntryLike {
  return { id: idOf(relativePath), filePath: `src/content/${relativePath}`, data };
}

/** A news file's front matter parsed by core, or undefined when it is not valid (not ours to report). */
function parseNews(text: string): NewsEntryLike['data'] | undefined {
  const record = readRecords(text, 'markdown').records[0]?.value;
  const parsed = NewsItemSchema.safeParse(record);
  return parsed.success ? parsed.data : undefined;
}
