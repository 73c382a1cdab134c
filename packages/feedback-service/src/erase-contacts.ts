import { readOption } from './command-option.ts';
import { ConfigError, configFromEnv, describeStore, openStore } from './config.ts';
import { eraseExpiredContacts } from './retention.ts';

// `erase-contacts`: erases the name and contact of closed feedback past the retention period,
// on the database the service is configured with (DATABASE_URL or FEEDBACK_DB), and says how
// many. The service does the same by itself every day; this is for cron, or to apply a shorter
// period at once. Running it twice, or beside the service, is harmless.

const HELP = `Usage: erase-contacts [--months N]

Erases the name and contact (phone or e-mail) of closed feedback that has not
changed for N months (default: FEEDBACK_RETENTION_MONTHS, else 12). The
tracking code, category, province, status and dates are kept for statistics.
The database is the service's: DATABASE_URL, else the SQLite file FEEDBACK_DB.

  --months N  the retention period in whole months (1 to 120)
  --help      show this text
`;

/** Runs the command; returns the exit code. */
export async function main(
  args: string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
  now: Date = new Date(),
): Promise<number> {
  const read = readOption(args, 'months', HELP);
  if ('exit' in read) return read.exit;
  let config: ReturnType<typeof configFromEnv>;
  try {
    config = configFromEnv({
      ...env,
      ...(read.value === undefined ? {} : { FEEDBACK_RETENTION_MONTHS: read.value }),
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(
      `erase-contacts: ${error.message.replace('FEEDBACK_RETENTION_MONTHS', '--months')}\n`,
    );
    return 2;
  }
  const months = config.retentionMonths;
  if (months < 1) {
    process.stderr.write(
      'erase-contacts: give --months 1 or more (retention is off in the configuration)\n',
    );
    return 2;
  }
  const store = await openStore(config);
  try {
    const { erased, closedBefore } = await eraseExpiredContacts(store, months, now);
    process.stdout.write(
      `Erased the contact details of ${erased} closed message(s) unchanged since before ${closedBefore.slice(0, 10)} (${describeStore(config)}).\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
