/** Byte budgets from the design card (min+gzip): with Lit, and for our own code alone. */
export declare const budgets: {
  withLit: number;
  withoutLit: number;
};
/**
 * Every widget: a folder `src/<name>/` with `<name>.ts` that defines `bz-<name>`.
 * @returns {{ tag: string, entry: string }[]}
 */
export declare function widgets(): {
  tag: string;
  entry: string;
}[];
/**
 * One minified ES module. With `externalLit`, Lit stays an import so the figure is our own code.
 * @param {string | string[]} entries
 * @param {{ externalLit?: boolean }} [options]
 * @returns {Promise<Uint8Array>}
 */
export declare function bundle(
  entries: string | string[],
  options?: {
    externalLit?: boolean;
  },
): Promise<Uint8Array>;
/** @param {Uint8Array} bytes */
export declare const gzipSize: (bytes: Uint8Array) => number;
