import { describe, expect, it } from 'vitest';
import { extractPage, WEIGHT } from './search-extract.ts';

const page = (body: string, lang = 'fa') =>
  `<!doctype html><html lang="${lang}"><head><title>x</title></head><body><nav>فهرست سایت</nav>${body}<footer>پانویس</footer></body></html>`;

describe('extractPage', () => {
  it('skips pages without data-pagefind-body', () => {
    expect(extractPage('/', page('<main><h1>خانه</h1></main>'))).toBeUndefined();
  });

  it('weighs the title, the lede and headings above the body', () => {
    const extracted = extractPage(
      '/news/a/',
      page(`<article data-pagefind-body data-pagefind-filter="type:news">
        <h1 data-pagefind-meta="title">عنوان خبر</h1>
        <p class="lede">خلاصه‌ی خبر</p>
        <div class="prose"><p>متن <strong>اصلی</strong></p><h2>بخش</h2><p>ادامه</p></div>
      </article>`),
    );
    expect(extracted?.runs).toEqual([
      { text: 'عنوان خبر', weight: WEIGHT.title },
      { text: 'خلاصه‌ی خبر', weight: WEIGHT.lede },
      { text: 'متن اصلی', weight: WEIGHT.body },
      { text: 'بخش', weight: WEIGHT.heading },
      { text: 'ادامه', weight: WEIGHT.body },
    ]);
    expect(extracted?.meta).toEqual({ title: 'عنوان خبر' });
    expect(extracted?.filters).toEqual({ type: ['news'] });
    expect(extracted?.language).toBe('fa');
  });

  it('leaves out navigation, footer, ignored parts and the boilerplate of each page type', () => {
    const news = extractPage(
      '/news/a/',
      page(`<article data-pagefind-body data-pagefind-filter="type:news">
        <p class="sample-notice">محتوای نمونه</p><h1>عنوان</h1>
        <dl class="facts"><dt>تاریخ انتشار</dt><dd>۱۴۰۴</dd><dt>کد خبر</dt><dd data-pagefind-filter="province:kerman">۱۲</dd></dl>
        <p>متن</p><p data-pagefind-ignore>پنهان</p><p data-pagefind-ignore="all"><span data-pagefind-filter="province:x">x</span></p>
        <section><h2 id="tags-heading">برچسب‌ها</h2><ul class="tags"><li>محله</li></ul></section>
        <section class="share">هم‌رسانی</section>
      </article><section class="related"><h2>خبرهای مرتبط</h2></section>`),
    );
    const text = news?.runs.map((run) => run.text).join(' ');
    expect(text).toBe('عنوان متن محله');
    // The filter inside the left-out facts list still counts (as with data-pagefind-ignore).
    expect(news?.filters).toEqual({ type: ['news'], province: ['kerman'] });

    const base = extractPage(
      '/directory/bases/a/',
      page(`<div data-pagefind-body data-pagefind-filter="type:base"><h1 data-pagefind-meta="title">پایگاه حصه</h1>
        <dl class="facts"><dt>نشانی</dt><dd>اصفهان</dd><dt>استان</dt><dd data-pagefind-filter="province:isfahan">اصفهان</dd></dl>
        <section><h2>تلفن</h2><ul class="phones"><li>۱۲۳ اورژانس اجتماعی</li></ul></section>
        <section><h2>خدمت‌ها</h2><ul><li>مشاوره</li><li>مددکاری</li></ul></section></div>`),
    );
    expect(base?.runs.map((run) => run.text).join(' ')).toBe(
      'پایگاه حصه اصفهان اصفهان مشاوره مددکاری',
    );
    expect(base?.filters).toEqual({ type: ['base'], province: ['isfahan'] });
  });

  it('keeps words of neighbouring cells and list items apart, decodes entities', () => {
    const extracted = extractPage(
      '/x/',
      page(
        '<main data-pagefind-body><ul><li>یک</li><li>دو</li></ul><table><tr><td>a&amp;b</td><td>c</td></tr></table></main>',
        'en-GB',
      ),
    );
    expect(extracted?.runs.map((run) => run.text)).toEqual(['یک دو a&b c']);
    expect(extracted?.language).toBe('en');
  });
});
