import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unescapeTypedMarkdown } from './typed-markdown.ts';

describe('unescapeTypedMarkdown', () => {
  it.each([
    ['\\## میان‌تیتر', '## میان‌تیتر'],
    ['\\#\\## سه', '### سه'],
    ['\\# یک', '# یک'],
    ['\\- بند یک\n\\- بند دو', '- بند یک\n- بند دو'],
    ['\\* بند', '* بند'],
    ['1\\. نخست', '1. نخست'],
    ['\\> نقل قول', '> نقل قول'],
    ['این \\*\\*مهم\\*\\* است', 'این **مهم** است'],
    ['این \\*کج\\* است', 'این *کج* است'],
    ['این \\_کج\\_ است', 'این _کج_ است'],
    ['\\[پیوند](https://example.org/a)', '[پیوند](https://example.org/a)'],
    ['\\[پیوند\\](https://example.org/a)', '[پیوند](https://example.org/a)'],
  ])('%j → %j', (typed, saved) => {
    expect(unescapeTypedMarkdown(typed)).toBe(saved);
  });

  it('leaves other text, and Markdown already written as Markdown, as it is', () => {
    for (const text of [
      '## میان‌تیتر\n\nمتن **پررنگ** و *کج*.',
      'قیمت ۵\\*۳ است',
      'هشتگ \\#بهزیستی',
      'C:\\\\folder',
      '',
    ]) {
      expect(unescapeTypedMarkdown(text)).toBe(text);
    }
  });

  it('is idempotent and never adds or drops a line', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '\\',
            '#',
            '*',
            '_',
            '-',
            ' ',
            '\n',
            'ا',
            'b',
            '1',
            '.',
            '[',
            ']',
            '(',
            ')',
            '>',
          ),
        ),
        (chars) => {
          const text = chars.join('');
          const once = unescapeTypedMarkdown(text);
          expect(unescapeTypedMarkdown(once)).toBe(once);
          expect(once.split('\n').length).toBe(text.split('\n').length);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
