// The sample dataset for the stories, built in the browser from the real files the organisation
// edits (portal/src/content/service-bases/*.yaml) with core's own validation and build, and
// served to the element through its `loader` property: no generated files and no staticDirs.
// Stories only: this pulls in zod and the YAML parser, which the widget itself never loads.
import { buildLocatorData, validateServiceBases } from '@behzisti/core/locator';
// The YAML parser directly (its browser build is picked by the bundler): core's own file reader
// also pulls a CSV parser that needs Node's Buffer.
import * as YAML from 'yaml';
import type { LocatorLoader } from './service-locator.ts';

declare global {
  interface ImportMeta {
    glob<T>(
      pattern: string,
      options: { eager: true; import: 'default'; query?: string },
    ): Record<string, T>;
  }
}

const sources = import.meta.glob<string>('../../../../portal/src/content/service-bases/*.yaml', {
  eager: true,
  import: 'default',
  query: '?raw',
});

const parseAllDocuments = (YAML as { parseAllDocuments(text: string): { toJS(): unknown }[] })
  .parseAllDocuments;

const files = buildLocatorData(
  validateServiceBases(
    Object.values(sources).flatMap((text) =>
      parseAllDocuments(text).flatMap((doc) => {
        const value = doc.toJS();
        return Array.isArray(value) ? value : [value];
      }),
    ),
  ).bases,
  { generated: '2026-11-23', maxRecordsPerChunk: 8 },
).files;

/** The index URL the stories use; every other file resolves against it. */
export const storySrc = 'https://data.example/locator/index.json';

/** Serves the built files by URL, like a static host would (a copy of each, as fetch gives). */
export const sampleLoader: LocatorLoader = async (url) => {
  const path = new URL(url).pathname.replace('/locator/', '');
  const text = files.get(path);
  if (text === undefined)
    throw Object.assign(new Error(`${path} not found`), { code: 'not-found' });
  return JSON.parse(text);
};

/** An index with no bases at all: the empty state. */
export const emptyLoader: LocatorLoader = async (url, options) => {
  const json = (await sampleLoader(url, options)) as Record<string, unknown>;
  return url.includes('index.json') ? { ...json, chunks: [], count: 0 } : json;
};

/** Never answers: the loading state. */
export const pendingLoader: LocatorLoader = () => new Promise(() => {});

/** The server fails: the error state with its retry button. */
export const failingLoader: LocatorLoader = async () => {
  throw Object.assign(new Error('test'), { code: 'server' });
};
