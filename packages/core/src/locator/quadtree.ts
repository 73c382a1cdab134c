// Chunking by quadtree cell. A fixed root square over Iran is split in four until each cell
// holds at most `maxRecords` bases, so dense cities get small cells and deserts large ones,
// and every chunk costs about the same number of bytes. Cell keys depend only on positions,
// not on the rest of the data, so an edit in Ardabil leaves Kerman's chunk files unchanged.

import type { Box } from './format.ts';

/** The root square: lat 24–44, lng 44–64 covers Iran's extent (24–40.5, 44–63.5) with margin. */
export const DEFAULT_ROOT = { south: 24, west: 44, size: 20 } as const;

/** A root square: south-west corner and side length in degrees. */
export interface Root {
  south: number;
  west: number;
  size: number;
}

/** The cell a key names: key `q` is the root; each further digit picks a quarter (1 = east, 2 = north). */
export function cellBox(key: string, root: Root = DEFAULT_ROOT): Box {
  let { south, west } = root;
  let size = root.size;
  for (const digit of key.slice(1)) {
    size /= 2;
    const quarter = Number(digit);
    if (quarter & 1) west += size;
    if (quarter & 2) south += size;
  }
  return { south, west, north: south + size, east: west + size };
}

/** Options of {@link partition}. */
export interface PartitionOptions {
  /** Split a cell holding more than this many items. */
  maxRecords: number;
  /** Never split below this depth (at 16 a cell is ~30 m); a denser spot stays one chunk. */
  maxDepth: number;
  root?: Root;
}

/**
 * Splits items into quadtree leaves. Items outside the root land in the nearest border cell
 * (the schema keeps bases inside Iran, so this only guards the build against surprises).
 * Returns the non-empty leaves, keyed and in key order.
 */
export function partition<T>(
  items: readonly T[],
  position: (item: T) => { lat: number; lng: number },
  options: PartitionOptions,
): { key: string; items: T[] }[] {
  const root = options.root ?? DEFAULT_ROOT;
  const leaves: { key: string; items: T[] }[] = [];
  const split = (key: string, box: Box, members: T[], depth: number) => {
    if (members.length === 0) return;
    if (members.length <= options.maxRecords || depth >= options.maxDepth) {
      leaves.push({ key, items: members });
      return;
    }
    const midLat = (box.south + box.north) / 2;
    const midLng = (box.west + box.east) / 2;
    const quarters: T[][] = [[], [], [], []];
    for (const item of members) {
      const p = position(item);
      // On a border a base belongs to the north/east cell; the chunk's bbox is computed from
      // its records, so the choice never affects correctness, only which file holds it.
      quarters[(p.lng >= midLng ? 1 : 0) + (p.lat >= midLat ? 2 : 0)]?.push(item);
    }
    quarters.forEach((quarter, q) => {
      split(`${key}${q}`, cellBox(`${key}${q}`, root), quarter, depth + 1);
    });
  };
  split('q', cellBox('q', root), [...items], 0);
  return leaves.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
