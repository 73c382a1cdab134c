import { parseContentDate } from '@behzisti/core/dates';
import type { Locale } from '../i18n/ui.ts';
import { t } from '../i18n/ui.ts';

/**
 * The marks on the editor's list of news: draft, in review, scheduled. Decap's list shows a
 * text made from the item's fields (the collection's `summary`, config.ts); the fields the marks
 * need follow the title after an invisible separator, and this module replaces that tail with a
 * mark. The publishing states are front-matter fields: `draft: true`, `status: review`, and a
 * `date` still to come (scheduled).
 */

/** U+2063 INVISIBLE SEPARATOR: never typed in a title, invisible if this script did not run. */
export const LIST_MARK_SEPARATOR = '\u2063';

export type ListMark = 'draft' | 'review' | 'scheduled';

/** The mark for an item, from the summary's tail `date|draft|status`; undefined for a published one. */
export function listMark(tail: string, now = new Date()): ListMark | undefined {
  const [date = '', draft = '', status = ''] = tail.split('|');
  if (status.trim() === 'draft' || draft.trim() === 'true') return 'draft';
  if (status.trim() === 'review') return 'review';
  const day = parseContentDate(date.trim());
  return day && day.getTime() > now.getTime() ? 'scheduled' : undefined;
}

/** Rewrites the list's summaries that still carry the tail; call on every change of the page. */
export function markListEntries(locale: Locale): void {
  const walker = document.createTreeWalker(
    document.getElementById('nc-root') ?? document.body,
    NodeFilter.SHOW_TEXT,
  );
  const found: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue?.includes(LIST_MARK_SEPARATOR)) found.push(node as Text);
  }
  for (const node of found) {
    const [title = '', tail = ''] = (node.nodeValue ?? '').split(LIST_MARK_SEPARATOR);
    node.nodeValue = title;
    const mark = listMark(tail);
    if (!mark) continue;
    const badge = document.createElement('span');
    badge.className = `bz-mark bz-mark-${mark}`;
    badge.textContent = t(locale, `cms.mark.${mark}`);
    node.after(' ', badge);
  }
}
