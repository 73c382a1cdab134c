// Size of each widget as one self-contained, minified script: what an embedding page loads.
import {
  budgets,
  bundle,
  gzipSize,
  ownCodeBudget,
  widgets,
} from '../packages/elements/scripts/bundle.mjs';

const kB = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} kB`;

/** @returns {Promise<import('./lib.mjs').Row[]>} */
export default async function widgetSizeRows() {
  const rows = [];
  for (const { tag, entry } of widgets()) {
    const full = await bundle(entry);
    const own = await bundle(entry, { externalLit: true });
    rows.push({
      figure: `${tag} script, min+gzip`,
      value: `${kB(gzipSize(full))} with Lit, ${kB(gzipSize(own))} without`,
      note: `budgets ${kB(budgets.withLit)} / ${kB(budgets.withoutLit)}${ownCodeBudget(tag) > budgets.withoutLit ? ` (over: held at ${kB(ownCodeBudget(tag))} meanwhile)` : ''}`,
    });
  }
  return rows;
}
