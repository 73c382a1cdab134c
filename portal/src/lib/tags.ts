import { normalizeForSearch } from '@behzisti/core/text';

/**
 * The one place a tag's address is made. Persian tags arrive in several spellings that look the
 * same on screen: typed on an Arabic keyboard (ي, ك, common on Windows), with a space, a
 * zero-width non-joiner or a hyphen between a stem and its suffix («برنامه‌ها», «برنامه ها»), in
 * Persian, Arabic-Indic or Latin digits. Each spelling used to get its own tag page that looked
 * identical to the other; now they share one slug, and the editor stores the tidy spelling.
 */

/** Joiners and separators a writer may put between two parts of one tag. */
const SEPARATORS_RE = /(?:[\s\-_‐‑‒–—]|\u200B|\u200C|\u200D)+/gu;
/** Characters that would break a path segment. */
const UNSAFE_RE = /[/?#%\\]/g;

/**
 * A tag's URL segment: core's Persian normaliser (ي/ك → ی/ک, digits → Latin, harakat and
 * tatweel dropped, NFKC, lower case), with a ZWNJ, a space or a hyphen between parts all made
 * one hyphen. Idempotent; the empty string means "no tag" (nothing to link to).
 */
export function canonicalTag(tag: string): string {
  // Separators become spaces before normalising (which deletes joiners) and again after (NFKC
  // can make new ones, e.g. from a full-width hyphen), so the result is a fixed point.
  return normalizeForSearch(tag.replace(SEPARATORS_RE, ' '))
    .replace(UNSAFE_RE, '')
    .replace(SEPARATORS_RE, ' ')
    .split(' ')
    .filter((part) => part !== '')
    .join('-');
}

/**
 * For a tag page rendered on demand: the canonical slug when the address asked for another
 * spelling of it (redirect there with 301), undefined when the address is already canonical or
 * names no tag.
 */
export function canonicalTagRedirect(requestedSlug: string): string | undefined {
  const canonical = canonicalTag(requestedSlug);
  return canonical !== '' && canonical !== requestedSlug ? canonical : undefined;
}

/** Arabic letters of the same sound to the Persian ones a Persian keyboard writes. */
const ARABIC_TO_PERSIAN: Readonly<Record<string, string>> = {
  '\u064A': 'ی', // ي
  '\u0649': 'ی', // ى
  '\u0643': 'ک', // ك
};

/**
 * A tag as the editor stores it and the page shows it: NFC, Arabic ي/ى/ك as Persian ی/ک, one
 * space between words, no joiner next to a space, trimmed. Unlike the slug it keeps the
 * writer's ZWNJs, آ and digits, which are right for display.
 */
export function tidyTag(tag: string): string {
  return tag
    .normalize('NFC')
    .replace(/[\u064A\u0649\u0643]/g, (ch) => ARABIC_TO_PERSIAN[ch] ?? ch)
    .replace(/\u200C*\s+\u200C*/gu, ' ')
    .replace(/\u200C{2,}/g, '\u200C')
    .trim()
    .replace(/^\u200C+|\u200C+$/g, '');
}

/**
 * An item's tags as the editor saves them: each tidied, empty ones dropped, and a second
 * spelling of a tag already listed (same slug) left out, so an item never lists one tag twice.
 */
export function tidyTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const tidy = tidyTag(tag);
    const slug = canonicalTag(tidy);
    if (slug === '' || seen.has(slug)) continue;
    seen.add(slug);
    out.push(tidy);
  }
  return out;
}

/**
 * The slug the portal made before canonicalTag (spaces to hyphens, Latin letters lower case,
 * nothing else): the addresses already published and linked to. Kept only to redirect them.
 */
export function earlierTagSlug(tag: string): string {
  return tag.trim().toLowerCase().replace(UNSAFE_RE, '').replace(/\s+/g, '-');
}

/**
 * Earlier tag addresses that now differ from the canonical one, `earlier slug → canonical slug`,
 * for the tags in use. The redirects (301) are made from this map (astro.config.mjs).
 */
export function earlierTagSlugs(tags: Iterable<string>): Map<string, string> {
  const moved = new Map<string, string>();
  for (const tag of tags) {
    const canonical = canonicalTag(tag);
    const earlier = earlierTagSlug(tag);
    if (canonical !== '' && earlier !== '' && earlier !== canonical) moved.set(earlier, canonical);
  }
  return moved;
}
