/**
 * Defines a custom element unless a tag of that name already exists: two copies of a widget
 * script on one page (a CMS block pasted twice, an old and a new version) must not throw.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
