// The "latest news" block of a built page (the home page, a directory province page) as the
// server has it now: the page was built with the news of its build, and the server renders the
// block again from the news store (components/LatestNews.astro), so an item published or
// withdrawn since shows here without a rebuild. Asked for only when the block comes near the
// screen: a citizen on a slow link who never scrolls that far pays nothing for it, and the
// page's own tasks (the locator) are not slowed down by it. Without JavaScript, or when the
// request fails, the block stays as built; its "all news" link leads to the current list.

import { whenNear } from './when-near';

async function refresh(block: HTMLElement, url: string): Promise<void> {
  const response = await fetch(url, { headers: { accept: 'text/html' } });
  if (!response.ok) return;
  const template = document.createElement('template');
  template.innerHTML = await response.text();
  const fresh = template.content.querySelector<HTMLElement>('[data-live-news]');
  // Unchanged (the usual case): the block is left as it is, so nothing moves.
  if (!fresh || fresh.innerHTML === block.innerHTML) return;
  block.replaceChildren(...fresh.childNodes);
}

for (const block of document.querySelectorAll<HTMLElement>('[data-live-news]')) {
  const url = block.dataset.liveNews;
  // Far enough ahead that the block is current before it is on screen.
  if (url) whenNear([block], () => refresh(block, url).catch(() => undefined), '600px 0px');
}
