import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GONE_FILE } from '../gone.ts';
import { isNewsOnly } from './news-only.ts';

let live: string;
beforeEach(() => {
  live = mkdtempSync(join(tmpdir(), 'bz-news-only-'));
  writeFileSync(join(live, 'news.sqlite'), '');
  writeFileSync(join(live, GONE_FILE), JSON.stringify({ paths: ['/news/old/'] }));
});
afterEach(() => rmSync(live, { recursive: true, force: true }));

describe('a round publishes to the news store alone', () => {
  it('when only news files changed and the withdrawn addresses are the live ones', () => {
    expect(isNewsOnly(['news/fa/a.md', 'news/images/p.svg'], live, ['/news/old/'])).toBe(true);
    // No file changed, the plan did: a scheduled moment came, or an approval was given.
    expect(isNewsOnly([], live, ['/news/old/'])).toBe(true);
    // A news folder kept outside the content folder is named by its own folder.
    expect(isNewsOnly(['office-news/fa/a.md'], live, ['/news/old/'], 'office-news/')).toBe(true);
    expect(isNewsOnly(['office-news/fa/a.md'], live, ['/news/old/'])).toBe(false);
  });

  it('never for other content, a new withdrawal, no live release or a static build', () => {
    expect(isNewsOnly(['news/fa/a.md', 'programmes/x.yaml'], live, ['/news/old/'])).toBe(false);
    expect(isNewsOnly(['news/fa/a.md'], live, ['/news/old/', '/news/a/'])).toBe(false);
    expect(isNewsOnly(['news/fa/a.md'], live, [])).toBe(false);
    expect(isNewsOnly(['news/fa/a.md'], undefined, ['/news/old/'])).toBe(false);
    const staticBuild = join(live, 'static');
    mkdirSync(staticBuild);
    writeFileSync(join(staticBuild, GONE_FILE), JSON.stringify({ paths: ['/news/old/'] }));
    expect(isNewsOnly(['news/fa/a.md'], staticBuild, ['/news/old/'])).toBe(false);
  });
});
