import { describe, expect, inject, it } from 'vitest';
import { sharedBrowser, sharedContext } from './browser.ts';
import { sitemapPaths } from './site.ts';

// A citizen who reads "coming soon" or "under construction" leaves, even when the service works
// one click away (issue 16). Every page of the sitemap, in fa and en, is opened in a real browser
// and its visible text — widgets' shadow roots included, the page title and description too — is
// checked for placeholder wording in either language (an English page can quote Persian).

/** Phrases that announce something missing instead of offering it. */
const placeholderWording: Record<'fa' | 'en', RegExp[]> = {
  fa: [
    /در (?:حال|دست) (?:ساخت|تهیه|احداث|راه اندازی)/,
    /به? ?زودی/,
    /نسخه ?(?:ی )?آزمایشی/,
    /لورم ایپسوم/,
    /متن (?:موقت|آزمایشی)/,
  ],
  en: [
    /coming soon/i,
    /under construction/i,
    /being built/i,
    /work in progress/i,
    /lorem ipsum/i,
    /placeholder/i,
    /to be (?:announced|added|confirmed)/i,
    /preview version/i,
    /\b(?:TODO|TBD|FIXME)\b/,
  ],
};

/**
 * Text as the patterns expect it: Arabic yeh and kaf as Persian, zero-width non-joiners and
 * runs of spaces as one space, so «به‌زودی», «به زودی» and «بزودی» all match.
 */
function normalizeWording(text: string): string {
  return text
    .replace(/ي/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[\u200c\u200f\u200e\s]+/g, ' ');
}

/** Every phrase of either list found in `text` (as matched). */
function placeholdersIn(text: string): string[] {
  const normal = normalizeWording(text);
  return [...placeholderWording.fa, ...placeholderWording.en].flatMap((pattern) => {
    const match = pattern.exec(normal);
    return match ? [match[0]] : [];
  });
}

const baseUrl = inject('baseUrl');
const context = sharedContext(sharedBrowser());

describe('the wording check itself', () => {
  it.each([
    ['این درگاه در حال ساخت است.'],
    ['به‌زودی می‌توانید'],
    ['بزودی'],
    ['سازمان بهزیستی — نسخه‌ی آزمایشی'],
    ['This portal is being built.'],
    ['Coming soon: the locator'],
    ['TODO write this'],
  ])('finds placeholder wording in %s', (text) => {
    expect(placeholdersIn(text)).not.toEqual([]);
  });

  it.each([
    ['نزدیک‌ترین پایگاه خدمات بهزیستی را پیدا کنید'],
    ['این خبر نمونه است.'],
    ['Find your nearest service base.'],
    ['A todo list of documents'],
  ])('lets ordinary wording through: %s', (text) => {
    expect(placeholdersIn(text)).toEqual([]);
  });
});

describe('no page says it is unfinished', () => {
  const paths = sitemapPaths();

  it('the sitemap lists pages in both languages', () => {
    expect(paths.some((path) => path.startsWith('/en/'))).toBe(true);
    expect(paths.some((path) => !path.startsWith('/en/'))).toBe(true);
  });

  it.concurrent.for(paths)('%s', async (path, { expect }) => {
    const page = await context.newPage();
    const response = await page.goto(baseUrl + encodeURI(path), { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    const text = await page.evaluate(() => {
      const parts = [
        document.title,
        document.querySelector<HTMLMetaElement>('meta[name="description"]')?.content ?? '',
      ];
      // Visible text nodes of the document and of every open shadow root inside it.
      const walk = (root: Document | ShadowRoot) => {
        const walker = document.createTreeWalker(
          root,
          NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT,
        );
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
          if (node.nodeType !== Node.TEXT_NODE) continue;
          const parent = node.parentElement;
          if (parent && !['SCRIPT', 'STYLE'].includes(parent.tagName) && parent.checkVisibility())
            parts.push(node.textContent ?? '');
        }
      };
      walk(document);
      return parts.join(' ');
    });
    expect(text.length).toBeGreaterThan(0);
    expect(placeholdersIn(text)).toEqual([]);
    await page.close();
  });
});
