/**
 * "Leave this page" for sensitive flows (the eligibility checker, feedback, social-emergency
 * content): someone may be watched by the person they are seeking help about. Pressing the button,
 * or Shift three times within a second, clears what was typed and replaces the current history
 * entry with a neutral page, so Back does not return here.
 */
export const defaultExitUrl = 'https://www.google.com/';

/** Detail of `bz-quick-exit`: where the page is about to go. */
export interface BzQuickExitDetail {
  url: string;
}

/**
 * Tells the host page (a cancelable, bubbling, composed `bz-quick-exit`) and, unless it cancels,
 * leaves. Call it after the element has cleared what was typed.
 */
export function quickExitFrom(host: HTMLElement, exitUrl: string): void {
  const url = exitUrl || defaultExitUrl;
  const detail: BzQuickExitDetail = { url };
  const go = host.dispatchEvent(
    new CustomEvent('bz-quick-exit', { bubbles: true, composed: true, cancelable: true, detail }),
  );
  if (go) leavePage(url);
}

/** Clears session storage and replaces the current history entry with `exitUrl`. */
export function leavePage(exitUrl: string): void {
  try {
    sessionStorage.clear();
  } catch {
    // Storage can be disabled (private mode, strict embed settings); nothing to clear then.
  }
  window.location.replace(exitUrl || defaultExitUrl);
}

/**
 * Listens for Shift pressed three times within `windowMs` anywhere on the page, with no other key
 * in between, and calls `onExit`. Any other key starts the count again: typing capitals or
 * shifted Persian letters quickly must never wipe a message. Returns the function that stops
 * listening (call it on disconnect).
 */
export function listenForQuickExitKeys(onExit: () => void, windowMs = 1000): () => void {
  let presses: number[] = [];
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Shift') presses = [];
  };
  const onKeyUp = (event: KeyboardEvent) => {
    if (event.key !== 'Shift') {
      presses = [];
      return;
    }
    const now = event.timeStamp;
    presses = [...presses.filter((time) => now - time < windowMs), now];
    if (presses.length >= 3) {
      presses = [];
      onExit();
    }
  };
  document.addEventListener('keydown', onKeyDown, true);
  document.addEventListener('keyup', onKeyUp, true);
  return () => {
    document.removeEventListener('keydown', onKeyDown, true);
    document.removeEventListener('keyup', onKeyUp, true);
  };
}

declare global {
  interface HTMLElementEventMap {
    'bz-quick-exit': CustomEvent<BzQuickExitDetail>;
  }
}
