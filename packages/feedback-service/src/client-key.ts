// Who is asking, for rate limiting: the client's IP address as the server resolved it (the
// socket's, or the one a trusted proxy forwarded: http/proxy.ts), cut to a rate-limit key.

/**
 * The rate-limit key for an address. IPv4-mapped IPv6 becomes plain IPv4; other IPv6 addresses
 * are cut to their /64 prefix, because one subscriber usually holds a whole /64 and could
 * otherwise rotate through addresses to dodge the limit.
 */
export function addressKey(address: string): string {
  const ip = address
    .trim()
    .replace(/%.*$/, '')
    .replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = Math.max(0, 8 - headGroups.length - tailGroups.length);
  const groups = [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
