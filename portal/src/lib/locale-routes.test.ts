import { describe, expect, it } from 'vitest';
import { routeLocale } from './locale-routes.ts';

describe('routeLocale', () => {
  it('is en for patterns under /en/ (with or without the leading slash), fa for the rest', () => {
    for (const pattern of ['/en/news/[slug]', 'en/news/[...page]', '/en']) {
      expect(routeLocale(pattern), pattern).toBe('en');
    }
    for (const pattern of ['/news/[slug]', '/directory/bases/[id]', '/english/x', '/news/en/x']) {
      expect(routeLocale(pattern), pattern).toBe('fa');
    }
  });
});
