// `prepublishOnly`: refuses to publish while package.json's repository, homepage or bugs address
// is on a reserved example domain (RFC 2606: `.example`, `.invalid`, `.test`, `.localhost`,
// example.com/net/org). The
// organisation's forge address is not known yet (the fields say git.behzisti.example), and a
// published package cannot be corrected afterwards: npm keeps that version's metadata forever.
// Set the real address in every package.json (the three fields), then publish.
import { readFileSync } from 'node:fs';

const RESERVED = /(?:^|\.)example\.(?:com|net|org)$|\.(?:example|invalid|test|localhost)$/i;

/**
 * The package's addresses on a reserved domain, or missing, as `field: address`.
 * @param {{ repository?: string | { url?: string }, homepage?: string, bugs?: string | { url?: string } }} pkg
 * @returns {string[]}
 */
export function placeholderAddresses(pkg) {
  const addresses = {
    repository: typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url,
    homepage: pkg.homepage,
    bugs: typeof pkg.bugs === 'string' ? pkg.bugs : pkg.bugs?.url,
  };
  return Object.entries(addresses)
    .filter(([, address]) => {
      if (typeof address !== 'string') return true;
      try {
        return RESERVED.test(new URL(address.replace(/^git\+/, '')).hostname);
      } catch {
        return true;
      }
    })
    .map(([field, address]) => `${field}: ${address ?? '(missing)'}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const found = placeholderAddresses(pkg);
  if (found.length > 0) {
    console.error(
      `Not published: ${pkg.name}'s addresses are placeholders or missing:\n  ${found.join('\n  ')}\n` +
        "Set repository, homepage and bugs to the organisation's forge in every package.json, then publish again.",
    );
    process.exit(1);
  }
}
