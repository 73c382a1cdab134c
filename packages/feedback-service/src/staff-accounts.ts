import { readFileSync } from 'node:fs';
import { ProvinceIdSchema } from '@behzisti/core/schemas';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parseSecretHash, SecretHashError } from './secret-hash.ts';

// Where staff accounts come from: FEEDBACK_STAFF (`name:hash` pairs) and FEEDBACK_STAFF_FILE
// (a JSON or YAML file, for an office too large for one environment variable). Only scrypt
// hashes are accepted (see secret-hash.ts); a plain-text secret stops the start with the
// command that hashes it, so nobody "temporarily" runs with readable passwords. Messages name
// the entry and the account but never repeat the secret.

/** The command that prints a secret's hash (a `bin` of this package). */
export const HASH_COMMAND = 'hash-secret';
const HOW_TO_HASH = `hash it with \`${HASH_COMMAND}\` (pnpm --filter @behzisti/feedback-service exec ${HASH_COMMAND}) and configure the $scrypt$… line it prints`;

/** Account names: what the audit log shows. */
export const ACCOUNT_NAME_RE = /^[A-Za-z0-9._-]{1,64}$/;

/** Roles for the roles-and-scope work; read and kept, not enforced yet. */
export const STAFF_ROLES = ['admin', 'caseworker', 'moderator'] as const;

/** One staff account as configured. */
export interface StaffAccount {
  name: string;
  /** The PHC scrypt string of the account's secret. */
  secretHash: string;
  role?: (typeof STAFF_ROLES)[number] | undefined;
  provinces?: string[] | undefined;
}

/** Checks a configured hash; the message says what to do. */
function checkHash(where: string, hash: string): void {
  try {
    parseSecretHash(hash);
  } catch (error) {
    if (!(error instanceof SecretHashError)) throw error;
    throw new Error(
      error.reason === 'not-a-hash'
        ? `${where}: the secret is in plain text, and only hashes are accepted; ${HOW_TO_HASH}`
        : `${where}: ${error.message}; ${HOW_TO_HASH}`,
    );
  }
}

function checkName(where: string, name: string): void {
  if (!ACCOUNT_NAME_RE.test(name)) {
    throw new Error(`${where}: the name must be 1 to 64 letters, digits, '.', '_' or '-'`);
  }
}

/**
 * Reads `FEEDBACK_STAFF`: `name:hash` pairs separated by commas (or new lines). A PHC string has
 * commas of its own (`ln=15,r=8,p=3`), so a pair ends only at a comma followed by `name:`.
 * Throws an Error naming the bad pair (without its secret).
 */
export function parseStaffAccounts(text: string | undefined): StaffAccount[] {
  const accounts: StaffAccount[] = [];
  const pairs = (text ?? '').split(/\n|,(?=\s*[A-Za-z0-9._-]*:)/);
  for (const [index, pair] of pairs.entries()) {
    const trimmed = pair.trim();
    if (trimmed === '') continue;
    const colon = trimmed.indexOf(':');
    const name = colon < 0 ? trimmed : trimmed.slice(0, colon);
    const where = `pair ${index + 1}`;
    checkName(where, name);
    checkHash(`${where} (${name})`, colon < 0 ? '' : trimmed.slice(colon + 1));
    accounts.push({ name, secretHash: trimmed.slice(colon + 1) });
  }
  return checkUnique(accounts);
}

const FileAccount = z.strictObject({
  name: z.string(),
  secretHash: z.string(),
  role: z.enum(STAFF_ROLES).optional(),
  provinces: z.array(ProvinceIdSchema).optional(),
});
const StaffFile = z.strictObject({ accounts: z.array(z.unknown()) });

/**
 * Reads an accounts file: `{ "accounts": [{ "name", "secretHash", "role"?, "provinces"? }] }`
 * as JSON (`.json`) or YAML (anything else). Throws an Error naming the file and the entry.
 */
export function readStaffFile(path: string): StaffAccount[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  let data: unknown;
  try {
    data = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new Error(
      `${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const file = StaffFile.safeParse(data);
  if (!file.success) {
    throw new Error(
      `${path}: expected an object with an "accounts" list, as in docs/feedback-service.md`,
    );
  }
  const accounts = file.data.accounts.map((entry, index): StaffAccount => {
    const where = `${path}, account ${index + 1}`;
    const parsed = FileAccount.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      // Zod's message for secretHash never includes the value; other fields are not secret.
      throw new Error(`${where}: ${issue?.path.join('.') || 'entry'}: ${issue?.message}`);
    }
    checkName(where, parsed.data.name);
    checkHash(`${where} (${parsed.data.name})`, parsed.data.secretHash);
    return parsed.data;
  });
  return checkUnique(accounts);
}

/** Refuses a name listed twice (which of two secrets would count?). */
export function checkUnique(accounts: StaffAccount[]): StaffAccount[] {
  const seen = new Set<string>();
  for (const account of accounts) {
    if (seen.has(account.name)) throw new Error(`the name '${account.name}' is listed twice`);
    seen.add(account.name);
  }
  return accounts;
}
