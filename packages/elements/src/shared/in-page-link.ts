/**
 * Click handler for a link to another element of the same shadow root (`<a href="#id">`):
 * fragment links cannot reach into a shadow root, so it finds the target in the link's own root,
 * focuses it and scrolls it into view (an error summary's links, a "skip the list" link).
 */
export function followInPageLink(event: Event): void {
  const link = event.currentTarget as HTMLAnchorElement;
  const root = link.getRootNode() as Document | ShadowRoot;
  const target = root.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'center' });
}
