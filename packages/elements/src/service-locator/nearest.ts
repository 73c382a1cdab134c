import type { LatLng } from '@behzisti/core/geo';
import {
  chunkUrl,
  type LocatorIndex,
  type LocatorRecord,
  locateNearest,
  type NearestBase,
  parseChunk,
} from '@behzisti/core/locator';
import { filterOf } from './scope.ts';
import type { ReadFile } from './search.ts';
import type { Scope } from './types.ts';

// The nearest search, part of the answer add-on (answer.ts) with core's chunk planning and chunk
// reader: the first screen (the ways to ask) needs neither. The widget asks for the add-on
// together with the index, so a question never waits a round trip for it.
// What it gets crosses between two separately built scripts: plain arguments, no object whose
// property names scripts/bundle.mjs's internalNames shortens.

/**
 * The `count` nearest bases to `position` within `scope`, reading the chunks it needs in `lang`
 * once each (`read` is the data's file cache, `loaded` the chunks read so far in `lang`). Within
 * a province only that province's chunks are read (format 2 keeps each province's bases in its
 * own chunks).
 */
export async function nearestBases(
  read: ReadFile,
  loaded: Map<string, readonly LocatorRecord[]>,
  index: LocatorIndex,
  indexUrl: string,
  lang: string,
  position: LatLng,
  count: number,
  scope: Scope,
  warn: (text: string) => void,
): Promise<NearestBase[]> {
  const filter = filterOf(scope);
  const inProvince = scope.province && index.chunks.every((chunk) => chunk.province);
  const { results } = await locateNearest(
    index,
    position,
    count,
    async ({ key }) => {
      const chunk = await read(chunkUrl(index, indexUrl, key, lang), parseChunk);
      if (chunk.skipped > 0) warn(`skipped ${chunk.skipped} unusable record(s) in chunk ${key}`);
      return chunk.records;
    },
    loaded,
    {
      ...(filter ? { filter } : {}),
      ...(inProvince ? { chunks: (chunk) => chunk.province === scope.province } : {}),
    },
  );
  return results;
}
