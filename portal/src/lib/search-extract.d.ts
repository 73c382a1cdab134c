/**
 * What the search indexes of one built page: the text inside its `data-pagefind-body` element,
 * as runs of equal weight, with the `data-pagefind-filter` and `data-pagefind-meta` values.
 *
 * The indexer reads the built HTML itself rather than through Pagefind (scripts/index-search.ts
 * explains why). It follows Pagefind's attributes (`data-pagefind-body`, `-ignore`, `-weight`,
 * `-filter`, `-meta`) and adds the portal's own rules: the title weighs most, then the lede;
 * boilerplate that repeats on every page of a kind is left out (EXCLUDE).
 */
export interface TextRun {
    text: string;
    /** Pagefind weight: 1 for body text, more for the title, lede and headings. */
    weight: number;
}
export interface ExtractedPage {
    url: string;
    language: string;
    runs: TextRun[];
    meta: Record<string, string>;
    filters: Record<string, string[]>;
}
/** Weights (Pagefind's scale, 0–10; body text is 1). */
export declare const WEIGHT: {
    readonly title: 10;
    readonly lede: 5;
    readonly heading: 3;
    readonly body: 1;
};
/** Extracts the searchable parts of one built page; undefined when it has no indexed body. */
export declare function extractPage(url: string, html: string): ExtractedPage | undefined;
