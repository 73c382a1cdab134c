import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embedFrameSnippet } from '../lib/embed-snippet.ts';
import { optionsFrom, parentOrigin } from './embed-frame.ts';

describe('the iframe embed: what the frame takes from its address', () => {
  it('posts its height only to an exact http(s) origin', () => {
    expect(parentOrigin('https://www.isfahan.example')).toBe('https://www.isfahan.example');
    expect(parentOrigin('http://localhost:8080')).toBe('http://localhost:8080');
    for (const bad of [
      null,
      '',
      '*',
      'https://a.example/',
      'https://a.example/x',
      'javascript:x',
      'file:///etc',
    ]) {
      expect(parentOrigin(bad), String(bad)).toBeUndefined();
    }
    fc.assert(
      fc.property(fc.string(), (text) => {
        const origin = parentOrigin(text);
        if (origin !== undefined) expect(new URL(origin).origin).toBe(text);
      }),
    );
  });

  it('reads the script embed’s options and drops what is not an id or a colour', () => {
    const params = new URLSearchParams(
      'lang=en&province=kerman&county=a"b&programme=x-1&accent=red',
    );
    expect(optionsFrom('service-locator', params)).toEqual({
      widget: 'service-locator',
      locale: 'en',
      province: 'kerman',
      county: undefined,
      programme: 'x-1',
      accent: undefined,
    });
    expect(optionsFrom('hotlines', new URLSearchParams('lang=de')).locale).toBe('fa');
  });

  it('writes a snippet whose frame address carries the options and the host origin', () => {
    const snippet = embedFrameSnippet(
      { widget: 'service-locator', locale: 'en', province: 'kerman', accent: '#AA0000' },
      'https://portal.example',
      'https://www.kerman.example',
    );
    const src = /src="([^"]+)"/.exec(snippet)?.[1]?.replace(/&amp;/g, '&') ?? '';
    const url = new URL(src);
    expect(url.origin + url.pathname).toBe('https://portal.example/embed/service-locator/');
    expect(optionsFrom('service-locator', url.searchParams)).toMatchObject({
      locale: 'en',
      province: 'kerman',
      accent: '#aa0000',
    });
    expect(parentOrigin(url.searchParams.get('origin'))).toBe('https://www.kerman.example');
    expect(snippet).toContain(`event.origin !== "https://portal.example"`);
  });
});
