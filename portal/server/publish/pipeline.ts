import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { approvalCheck, readApprovals } from '../../src/lib/news-approvals.ts';
import { GONE_FILE } from '../gone.ts';
import { newReleaseId, pruneReleases, readPointer, switchTo } from '../releases.ts';
import { APPROVALS_FILE } from './approvals-route.ts';
import { isNewsOnly, publishNewsOnly } from './news-only.ts';
import { type NewsPlan, planNews } from './plan.ts';
import {
  explainBuildFailure,
  type PublishStatus,
  readStatus,
  sourceFailure,
  writeStatus,
} from './status.ts';

// One publishing round: take the forge's new commits (when a remote is set), see whether the
// site must change (content, code, or a scheduled moment that has passed), build into a NEW
// release folder, and switch the pointer (server/releases.ts) that the running servers follow
// (server/site.ts). A failed round leaves the live release alone and records why (status.ts).
//
//   source  →  plan  →  build (or, for news only, the news store: see `rebuild`)  →  switch  →  prune

export interface PublishOptions {
  /** The portal folder (builds run there; releases must be inside it to find node_modules). */
  portalDir: string;
  /** The releases folder (absolute, inside portalDir). */
  releasesDir: string;
  /** The content folder the editor writes (src/content). */
  contentDir: string;
  /** The news folder (contentDir/news, or PORTAL_NEWS_DIR). */
  newsDir: string;
  /** Take new commits of `branch` from `remote` first (e.g. origin, main); else the checkout as is. */
  git?: { remote: string; branch: string } | undefined;
  /**
   * The git checkout the content comes from, when it is not the one holding portalDir (content
   * kept in a repository of its own; the office test's clone of the editor's repository).
   */
  checkoutDir?: string;
  /** How many releases to keep (at least the live one). */
  keep: number;
  /** How long a replaced release stays (its hashed files are still served). */
  graceMs: number;
  /** The build of one release; by default `node --run build` with PORTAL_DIST set. */
  build?: (env: Record<string, string>) => Promise<BuildResult>;
  now?: () => Date;
  log?: (event: string, fields?: Record<string, unknown>) => void;
}

export interface BuildResult {
  ok: boolean;
  /** stdout and stderr, for the failure's explanation and the log. */
  output: string;
  /** True when the change went to the news store instead: no new release, nothing to switch. */
  storeOnly?: boolean;
}

export type RoundResult =
  | { outcome: 'unchanged'; plan: NewsPlan }
  /** Another round (the watch command, or the forge workflow) holds the releases folder. */
  | { outcome: 'busy'; plan?: undefined }
  | { outcome: 'published'; release: string; plan: NewsPlan; changed: string[] }
  | { outcome: 'synced'; plan: NewsPlan; changed: string[] }
  | { outcome: 'failed'; plan: NewsPlan | undefined; status: PublishStatus };

/** Runs a command; resolves with its exit and output (never rejects on a non-zero exit). */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<BuildResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-200_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => resolve({ ok: false, output: `${output}\n${error.message}` }));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

/** `node --run build` (the portal's whole build, data steps included) into PORTAL_DIST. */
export const buildPortal =
  (portalDir: string) =>
  (env: Record<string, string>): Promise<BuildResult> =>
    run(process.execPath, ['--run', 'build'], { cwd: portalDir, env });

/** Size and change time of every file under `dir`, by path relative to `base`. */
function stampFiles(dir: string, base: string, into: Map<string, string>): void {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) stampFiles(path, base, into);
    else if (entry.isFile()) {
      const stat = statSync(path);
      into.set(relative(base, path), `${stat.size}:${stat.mtimeMs}`);
    }
  }
}

/** The pipeline's memory between rounds: what the last attempted round saw. */
export interface RoundMemory {
  key?: string;
  stamps?: Map<string, string>;
}

async function git(args: string[], cwd: string): Promise<BuildResult> {
  return run('git', args, { cwd });
}

/** Takes the remote's new commits (fast-forward only) and returns the checkout's commit. */
async function syncSource(options: PublishOptions): Promise<{ commit?: string; ok: boolean }> {
  const checkout = options.checkoutDir ?? options.portalDir;
  if (options.git) {
    const { remote, branch } = options.git;
    const fetched = await git(['fetch', '--quiet', remote, branch], checkout);
    if (!fetched.ok) return { ok: false };
    const merged = await git(['merge', '--ff-only', '--quiet', 'FETCH_HEAD'], checkout);
    if (!merged.ok) return { ok: false };
  }
  const head = await git(['rev-parse', 'HEAD'], checkout);
  return head.ok ? { commit: head.output.trim(), ok: true } : { ok: true };
}

/**
 * One round. `memory` carries what the previous round saw, so an unchanged checkout builds
 * nothing, and a build that failed is not retried until something changes.
 */
export async function publishRound(
  options: PublishOptions,
  memory: RoundMemory,
): Promise<RoundResult> {
  const release = takeLock(options.releasesDir);
  if (!release) return { outcome: 'busy' };
  try {
    return await round(options, memory);
  } finally {
    release();
  }
}

/** A lock file: one round at a time per releases folder; one older than two hours is stale. */
function takeLock(root: string): (() => void) | undefined {
  mkdirSync(root, { recursive: true });
  const path = join(root, '.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch {
      try {
        if (Date.now() - statSync(path).mtimeMs < 2 * 3600_000) return undefined;
        rmSync(path, { force: true });
      } catch {
        // Gone meanwhile: try again.
      }
    }
  }
  return undefined;
}

async function round(options: PublishOptions, memory: RoundMemory): Promise<RoundResult> {
  const now = options.now?.() ?? new Date();
  // The real moment the round starts reading the content (not `now`, which a test may set):
  // the editor compares it with the moment of a save.
  const checkedAt = new Date().toISOString();
  const log = options.log ?? (() => {});
  const root = options.releasesDir;
  const previous = readStatus(root);
  const live = readPointer(root);
  const base: PublishStatus = {
    state: 'live',
    inReview: 0,
    ...(live ? { release: live.id, liveSince: live.at } : {}),
    ...(previous?.commit ? { commit: previous.commit } : {}),
    ...(previous?.publishedAt ? { publishedAt: previous.publishedAt } : {}),
  };

  const source = await syncSource(options);
  if (!source.ok) {
    const status: PublishStatus = { ...base, state: 'failed', failure: sourceFailure(now) };
    writeStatus(root, status);
    log('publish-source-failed');
    return { outcome: 'failed', plan: undefined, status };
  }
  // Approvals of items in review: recorded by the portal server (approvals-route.ts).
  const approvals = join(root, APPROVALS_FILE);
  const plan = planNews(options.newsDir, now, approvalCheck(readApprovals(approvals)));
  const stamps = new Map<string, string>();
  stampFiles(options.contentDir, options.contentDir, stamps);
  if (!options.newsDir.startsWith(options.contentDir)) {
    stampFiles(options.newsDir, join(options.newsDir, '..'), stamps);
  }
  const key = createHash('sha256')
    .update(`${source.commit ?? ''}\n${plan.publicKey}\n${[...stamps].sort().join('\n')}`)
    .digest('hex');
  const planned = {
    key,
    checkedAt,
    inReview: plan.inReview,
    ...(plan.next ? { next: plan.next.toISOString() } : {}),
  };
  // The same as the last round saw (built, or failed: a failure is not retried until a change),
  // also across a restart of the command.
  // (Not when it stopped while building: that round never finished.)
  if (previous?.state !== 'building') memory.key ??= previous?.key;
  if (key === memory.key) {
    if (previous?.state !== 'failed') writeStatus(root, { ...base, ...planned });
    return { outcome: 'unchanged', plan };
  }
  const changed = [...new Set([...stamps.keys(), ...(memory.stamps?.keys() ?? [])])].filter(
    (path) => stamps.get(path) !== memory.stamps?.get(path),
  );
  memory.key = key;
  memory.stamps = stamps;

  const id = newReleaseId(source.commit, now);
  writeStatus(root, { ...base, ...planned, state: 'building' });
  log('publish-build', { release: id, changed: changed.length });
  const built = await rebuild(options, id, now, changed, plan.gone);
  const dir = join(root, id);
  if (built.ok && built.storeOnly) {
    writeStatus(root, { ...base, ...planned, publishedAt: new Date().toISOString() });
    log('publish-synced', { changed: changed.length, output: built.output });
    return { outcome: 'synced', plan, changed };
  }
  if (!built.ok || !existsSync(join(dir, 'server/entry.mjs'))) {
    rmSync(dir, { recursive: true, force: true });
    const failure = explainBuildFailure(built.output, now, source.commit);
    const status: PublishStatus = { ...base, ...planned, state: 'failed', failure };
    writeStatus(root, status);
    log('publish-failed', { release: id, code: failure.code, output: built.output.slice(-4000) });
    return { outcome: 'failed', plan, status };
  }
  // What the server reads beside the build: the withdrawn addresses, and where it came from.
  writeFileSync(join(dir, GONE_FILE), `${JSON.stringify({ paths: plan.gone })}\n`);
  writeFileSync(
    join(dir, 'release.json'),
    `${JSON.stringify({ id, commit: source.commit, builtFor: now.toISOString() })}\n`,
  );
  const pointer = switchTo(root, id, options.now?.() ?? new Date());
  const pruned = pruneReleases(root, { keep: options.keep, graceMs: options.graceMs, now });
  writeStatus(root, {
    ...planned,
    state: 'live',
    release: id,
    liveSince: pointer.at,
    publishedAt: new Date().toISOString(),
    ...(source.commit ? { commit: source.commit } : {}),
  });
  log('publish-live', { release: id, pruned });
  return { outcome: 'published', release: id, plan, changed };
}

/**
 * Makes release `id`, or publishes a news-only change into the live release's news store without
 * a build (news-only.ts: store, purge on every server, search), when the server renders the news
 * on demand and no address was newly withdrawn. Anything else rebuilds the whole site.
 */
async function rebuild(
  options: PublishOptions,
  id: string,
  now: Date,
  changed: readonly string[],
  gone: readonly string[],
): Promise<BuildResult> {
  const live = readPointer(options.releasesDir);
  const liveDir = live ? join(options.releasesDir, live.id) : undefined;
  // The round names files relative to the content folder, or a news folder kept elsewhere
  // relative to its parent (stampFiles above).
  const newsPrefix = `${
    options.newsDir.startsWith(options.contentDir)
      ? relative(options.contentDir, options.newsDir)
      : basename(options.newsDir)
  }/`;
  if (options.build === undefined && isNewsOnly(changed, liveDir, gone, newsPrefix)) {
    return publishNewsOnly({
      newsDir: options.newsDir,
      liveDir,
      now,
      approved: approvalCheck(readApprovals(join(options.releasesDir, APPROVALS_FILE))),
    });
  }
  const build = options.build ?? buildPortal(options.portalDir);
  const cache = relative(options.portalDir, join(options.releasesDir, '.cache'));
  return build({
    PORTAL_DIST: relative(options.portalDir, join(options.releasesDir, id)),
    PORTAL_CACHE_DIR: cache,
    // The build shows what is public at the round's moment, as the plan computed it.
    PORTAL_PUBLISH_NOW: now.toISOString(),
    PORTAL_APPROVALS: join(options.releasesDir, APPROVALS_FILE),
    // The build reads the portal's own news folder unless told otherwise.
    ...(options.newsDir === join(options.portalDir, 'src/content/news')
      ? {}
      : { PORTAL_NEWS_DIR: options.newsDir }),
  });
}
