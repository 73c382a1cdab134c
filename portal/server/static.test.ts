import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cacheControlFor, immutable, revalidate, shortLived } from './static.ts';

describe('cacheControlFor', () => {
  it('keeps files named by their content for a year', () => {
    for (const path of [
      '/_astro/Base.CQ075YVI.css',
      '/widgets/bz-hotlines.1a2b3c4d.js',
      '/pagefind/index/fa_f18365c.pf_index',
      '/pagefind/fragment/en_134a151.pf_fragment',
      '/pagefind/filter/fa_c86783e.pf_filter',
      '/pagefind/pagefind.fa_f1b7464df3.pf_meta',
    ]) {
      expect(cacheControlFor(path), path).toBe(immutable);
    }
  });

  it('revalidates what keeps its name across builds', () => {
    for (const path of [
      '/',
      '/search/',
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-entry.json',
      '/pagefind/wasm.unknown.pagefind',
      '/pagefind/vocabulary.fa.json',
      '/data/locator/index.json',
    ]) {
      expect(cacheControlFor(path), path).toBe(revalidate);
    }
    expect(cacheControlFor('/widgets/bz-hotlines.js')).toBe(shortLived);
  });

  it('never gives a year to a Pagefind path that is not one content-named file', () => {
    const name = fc.stringMatching(/^[\w.%-]{0,12}$/);
    const folder = fc.constantFrom('index', 'fragment', 'filter', 'pagefind', '..', '');
    const extension = fc.constantFrom('index', 'fragment', 'filter', 'meta', 'js');
    const path = fc.oneof(
      // Anything at all under /pagefind/.
      fc.array(name, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/')),
      // Shaped like Pagefind's own names, with folder and extension mixed freely.
      fc
        .tuple(folder, name, extension)
        .map(([dir, file, ext]) => `${dir}/${file.replace(/[.%]/g, '')}.pf_${ext}`),
    );
    fc.assert(
      fc.property(path, (rest) => {
        if (cacheControlFor(`/pagefind/${rest}`) !== immutable) return;
        const parts = rest.split('/');
        const [dir, file = ''] = parts;
        const contentNamed =
          (parts.length === 1 && /^pagefind\.[a-z0-9_-]+\.pf_meta$/.test(dir ?? '')) ||
          (parts.length === 2 &&
            ['index', 'fragment', 'filter'].includes(dir ?? '') &&
            /^[a-z0-9_-]+\.pf_[a-z]+$/.test(file) &&
            file.endsWith(`.pf_${dir}`));
        expect(contentNamed, rest).toBe(true);
      }),
      { numRuns: 2000 },
    );
    for (const rest of [
      'index/../pagefind.js',
      'index/fa_1.pf_index/x',
      'pagefind.js.pf_meta/',
      'fragment/fa_1.pf_index',
      'INDEX/fa_1.pf_index',
    ]) {
      expect(cacheControlFor(`/pagefind/${rest}`), rest).toBe(revalidate);
    }
  });
});
