// "Open now, until 14:00" on a base's page. The page is built ahead of time, so whether the base
// is open can only be said in the visitor's browser, at the moment they look: this reads the
// base's schedule from the page (data-open-now) and lib/open-now.ts says the rest. Without
// JavaScript the line keeps its link to the week's hours table below.
import { openNowText } from '../lib/open-now';

const line = document.querySelector<HTMLElement>('[data-open-now]');
if (line?.dataset.openNow && line.dataset.strings) {
  const locale = document.documentElement.lang === 'en' ? 'en' : 'fa';
  const { text, open } = openNowText(
    JSON.parse(line.dataset.openNow),
    JSON.parse(line.dataset.strings),
    locale,
    new Date(),
  );
  const target = line.querySelector<HTMLElement>('[data-open-text]');
  if (text && target) {
    target.textContent = text;
    line.classList.add(open ? 'is-open' : 'is-closed');
  }
}
