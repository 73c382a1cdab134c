import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCommandLine } from './arguments.ts';
import { UsageError } from './usage-error.ts';

const options = { kind: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

describe('readCommandLine (node:util parseArgs with usage errors)', () => {
  it('reads both spellings of a value, short flags, and files after --', () => {
    expect(readCommandLine(['--kind', 'news', 'a.md', '-h'], options)).toMatchObject({
      values: { kind: 'news', help: true },
      positionals: ['a.md'],
    });
    expect(readCommandLine(['--kind=news', '--', '--help', '-'], options)).toMatchObject({
      values: { kind: 'news' },
      positionals: ['--help', '-'],
    });
  });

  it('says what is wrong in plain words', () => {
    expect(() => readCommandLine(['--strict'], options)).toThrow("unknown option '--strict'");
    expect(() => readCommandLine(['-x'], options)).toThrow("unknown option '-x'");
    expect(() => readCommandLine(['--kind'], options)).toThrow('--kind needs a value');
    expect(() => readCommandLine(['--help=yes'], options)).toThrow('--help takes no value');
  });

  it('either reads any command line or refuses it with a usage error', () => {
    const token = fc.oneof(
      fc.constantFrom('--kind', '--help', '-h', '--', '-', '--kind=', '--x', '-hx'),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), (argv) => {
        try {
          const { positionals } = readCommandLine(argv, options);
          for (const file of positionals) expect(argv).toContain(file);
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
        }
      }),
    );
  });
});
