/**
 * Subheadings in the rich-text mode of Decap's Markdown field. Decap's own heading buttons come
 * in a drop-down whose button sits inside another button (axe: nested-interactive), and typing
 * `## ` there is saved as `\##`. So:
 * - `## ` (or `### `) typed at the start of a line makes that line a subheading, as in most
 *   editors (the two marks are removed);
 * - a "subheading" button is added to the field's toolbar, a plain button with a name and a
 *   pressed state.
 * Both drive Decap's own editor through the events it already handles: its keyboard shortcut
 * for a level-2 heading (Ctrl/⌘+2) and the standard `beforeinput` deletion, so the document
 * model stays Decap's and the saved Markdown is `## …`.
 */

const EDITOR = '[data-slate-editor="true"]';
const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

/** Decap's shortcut for a level-2 heading (toggles it on the block at the caret). */
function toggleSubheading(editor: HTMLElement): void {
  const event = new KeyboardEvent('keydown', {
    key: '2',
    code: 'Digit2',
    ctrlKey: !isMac,
    metaKey: isMac,
    bubbles: true,
    cancelable: true,
  });
  // is-hotkey, which Decap uses, compares the legacy key code.
  Object.defineProperty(event, 'keyCode', { value: 50 });
  Object.defineProperty(event, 'which', { value: 50 });
  editor.dispatchEvent(event);
}

/** The block (paragraph, heading) the caret is in, and the caret's place in its text. */
function caretBlock(): { block: Element; atEnd: boolean } | undefined {
  const selection = getSelection();
  if (!selection?.isCollapsed || !selection.anchorNode) return undefined;
  const node = selection.anchorNode;
  const element = node instanceof Element ? node : node.parentElement;
  // Decap renders its blocks as plain elements (no data-slate-node on them).
  const block = element?.closest('p, h1, h2, h3, h4, h5, h6, li, blockquote');
  if (!block?.closest(EDITOR)) return undefined;
  const text = node.textContent ?? '';
  return {
    block,
    atEnd: node.nodeType !== Node.TEXT_NODE || selection.anchorOffset === text.length,
  };
}

function onKeydown(event: KeyboardEvent): void {
  if (event.key !== ' ' || event.ctrlKey || event.metaKey || event.altKey) return;
  const editor = (event.target as Element | null)?.closest?.(EDITOR);
  if (!(editor instanceof HTMLElement)) return;
  const place = caretBlock();
  if (!place?.atEnd || place.block.tagName !== 'P') return;
  const marks = place.block.textContent ?? '';
  if (!/^#{2,3}$/.test(marks)) return;
  event.preventDefault();
  event.stopPropagation();
  for (let i = 0; i < marks.length; i++) {
    editor.dispatchEvent(
      new InputEvent('beforeinput', {
        inputType: 'deleteContentBackward',
        bubbles: true,
        cancelable: true,
      }),
    );
  }
  toggleSubheading(editor);
}

/** Adds the subheading button to each rich-text toolbar that lacks it, and updates its state. */
export function addSubheadingButtons(label: string): void {
  for (const editor of document.querySelectorAll<HTMLElement>(EDITOR)) {
    const field = editor.closest('[class*="EditorControl"]') ?? editor.parentElement?.parentElement;
    const toolbar = field?.querySelector(
      '[class*="ToolbarButtons"], [class*="ToolbarContainer"] > div',
    );
    if (!toolbar) continue;
    let button = toolbar.querySelector<HTMLButtonElement>(':scope > .bz-subheading');
    if (!button) {
      button = document.createElement('button');
      button.type = 'button';
      button.className = 'bz-subheading';
      button.textContent = label;
      // Keep the caret where it is: the button acts on the line being written.
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => {
        editor.focus();
        toggleSubheading(editor);
      });
      toolbar.prepend(button);
    }
    const place = caretBlock();
    const pressed = String(
      place !== undefined && editor.contains(place.block) && place.block.tagName === 'H2',
    );
    if (button.getAttribute('aria-pressed') !== pressed)
      button.setAttribute('aria-pressed', pressed);
  }
}

/** `## ` at the start of a line; call once. */
export function enableSubheadingMarks(): void {
  document.addEventListener('keydown', onKeydown, true);
  // The button's pressed state follows the caret.
  document.addEventListener('selectionchange', () => {
    const button = document.querySelector('.bz-subheading');
    if (button) addSubheadingButtons(button.textContent ?? '');
  });
}
