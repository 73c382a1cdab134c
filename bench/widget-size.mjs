// Size of each widget as one self-contained, minified script: what an embedding page loads.
import {
  budgets,
  bundle,
  bundleFiles,
  gzipSize,
  ownCodeBudget,
  widgetCeiling,
  widgets,
} from '../packages/elements/scripts/bundle.mjs';

const kB = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} kB`;

/** @returns {Promise<import('./lib.mjs').Row[]>} */
export default async function widgetSizeRows() {
  const rows = [];
  for (const { tag, entry } of widgets()) {
    const full = await bundle(entry);
    const [own, ...translations] = await bundleFiles(entry, { externalLit: true, name: tag });
    const english = translations.find(({ file }) => file.startsWith(`${tag}.en.`));
    rows.push({
      figure: `${tag} script, min+gzip`,
      value: `${kB(gzipSize(full))} with Lit, ${kB(gzipSize(own?.code ?? new Uint8Array()))} without; English file ${kB(gzipSize(english?.code ?? new Uint8Array()))}`,
      note: `ceiling ${kB(widgetCeiling(tag))}; budgets ${kB(budgets.withLit)} / ${kB(budgets.withoutLit)}${ownCodeBudget(tag) > budgets.withoutLit ? ` (over: held at ${kB(ownCodeBudget(tag))} meanwhile)` : ''}`,
    });
  }
  return rows;
}
