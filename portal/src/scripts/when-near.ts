/**
 * Calls `load` once, when the first of `elements` comes within `margin` of the screen (or at once
 * where IntersectionObserver is missing); nothing when there is no such element. For parts of a
 * page that are not read first: their code and data wait until a reader gets near them.
 */
export function whenNear(
  elements: Iterable<Element>,
  load: () => unknown,
  margin = '300px 0px',
): void {
  const targets = [...elements];
  if (targets.length === 0) return;
  if (!('IntersectionObserver' in window)) {
    load();
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      load();
    },
    { rootMargin: margin },
  );
  for (const target of targets) observer.observe(target);
}
