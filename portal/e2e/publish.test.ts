import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hashSecret } from '@behzisti/feedback-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PublishOptions, publishRound, type RoundMemory } from '../server/publish/pipeline.ts';
import { readStatus } from '../server/publish/status.ts';
import { readPointer } from '../server/releases.ts';
import { postJson, staffCookie } from './api.ts';
import { makeTestStaff, type PortalServer, startPortalServer } from './server.setup.ts';
import { releasesOfBuild, type TempFolder, tempCopy } from './temp.ts';

// The publish pipeline end to end, with the real build: a running server in release mode is
// polled (pages, their hashed files, the comments API, health) in loops while the pipeline builds
// a new release from changed news and switches to it; then a build that fails. No answer may be
// a 5xx, no page may miss one of its files, the new content must arrive without a restart, and
// the failed build must leave the live release serving and say what failed in the status.

const portalDir = resolve(new URL('..', import.meta.url).pathname);
const sourceNews = join(portalDir, 'src/content/news');
const article = '/news/ghasedak-initiative/';
const newTitle = 'طرح قاصدک به ۷۲۰۰ مددجو رسید (نسخه‌ی تازه)';

let releases: TempFolder;
let releasesDir: string;
let news: TempFolder;
let newsDir: string;
let server: PortalServer;
let options: PublishOptions;
const memory: RoundMemory = {};
/** A publisher (admin) and a moderator, who may not publish. */
let publisher: { name: string; secret: string };
const moderator = { name: 'e2e-moderator', secret: 'moderator-secret-of-this-run-0123456789' };

function edit(file: string, change: (text: string) => string): void {
  const path = join(newsDir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

beforeAll(async () => {
  // The first release is the build under test.
  releases = releasesOfBuild('publish');
  releasesDir = releases.path;
  news = tempCopy(sourceNews, 'publish-news');
  newsDir = news.path;
  const staff = await makeTestStaff();
  publisher = staff;
  server = await startPortalServer(undefined, {
    FEEDBACK_STAFF: `${staff.config},${moderator.name}:moderator:${await hashSecret(moderator.secret)}`,
    PORTAL_NEWS_DIR: newsDir,
    PORTAL_RELEASES: releasesDir,
    PORTAL_RELEASE_GRACE_SECONDS: '600',
  });
  options = {
    portalDir,
    releasesDir,
    contentDir: join(portalDir, 'src/content'),
    newsDir,
    keep: 2,
    graceMs: 600_000,
  };
}, 60_000);

afterAll(() => {
  server?.stop();
  releases?.remove();
  news?.remove();
});

/** The hashed files a page asks for. */
const assetsOf = (html: string) => [
  ...new Set([...html.matchAll(/(?:href|src)="(\/_astro\/[^"]+)"/g)].map((m) => m[1] as string)),
];

interface Watch {
  stop: () => Promise<void>;
  failures: string[];
  titles: Set<string>;
  requests: () => number;
}

/** Four loops asking the server what a reader and the page's own scripts would ask. */
function watchServer(baseUrl: string): Watch {
  const failures: string[] = [];
  const titles = new Set<string>();
  let requests = 0;
  let running = true;
  const get = async (path: string) => {
    requests += 1;
    const response = await fetch(`${baseUrl}${path}`, { headers: { 'accept-encoding': 'br' } });
    const body = await response.text();
    if (response.status >= 500) failures.push(`${path}: ${response.status}`);
    return { response, body };
  };
  const page = async (path: string) => {
    const { response, body } = await get(path);
    if (response.status !== 200) failures.push(`${path}: ${response.status}`);
    const title = /<h1[^>]*>([^<]+)</.exec(body)?.[1];
    if (path === article && title) titles.add(title.trim());
    // Every file the page names must be there, whichever release answered the page.
    for (const asset of assetsOf(body)) {
      const file = await get(asset);
      if (file.response.status !== 200)
        failures.push(`${asset} of ${path}: ${file.response.status}`);
    }
  };
  const loops = [
    async () => page(article),
    async () => page('/'),
    async () => {
      const { response } = await get('/api/comments?article=fa/ghasedak-initiative');
      if (response.status !== 200) failures.push(`/api/comments: ${response.status}`);
      // Within the comments API's read limit for one address (5 a second).
      await new Promise((done) => setTimeout(done, 250));
    },
    async () => {
      const { response } = await get('/api/health');
      if (response.status !== 200) failures.push(`/api/health: ${response.status}`);
    },
  ].map(async (step) => {
    while (running) {
      try {
        await step();
      } catch (error) {
        failures.push(`request failed: ${(error as Error).message}`);
      }
      // A short breath: the machine builds the release meanwhile.
      await new Promise((done) => setTimeout(done, 10));
    }
  });
  return {
    failures,
    titles,
    requests: () => requests,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

describe('publish pipeline', () => {
  it('builds a new release and switches the running server to it without one failed request', async () => {
    edit('fa/ghasedak-initiative.md', (text) => text.replace(/^title: .*$/m, `title: ${newTitle}`));
    // Withdrawn: off the site, and its address answers 410.
    edit('fa/hesseh-service-base.md', (text) => text.replace(/^---\n/, '---\nstatus: withdrawn\n'));
    // Scheduled far ahead: nowhere on the site yet.
    writeFileSync(
      join(newsDir, 'fa/scheduled-e2e.md'),
      '---\ntitle: خبری برای آینده\nsummary: این خبر هنوز نباید دیده شود.\ndate: 1410/01/01\ntime: "09:30"\ncode: 999001\noffice: روابط عمومی\n---\n\nمتن خبر.\n',
    );
    // Two items sent for review; a publisher approves one of them.
    const review = (slug: string, code: number) =>
      writeFileSync(
        join(newsDir, `fa/${slug}.md`),
        `---\ntitle: خبر ${slug}\nsummary: خبری که باید تأیید شود.\ndate: 1404-09-01\nstatus: review\ncode: ${code}\noffice: روابط عمومی\n---\n\nمتن خبر.\n`,
      );
    review('approved-e2e', 999002);
    review('waiting-e2e', 999003);
    // Signed in as staff through the inbox's own sign-in.
    const cookies = {
      publisher: await staffCookie(server.baseUrl, publisher),
      moderator: await staffCookie(server.baseUrl, moderator),
    };
    const approve = (id: string, cookie?: string) =>
      postJson(`${server.baseUrl}/api/publish/approvals`, { id }, cookie ? { cookie } : {});
    expect((await approve('fa/approved-e2e')).status).toBe(401);
    expect((await approve('fa/approved-e2e', cookies.moderator)).status).toBe(403);
    expect((await approve('fa/ghasedak-initiative', cookies.publisher)).status).toBe(409);
    expect((await approve('fa/../../secret', cookies.publisher)).status).toBe(400);
    // A second account: the writer's save of this text is recorded (the editor does it after a
    // save; here the file was written by hand, so the moderator records it as theirs).
    const saved = await fetch(`${server.baseUrl}/api/publish/saves`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookies.moderator },
      body: JSON.stringify({ id: 'fa/approved-e2e' }),
    });
    expect(saved.status).toBe(201);
    const approved = await approve('fa/approved-e2e', cookies.publisher);
    expect(approved.status).toBe(201);
    expect(await approved.json()).toMatchObject({ id: 'fa/approved-e2e', by: publisher.name });

    const before = readPointer(releasesDir)?.id;
    const oldPage = await (await fetch(`${server.baseUrl}${article}`)).text();
    const oldTitle = /<h1[^>]*>([^<]+)</.exec(oldPage)?.[1]?.trim();
    expect(oldTitle).toBe('طرح قاصدک به ۷۲۰۰ مددجو رسید');
    const watch = watchServer(server.baseUrl);
    const round = await publishRound(options, memory);
    expect(round.outcome).toBe('published');
    await expect
      .poll(async () => (await fetch(`${server.baseUrl}${article}`)).text(), { timeout: 15_000 })
      .toContain('نسخه‌ی تازه');
    // The article's own loop reaches the new release too (on a busy machine one pass of it, the
    // page and its twenty-odd files, takes a while), then every loop goes on a little longer.
    await expect.poll(() => watch.titles.has(newTitle), { timeout: 120_000 }).toBe(true);
    const after = watch.requests();
    await expect.poll(() => watch.requests() - after, { timeout: 60_000 }).toBeGreaterThan(20);
    await watch.stop();

    expect(watch.failures).toEqual([]);
    expect(readPointer(releasesDir)?.id).not.toBe(before);
    // Both builds answered the loops: the old title, then the new one.
    expect([...watch.titles].sort()).toEqual([oldTitle, newTitle].sort());

    const gone = await fetch(`${server.baseUrl}/news/hesseh-service-base/`);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain('این خبر برداشته شده است');
    const scheduled = await fetch(`${server.baseUrl}/news/scheduled-e2e/`);
    expect(scheduled.status).toBe(404);
    expect((await fetch(`${server.baseUrl}/news/approved-e2e/`)).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/news/waiting-e2e/`)).status).toBe(404);
    for (const path of ['/news/', '/rss.xml', '/sitemap-0.xml']) {
      const text = await (await fetch(`${server.baseUrl}${path}`)).text();
      expect(text, path).not.toContain('scheduled-e2e');
      expect(text, path).not.toContain('خبری برای آینده');
      expect(text, path).not.toContain('waiting-e2e');
      expect(text, path).not.toMatch(/(?<!\/en)\/news\/hesseh-service-base\//);
    }
    const status = readStatus(releasesDir);
    expect(status).toMatchObject({
      state: 'live',
      release: readPointer(releasesDir)?.id,
      inReview: 1,
    });
    // The pipeline's next round is due when the scheduled item goes live (09:30 Tehran).
    expect(status?.next).toBe('2031-03-21T06:00:00.000Z');
  }, 600_000);

  it('keeps the live release when a build fails, and says what failed in Persian and English', async () => {
    const live = readPointer(releasesDir)?.id;
    edit('fa/ghasedak-initiative.md', (text) => text.replace(/^date: .*$/m, 'date: 1404/13/40'));
    const round = await publishRound(options, memory);
    expect(round.outcome).toBe('failed');
    expect(readPointer(releasesDir)?.id).toBe(live);
    const status = readStatus(releasesDir);
    expect(status?.state).toBe('failed');
    expect(status?.release).toBe(live);
    expect(status?.failure).toMatchObject({
      code: 'CONTENT_INVALID',
      file: 'news/fa/ghasedak-initiative.md',
      field: 'date',
    });
    expect(status?.failure?.fa).toContain('تاریخ انتشار');
    for (const text of [status?.failure?.fa, status?.failure?.en]) {
      expect(text).not.toMatch(/API_ERROR|\/tmp\/|\/releases-e2e|\/src\/content|Error\]/);
    }
    // The site is still the live release.
    const page = await fetch(`${server.baseUrl}${article}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('نسخه‌ی تازه');
    // The same content is not built again until something changes.
    expect((await publishRound(options, memory)).outcome).toBe('unchanged');
  }, 300_000);
});
