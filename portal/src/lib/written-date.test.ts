import { describe, expect, it } from 'vitest';
import { writtenDate } from './written-date.ts';

const file = (date: string) =>
  `---\ntitle: x\ndate: ${date}\ncode: 1\n---\n\nbody date: 2000-01-01\n`;

describe('writtenDate', () => {
  it.each([
    ['1403-02-31', '1403-02-31'],
    ["'1403-02-31'", '1403-02-31'],
    ['"۱۴۰۳/۰۲/۳۱"', '۱۴۰۳/۰۲/۳۱'],
    ['2024-08-02 # published in the morning', '2024-08-02'],
    ['2024-08-02T10:00:00Z', '2024-08-02T10:00:00Z'],
  ])('reads %s as %s', (written, expected) => {
    expect(writtenDate(file(written))).toBe(expected);
  });

  it('reads only the front matter', () => {
    expect(writtenDate('---\ntitle: x\n---\ndate: 2000-01-01\n')).toBeUndefined();
    expect(writtenDate('no front matter')).toBeUndefined();
  });
});
