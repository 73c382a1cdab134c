/**
 * Share links as plain URLs: the services' own share pages, opened only when a reader clicks,
 * so the page itself loads nothing from them (no widgets, no scripts, no tracking pixels).
 */
export type ShareTarget = 'telegram' | 'whatsapp' | 'x' | 'email';

export interface ShareLink {
  target: ShareTarget;
  href: string;
}

export function shareLinks(url: string, title: string): ShareLink[] {
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  return [
    { target: 'telegram', href: `https://t.me/share/url?url=${u}&text=${text}` },
    { target: 'whatsapp', href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
    { target: 'x', href: `https://x.com/intent/post?url=${u}&text=${text}` },
    { target: 'email', href: `mailto:?subject=${text}&body=${u}` },
  ];
}
