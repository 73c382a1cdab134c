import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { UsageError } from './usage-error.ts';

/**
 * A command line read by Node's own `util.parseArgs` (strict: unknown options and missing
 * values are usage errors; `--` ends the options; `--name=value` and `--name value` both work),
 * with its errors turned into our UsageError (exit code 2) in the command's plain words.
 */
export function readCommandLine<const T extends ParseArgsOptionsConfig>(
  argv: readonly string[],
  options: T,
) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const named = /'(-[^' ]*)/.exec((error as Error).message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new UsageError(`unknown option '${named ?? (error as Error).message}'`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const option = /(--[\w-]+)/.exec((error as Error).message)?.[1] ?? named;
      throw new UsageError(
        options[option?.slice(2) ?? '']?.type === 'string'
          ? `${option} needs a value`
          : `${option} takes no value`,
      );
    }
    throw error;
  }
}
