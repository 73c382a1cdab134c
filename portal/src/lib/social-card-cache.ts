import type { Locale } from '../i18n/ui.ts';
import { cardPlace, drawSocialCard, socialCard } from './social-card.ts';

/**
 * The social cards the media route has drawn, kept in the process (the latest 200, about
 * 20 kB each: 4 MB at most). A card is drawn only for a name that is exactly the current card
 * of a stored article (its place and the hash of its title), so no request can make the server
 * draw a card nobody links to; a shared article's card is drawn once per process, its first
 * requests waiting on the same drawing.
 */

export const CARD_CACHE_SIZE = 200;

/** The title of a stored article, or undefined (the news store's entry). */
export type TitleOf = (locale: Locale, slug: string) => string | undefined;

const drawn = new Map<string, Promise<Buffer>>();

/** The card named `name` (drawn now or before), or undefined when it is no article's card. */
export function servedCard(name: string, titleOf: TitleOf): Promise<Buffer> | undefined {
  const place = cardPlace(name);
  if (!place) return undefined;
  const title = titleOf(place.locale, place.slug);
  if (title === undefined || socialCard(title, place.locale, place.slug).media !== name) {
    return undefined;
  }
  let card = drawn.get(name);
  if (card) {
    // Used again: the newest in the map's order, the last to go.
    drawn.delete(name);
  } else {
    card = drawSocialCard(title, place.locale);
    // A drawing that failed is not kept: the next request tries again.
    card.catch(() => drawn.delete(name));
  }
  drawn.set(name, card);
  if (drawn.size > CARD_CACHE_SIZE) drawn.delete(drawn.keys().next().value as string);
  return card;
}

/** How many cards are kept (for the tests). */
export const cachedCards = () => drawn.size;
