// The publish command (`node --run publish -- --watch`): keeps the site in step with the content
// checkout. Each round (pipeline.ts) takes new commits, builds a new release when something
// changed and switches the running servers to it (docs/publishing.md, "How a saved item gets on
// the site"; docs/deployment.md, "Releases").
//
//   node --run publish                       one round, then exit (1 when it failed)
//   node --run publish -- --watch            rounds every --interval seconds (30), and at the
//                                            next scheduled publish moment
//   --remote origin --branch main            take the forge's commits first (fast-forward only)
//   --webhook-port 4399                      also start a round on the forge's signed push hook
//                                            (secret in PUBLISH_WEBHOOK_SECRET; --webhook-host)
//   --releases releases --keep 3 --grace 600 the releases folder, how many to keep, and how long
//                                            a replaced release's hashed files stay served
//   --content src/content                    the content folder (news: PORTAL_NEWS_DIR or
//                                            <content>/news)
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type PublishOptions, publishRound, type RoundMemory } from './pipeline.ts';
import { createWebhookServer } from './webhook.ts';

const portalDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const { values } = parseArgs({
  options: {
    watch: { type: 'boolean', default: false },
    interval: { type: 'string', default: '30' },
    remote: { type: 'string' },
    branch: { type: 'string', default: 'main' },
    releases: { type: 'string', default: process.env.PORTAL_RELEASES ?? 'releases' },
    keep: { type: 'string', default: '3' },
    grace: { type: 'string', default: '600' },
    content: { type: 'string', default: 'src/content' },
    'webhook-port': { type: 'string' },
    'webhook-host': { type: 'string', default: '127.0.0.1' },
  },
});

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number`);
  return value;
}

/** One JSON line per event, like the server's log. */
const log = (event: string, fields: Record<string, unknown> = {}) =>
  console.log(
    JSON.stringify({ time: new Date().toISOString(), service: 'publish', event, ...fields }),
  );

const releasesDir = resolve(portalDir, values.releases);
if (!releasesDir.startsWith(`${portalDir}/`)) {
  throw new Error(
    '--releases must be a folder inside portal/ (the builds look for node_modules there)',
  );
}
mkdirSync(releasesDir, { recursive: true });
const contentDir = resolve(portalDir, values.content);
const options: PublishOptions = {
  portalDir,
  releasesDir,
  contentDir,
  newsDir: process.env.PORTAL_NEWS_DIR
    ? resolve(portalDir, process.env.PORTAL_NEWS_DIR)
    : join(contentDir, 'news'),
  git: values.remote ? { remote: values.remote, branch: values.branch } : undefined,
  keep: Math.max(1, positive('keep', values.keep)),
  graceMs: positive('grace', values.grace) * 1000,
  log,
};

const memory: RoundMemory = {};
if (!values.watch) {
  const result = await publishRound(options, memory);
  log('publish-round', { outcome: result.outcome });
  process.exit(result.outcome === 'failed' ? 1 : 0);
}

let wake: (() => void) | undefined;
let pending = false;
const nudge = () => {
  pending = true;
  wake?.();
};
if (values['webhook-port']) {
  const secret = process.env.PUBLISH_WEBHOOK_SECRET ?? '';
  const hook = createWebhookServer(secret, nudge);
  hook.listen(Number(values['webhook-port']), values['webhook-host'], () =>
    log('publish-webhook', { port: values['webhook-port'] }),
  );
}
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    stopping = true;
    wake?.();
  });
}

const intervalMs = positive('interval', values.interval) * 1000;
while (!stopping) {
  pending = false;
  let next: Date | undefined;
  try {
    const result = await publishRound(options, memory);
    if (result.outcome !== 'unchanged') log('publish-round', { outcome: result.outcome });
    next = result.plan?.next;
  } catch (error) {
    log('publish-error', { error: (error as Error).message });
  }
  if (stopping || pending) continue;
  // Sleep until the next poll, or the next scheduled moment if sooner, or a webhook nudge.
  const untilNext = next ? Math.max(0, next.getTime() - Date.now()) : Number.POSITIVE_INFINITY;
  await new Promise<void>((done) => {
    const timer = setTimeout(done, Math.min(intervalMs, untilNext));
    wake = () => {
      clearTimeout(timer);
      done();
    };
  });
  wake = undefined;
}
process.exit(0);
