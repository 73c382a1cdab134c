/**
 * A problem with how the command was called (no files, a file that cannot be read, an unknown
 * or undetectable kind): exit code 2, unlike problems in the data (exit code 1).
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
