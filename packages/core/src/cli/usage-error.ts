import type { Output } from './validate-data.ts';

/**
 * A problem with how the command was called (no files, a file that cannot be read, an unknown
 * or undetectable kind): exit code 2, unlike problems in the data (exit code 1).
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * What both commands do with an error: a usage error is printed line by line after the
 * command's name, then the usage text, and gives exit code 2; anything else is a bug and rethrown.
 */
export function reportUsageError(
  error: unknown,
  command: string,
  usage: string,
  output: Output,
): number {
  if (!(error instanceof UsageError)) throw error;
  for (const line of error.message.split('\n')) output.err(`${command}: ${line}`);
  output.err('');
  output.err(usage);
  return 2;
}
