/** Text as laid out (line breaks included), without runs of blank lines: what "save as text" keeps. */
export function textOf(element: HTMLElement | null): string {
  // biome-ignore lint/performance/useDomNodeTextContent: the text as laid out, line breaks included, is what is saved
  return (element?.innerText ?? '').replace(/\n{3,}/g, '\n\n');
}

/** Offers `text` as a UTF-8 file download named `name`; nothing leaves the device. */
export function downloadText(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
