import type { Locale } from '../i18n/ui.ts';
import { LOCAL_BACKEND_URL } from './config.ts';

/**
 * Problems only the server can see (a news code another item already has, a picture that is
 * not there) arrive as the answer to a save, which Decap shows in a notice at the top. This puts
 * each one by the field it concerns too, like the problems the browser finds: the local backend
 * answers 422 with pairs of lines, Persian then English (local-backend.ts), and the English line
 * starts with the field's name (`code: …` or `field 'code' …`).
 */
export function showServerProblemsByField(
  locale: Locale,
  labelOf: (collection: string, field: string) => string | undefined,
): void {
  const send = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const local = url.includes(LOCAL_BACKEND_URL);
    if (local && typeof init?.body === 'string' && init.body.includes('"persistEntry"')) {
      for (const note of document.querySelectorAll('.bz-server-problem')) note.remove();
    }
    const response = await send(input, init);
    if (local && response.status === 422) {
      response
        .clone()
        .json()
        .then((body: { error?: unknown }) => place(String(body.error ?? ''), locale, labelOf))
        .catch(() => undefined);
    }
    return response;
  };
}

function place(
  error: string,
  locale: Locale,
  labelOf: (collection: string, field: string) => string | undefined,
): void {
  const collection = /#\/collections\/([\w-]+)/.exec(location.hash)?.[1] ?? '';
  const lines = error.split('\n');
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const [fa = '', en = ''] = [lines[i], lines[i + 1]];
    const field = /^field '(\w+)'/.exec(en)?.[1] ?? /^([a-z_]+)[.:[]/.exec(en)?.[1];
    const label = field ? labelOf(collection, field) : undefined;
    const container = label ? containerOf(label) : undefined;
    if (!container) continue;
    const note = document.createElement('p');
    note.className = 'bz-server-problem bz-problem';
    note.setAttribute('role', 'alert');
    note.textContent = locale === 'en' ? `${en}\n${fa}` : `${fa}\n${en}`;
    container.append(note);
    // Gone once the person changes the field.
    container.addEventListener('input', () => note.remove(), { once: true });
  }
}

/** The box of the field whose label reads `label` (Decap may add "(optional)" after it). */
function containerOf(label: string): Element | undefined {
  const found = [...document.querySelectorAll('#nc-root label')].find((element) => {
    const text = element.textContent?.trim() ?? '';
    return text === label || text.startsWith(`${label} `);
  });
  return found?.closest('[class*="ControlContainer"]') ?? undefined;
}
