import { parseArgs } from 'node:util';

/**
 * The command line of the service's small commands (`hash-secret --name`, `erase-contacts
 * --months`): one optional string option and `--help`. A wrong argument prints Node's message
 * and the help (exit code 2); `--help` prints the help (exit code 0). So each command reads
 * `if ('exit' in read) return read.exit;` and goes on with `read.value`.
 */
export function readOption(
  args: string[],
  option: string,
  help: string,
): { value: string | undefined } | { exit: number } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: { [option]: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${help}`);
    return { exit: 2 };
  }
  if (values.help) {
    process.stdout.write(help);
    return { exit: 0 };
  }
  const value = values[option];
  return { value: typeof value === 'string' ? value : undefined };
}
