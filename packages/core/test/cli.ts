import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Output } from '../src/cli/validate-data.ts';

// The two ways the CLI tests (validate-data, check-rules) run a command.

/** The core package's folder, where the commands run. */
export const core = fileURLToPath(new URL('..', import.meta.url));

/** Runs the real command (`bin/<name>.mjs`) in a child process, as a data team would. */
export function runBin(bin: string, args: readonly string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: core, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a command's `main` in this process and captures what it prints. */
export function runInProcess(
  main: (argv: readonly string[], output: Output) => number,
  args: readonly string[],
) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err: err.join('\n') };
}
