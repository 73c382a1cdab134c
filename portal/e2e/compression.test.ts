import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { rawRequest } from './raw-http.ts';
import { clientDir } from './site.ts';

// Every text file of the built site travels compressed when the client accepts it (Brotli,
// else gzip: made at build time by scripts/compress-static.ts, chosen by server/static.ts), and
// as is when it does not; either way the bytes are the file's.

const baseUrl = inject('baseUrl');
const TEXT = /\.(?:html|js|mjs|css|json|svg|xml|txt|csv|geojson|webmanifest|map|md)$/i;

function textFiles(dir = clientDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return textFiles(path);
    return TEXT.test(entry.name) && statSync(path).size > 0 ? [path] : [];
  });
}

const files = textFiles();
const url = (path: string) =>
  `${baseUrl}/${relative(clientDir, path).split('/').map(encodeURIComponent).join('/')}`;

describe('precompressed text files', () => {
  it('has a Brotli and a gzip copy of every text file of 1 kB or more', () => {
    expect(files.length).toBeGreaterThan(300);
    const missing = files.filter(
      (path) =>
        statSync(path).size >= 1024 && !(existsSync(`${path}.br`) && existsSync(`${path}.gz`)),
    );
    expect(missing.map((path) => relative(clientDir, path))).toEqual([]);
  });

  it('serves every text file as Brotli, as gzip, or as is, as the client asks', async () => {
    const failures: string[] = [];
    for (const path of files) {
      const original = readFileSync(path);
      const name = relative(clientDir, path);
      const br = await rawRequest(url(path), {
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      });
      const gz = await rawRequest(url(path), { headers: { 'accept-encoding': 'gzip' } });
      const plain = await rawRequest(url(path), { headers: { 'accept-encoding': 'identity' } });
      for (const answer of [br, gz, plain]) {
        if (answer.status !== 200) failures.push(`${name}: ${answer.status}`);
        if (answer.headers.vary?.toString().includes('Accept-Encoding') !== true) {
          failures.push(`${name}: no Vary: Accept-Encoding`);
        }
      }
      const hasBr = existsSync(`${path}.br`);
      const hasGz = existsSync(`${path}.gz`);
      if (br.headers['content-encoding'] !== (hasBr ? 'br' : hasGz ? 'gzip' : undefined)) {
        failures.push(`${name}: br answer encoded as ${br.headers['content-encoding']}`);
      }
      if (gz.headers['content-encoding'] !== (hasGz ? 'gzip' : undefined)) {
        failures.push(`${name}: gzip answer encoded as ${gz.headers['content-encoding']}`);
      }
      if (plain.headers['content-encoding'] !== undefined) {
        failures.push(`${name}: sent encoded to a client that accepts none`);
      }
      const decode = (answer: typeof br) =>
        answer.headers['content-encoding'] === 'br'
          ? brotliDecompressSync(answer.body)
          : answer.headers['content-encoding'] === 'gzip'
            ? gunzipSync(answer.body)
            : answer.body;
      for (const answer of [br, gz, plain]) {
        if (!decode(answer).equals(original)) failures.push(`${name}: bytes differ`);
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it('compresses the 404 page too', async () => {
    const answer = await rawRequest(`${baseUrl}/no/such/page/`, {
      headers: { 'accept-encoding': 'br' },
    });
    expect(answer.status).toBe(404);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(answer.body).toString()).toContain('<html');
  });
});

// Pages the server renders on demand (the news, the latest-news blocks of built pages, feeds)
// are compressed as they are written (server/app.ts), with the same negotiation.
describe('answers rendered on demand', () => {
  const onDemand = [
    '/news/',
    '/en/news/',
    '/news/ghasedak-initiative/',
    '/en/news/ghasedak-initiative/',
    '/rss.xml',
    '/sitemap-news.xml',
  ];
  it.for(onDemand)('%s travels as Brotli or gzip, or as is, as the client asks', async (path) => {
    const br = await rawRequest(`${baseUrl}${path}`, {
      headers: { 'accept-encoding': 'gzip, br' },
    });
    const gz = await rawRequest(`${baseUrl}${path}`, { headers: { 'accept-encoding': 'gzip' } });
    const plain = await rawRequest(`${baseUrl}${path}`, {
      headers: { 'accept-encoding': 'identity' },
    });
    for (const answer of [br, gz, plain]) {
      expect(answer.status).toBe(200);
      expect(String(answer.headers.vary)).toMatch(/Accept-Encoding/i);
    }
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const text = plain.body.toString();
    expect(text.length).toBeGreaterThan(1024);
    // The same page either way (the route cache answers all three from one rendering).
    expect(brotliDecompressSync(br.body).toString()).toBe(text);
    expect(gunzipSync(gz.body).toString()).toBe(text);
    expect(br.body.length).toBeLessThan(text.length / 2);
  });
});
