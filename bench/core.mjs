// Core figures: nearest search over a national-scale dataset and Persian normalization speed.
import { createGeoIndex, nearest } from '../packages/core/src/geo.ts';
import { normalizeForSearch } from '../packages/core/src/text.ts';
import { iranPoints, percentile, plainSortMicros, time } from './lib.mjs';

/** @returns {Promise<import('./lib.mjs').Row[]>} */
export default async function coreRows() {
  const points = iranPoints(50_000, 1);
  const queries = iranPoints(2_000, 2);
  const { ms: buildMs, result: index } = time(() => createGeoIndex(points));
  const indexed = queries.map((query) => time(() => nearest(index, query, 10)).ms * 1000);
  const sorted = plainSortMicros(points, queries.slice(0, 200));

  const words = ['پایگاه‌های خدمات اجتماعی', 'كرمان — منوجان', 'بهزيستی ۱۴۰۳', 'حصه و ارزنان'];
  const inputs = Array.from({ length: 100_000 }, (_, i) => `${words[i % words.length]} ${i}`);
  const { ms: normalizeMs } = time(() => {
    for (const input of inputs) normalizeForSearch(input);
  });

  return [
    { figure: 'geo index build, 50,000 bases', value: `${buildMs.toFixed(1)} ms` },
    {
      figure: 'nearest 10 of 50,000 (kd-tree)',
      value: `${percentile(indexed, 50).toFixed(1)} µs median, ${percentile(indexed, 99).toFixed(1)} µs p99`,
      note: `${queries.length} queries`,
    },
    {
      figure: 'nearest 10 of 50,000 (plain sort)',
      value: `${(percentile(sorted, 50) / 1000).toFixed(1)} ms median`,
      note: `${sorted.length} queries; the baseline`,
    },
    {
      figure: 'normalizeForSearch',
      value: `${Math.round(inputs.length / (normalizeMs / 1000)).toLocaleString('en')} strings/s`,
    },
  ];
}
