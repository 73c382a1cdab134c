import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { placeholderAddresses } from '../scripts/check-publish-address.mjs';

const script = fileURLToPath(new URL('../scripts/check-publish-address.mjs', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

describe('publishing refuses placeholder addresses', () => {
  it('is wired as prepublishOnly', () => {
    expect(pkg.scripts.prepublishOnly).toBe('node scripts/check-publish-address.mjs');
  });

  it('refuses the package as it is now (the forge address is not known yet)', () => {
    let failure: { status?: number; stderr?: string } = {};
    try {
      execFileSync(process.execPath, [script], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      failure = error as typeof failure;
    }
    expect(failure.status).toBe(1);
    expect(failure.stderr).toContain('repository: git+https://git.behzisti.example/');
  });

  it('accepts real addresses and names each placeholder or missing one', () => {
    const real = {
      repository: { type: 'git', url: 'git+https://codeberg.org/behzisti/services-kit.git' },
      homepage: 'https://codeberg.org/behzisti/services-kit',
      bugs: { url: 'https://codeberg.org/behzisti/services-kit/issues' },
    };
    expect(placeholderAddresses(real)).toEqual([]);
    expect(placeholderAddresses({ ...real, homepage: 'https://x.invalid/' })).toEqual([
      'homepage: https://x.invalid/',
    ]);
    expect(placeholderAddresses({ ...real, bugs: undefined })).toEqual(['bugs: (missing)']);
    expect(placeholderAddresses({ ...real, homepage: 'https://www.example.org/kit' })).toEqual([
      'homepage: https://www.example.org/kit',
    ]);
    expect(placeholderAddresses({ ...real, repository: 'not a url' })).toEqual([
      'repository: not a url',
    ]);
  });
});
