import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planNews, readVisibility } from './plan.ts';

let newsDir: string;
const item = (fields: string) =>
  `---\ntitle: t\nsummary: s\n${fields}\ncode: 1\noffice: o\n---\n\nText.\n`;

beforeAll(() => {
  newsDir = mkdtempSync(join(tmpdir(), 'bz-plan-'));
  mkdirSync(join(newsDir, 'fa'));
  mkdirSync(join(newsDir, 'en'));
  const files: Record<string, string> = {
    'fa/old.md': item('date: 1403-05-12'),
    'fa/withdrawn.md': item('date: 1403-05-12\nstatus: withdrawn'),
    'en/withdrawn.md': item('date: 2024-08-02\nstatus: withdrawn\nlang: en'),
    'fa/draft.md': item('date: 1403-05-12\ndraft: true'),
    'fa/review.md': item('date: 1403-05-12\nstatus: review'),
    'fa/soon.md': item('date: ۱۴۰۶/۰۱/۰۱\ntime: "۰۹:۳۰"'),
    'fa/later.md': item('date: 1406-02-01'),
    'fa/broken.md': item('date: 1404/13/40'),
    'fa/Not_A_Slug.md': item('date: 1403-05-12\nstatus: withdrawn'),
  };
  for (const [path, text] of Object.entries(files)) writeFileSync(join(newsDir, path), text);
});
afterAll(() => rmSync(newsDir, { recursive: true, force: true }));

describe('planNews', () => {
  it('lists withdrawn addresses, the next scheduled moment and the items in review', () => {
    const plan = planNews(newsDir, new Date('2026-12-05T12:00:00Z'));
    expect(plan.gone).toEqual(['/news/withdrawn/', '/en/news/withdrawn/']);
    // 1406/01/01 09:30 in Tehran (Persian digits are read too).
    expect(plan.next?.toISOString()).toBe('2027-03-21T06:00:00.000Z');
    expect(plan.inReview).toBe(1);
  });

  it('changes its key when a scheduled moment passes or an approval arrives, not otherwise', () => {
    const before = planNews(newsDir, new Date('2027-03-21T05:59:00Z'));
    expect(planNews(newsDir, new Date('2027-03-21T05:59:59Z')).publicKey).toBe(before.publicKey);
    const after = planNews(newsDir, new Date('2027-03-21T06:00:00Z'));
    expect(after.publicKey).not.toBe(before.publicKey);
    expect(after.next?.toISOString()).toBe('2027-04-20T20:30:00.000Z');
    const approved = planNews(
      newsDir,
      new Date('2027-03-21T06:00:00Z'),
      (id) => id === 'fa/review',
    );
    expect(approved.publicKey).not.toBe(after.publicKey);
    expect(approved.inReview).toBe(0);
  });

  it('leaves files the build would refuse to the build', () => {
    expect(readVisibility(item('date: 1404/13/40'))).toBeUndefined();
    expect(readVisibility('no front matter')).toBeUndefined();
    expect(readVisibility('---\n: : :\n---\n')).toBeUndefined();
    expect(readVisibility(item('date: 1403-05-12\ntime: "25:00"'))).toBeUndefined();
    expect(readVisibility(item('date: 1403-05-12'))).toMatchObject({ status: 'published' });
  });
});
