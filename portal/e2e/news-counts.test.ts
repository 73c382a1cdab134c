import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { checkNewsCounts } from './news-counts.ts';
import { clientDir } from './site.ts';
import { tempCopy } from './temp.ts';

// The portal's news against its content files: the sitemap, both feeds and every page of the
// news index, each tag and each province hold exactly the items they should. Checked through the
// running server (news rendered on demand, the default build) and, for a static build
// (PORTAL_NEWS=static), on its files too. `pnpm bench scale` runs the same check
// (e2e/news-counts.ts) on generated archives of 10,000 items and more.
const newsDir = new URL('../src/content/news/', import.meta.url).pathname;
const baseUrl = inject('baseUrl');
const staticNews = existsSync(join(clientDir, 'news', 'index.html'));

describe('news pages hold exactly their items', () => {
  it('as the server answers', async () => {
    const report = await checkNewsCounts(baseUrl, newsDir);
    expect(report.problems).toEqual([]);
    expect(report.articles).toBeGreaterThan(10);
    expect(report.lists).toBeGreaterThan(10);
  });

  it.runIf(staticNews)('in the files of a static build', async () => {
    const report = await checkNewsCounts(clientDir, newsDir);
    expect(report.problems).toEqual([]);
    expect(report.articles).toBeGreaterThan(10);
  });

  it('notices an item that a list should not hold, or lacks', async () => {
    // The same check against content with one item fewer: the lists now hold one too many.
    const fewer = tempCopy(newsDir, 'news-counts');
    try {
      rmSync(join(fewer.path, 'fa', 'hesseh-service-base.md'));
      const problems = (await checkNewsCounts(baseUrl, fewer.path)).problems.join('\n');
      expect(problems).toContain('sitemap: /news/hesseh-service-base/ should not be there');
      expect(problems).toContain('fa news index: /news/hesseh-service-base/ should not be there');
    } finally {
      fewer.remove();
    }
  });
});
