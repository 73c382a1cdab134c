import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalBackend } from './local-backend.ts';

// The local backend in git mode (CMS_LOCAL_GIT=1): each save and deletion is a commit with
// Decap's message, of exactly the files the editor wrote; a refused save commits nothing.
const work = mkdtempSync(join(tmpdir(), 'bz-cms-git-'));
const contentDir = join(work, 'portal/src/content');
mkdirSync(contentDir, { recursive: true });
cpSync(new URL('../content/news', import.meta.url).pathname, join(contentDir, 'news'), {
  recursive: true,
});
const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: work, encoding: 'utf8' }).trim();
git('init', '--quiet', '--initial-branch=main');
git('config', 'user.name', 'Office');
git('config', 'user.email', 'office@behzisti.example');
git('add', '--all');
git('commit', '--quiet', '-m', 'start');
// Something else changed in the checkout: the editor's commits must leave it alone.
writeFileSync(join(work, 'notes.txt'), 'not the editor’s\n');
const handle = createLocalBackend({ contentDir, git: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

const call = async (action: string, params: Record<string, unknown>) =>
  (
    await handle(
      new Request('http://127.0.0.1/admin/api/v1', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action, params }),
      }),
    )
  ).status;

const item = (code: string, title = 'خبر آزمون') =>
  `---\ntitle: ${title}\nsummary: خلاصه\ndate: 1404-09-02\nstatus: review\ncode: ${code}\noffice: روابط عمومی\n---\nمتن.\n`;
const path = 'portal/src/content/news/fa/news-990002.md';
const persist = (raw: string, commitMessage = 'Create news “news-990002”') =>
  call('persistEntry', {
    dataFiles: [{ path, raw, slug: 'news-990002' }],
    assets: [],
    options: { commitMessage },
  });

describe('local backend, git mode', () => {
  it('commits a save with Decap’s message, only the saved file', async () => {
    expect(await persist(item('990002'))).toBe(200);
    expect(git('log', '-1', '--format=%s')).toBe('Create news “news-990002”');
    expect(git('show', '--name-only', '--format=', 'HEAD')).toBe(path);
    expect(git('status', '--porcelain')).toBe('?? notes.txt');
  });

  it('commits an edit; the same text saved again makes no empty commit', async () => {
    expect(await persist(item('990002', 'خبر آزمون، ویرایش‌شده'), 'Update news')).toBe(200);
    const head = git('rev-parse', 'HEAD');
    expect(git('log', '-1', '--format=%s')).toBe('Update news');
    expect(await persist(item('990002', 'خبر آزمون، ویرایش‌شده'), 'Update news')).toBe(200);
    expect(git('rev-parse', 'HEAD')).toBe(head);
  });

  it('commits nothing when the save is refused', async () => {
    const head = git('rev-parse', 'HEAD');
    expect(await persist(item('990002').replace('1404-09-02', '1404-13-40'))).toBe(422);
    expect(git('rev-parse', 'HEAD')).toBe(head);
  });

  it('commits a deletion', async () => {
    expect(await call('deleteFiles', { paths: [path], options: { commitMessage: 'Delete' } })).toBe(
      200,
    );
    expect(git('log', '-1', '--format=%s')).toBe('Delete');
    expect(git('show', '--name-status', '--format=', 'HEAD')).toBe(`D\t${path}`);
  });
});
