import type { Locale } from '../i18n/ui.ts';
import { bilingual, MAX_UPLOAD_BYTES, uploadTooLarge } from './messages.ts';

/**
 * Refuses a picture above MAX_UPLOAD_BYTES in the picture library, before Decap reads it: a
 * message in Persian and English beside the upload button (Decap's own `max_file_size` check
 * would stop the page with a browser alert), and nothing is sent. The server refuses the same
 * (local-backend.ts), so a picture sent some other way is not written either.
 */
export function limitUploads(locale: Locale): void {
  // Capturing on the document runs before React's listener on Decap's root element.
  document.addEventListener(
    'change',
    (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
      const notice = noticeFor(input);
      const tooLarge = [...(input.files ?? [])].find((file) => file.size > MAX_UPLOAD_BYTES);
      if (!tooLarge) {
        notice.hidden = true;
        notice.textContent = '';
        return;
      }
      event.stopImmediatePropagation();
      event.preventDefault();
      input.value = '';
      notice.textContent = bilingual(uploadTooLarge(tooLarge.size), locale);
      notice.hidden = false;
    },
    true,
  );
}

/** The message element beside this file input (made once, reused for the next refusal). */
function noticeFor(input: HTMLInputElement): HTMLElement {
  // Decap's upload button is a <label> around the hidden input: the message goes after it.
  const anchor = input.closest('label') ?? input;
  const next = anchor.nextElementSibling;
  if (next instanceof HTMLElement && next.classList.contains('bz-upload-error')) return next;
  const notice = document.createElement('p');
  notice.className = 'bz-upload-error';
  notice.setAttribute('role', 'alert');
  notice.hidden = true;
  anchor.after(notice);
  return notice;
}
