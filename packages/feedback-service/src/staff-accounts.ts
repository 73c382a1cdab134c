import { readFileSync } from 'node:fs';
import { ProvinceIdSchema } from '@behzisti/core/schemas';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { STAFF_ROLES, type StaffRole } from './scope.ts';
import { parseSecretHash, SecretHashError } from './secret-hash.ts';

// Where staff accounts come from: FEEDBACK_STAFF (`name:hash` pairs) and FEEDBACK_STAFF_FILE
// (a JSON or YAML file, for an office too large for one environment variable). Only scrypt
// hashes are accepted (see secret-hash.ts); a plain-text secret stops the start with the
// command that hashes it, so nobody "temporarily" runs with readable passwords. Messages name
// the entry and the account but never repeat the secret.

/** The command that prints a secret's hash (a `bin` of this package). */
export const HASH_COMMAND = 'hash-secret';
/** How to run it from a clone of the repository (`npx hash-secret` where the package is installed). */
export const HASH_COMMAND_LINE = `pnpm --silent --filter @behzisti/feedback-service ${HASH_COMMAND}`;
const HOW_TO_HASH = `hash it with \`${HASH_COMMAND}\` (${HASH_COMMAND_LINE}, which reads the secret on standard input) and configure the $scrypt$… line it prints`;

/** Account names: what the audit log shows. */
export const ACCOUNT_NAME_RE = /^[A-Za-z0-9._-]{1,64}$/;

/** One staff account as configured. */
export interface StaffAccount {
  name: string;
  /** The PHC scrypt string of the account's secret. */
  secretHash: string;
  /** What the account may do (scope.ts); without one, nothing beyond its own session. */
  role?: StaffRole | undefined;
  /** The provinces a caseworker or moderator works on (admins see all). */
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
 * Reads `FEEDBACK_STAFF`: entries separated by commas (or new lines), each `name:hash`, or
 * `name:role:hash` and `name:role/province+province:hash` (e.g.
 * `sara:caseworker/isfahan+kerman:$scrypt$…`). A PHC string has commas of its own
 * (`ln=15,r=8,p=3`), so an entry ends only at a comma followed by `name:`. Throws an Error
 * naming the bad entry (without its secret).
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
    let rest = colon < 0 ? '' : trimmed.slice(colon + 1);
    const account: StaffAccount = { name, secretHash: '' };
    // A hash starts with `$`; anything before the next colon is the role and its provinces.
    const roleEnd = rest.startsWith('$') ? -1 : rest.indexOf(':');
    if (roleEnd >= 0) {
      Object.assign(account, parseRoleSpec(`${where} (${name})`, rest.slice(0, roleEnd)));
      rest = rest.slice(roleEnd + 1);
    }
    checkHash(`${where} (${name})`, rest);
    account.secretHash = rest;
    accounts.push(account);
  }
  return checkUnique(accounts);
}

/** `role` or `role/province+province`, as in FEEDBACK_STAFF. */
function parseRoleSpec(where: string, spec: string): Pick<StaffAccount, 'role' | 'provinces'> {
  const [role = '', list] = spec.split('/', 2);
  if (!(STAFF_ROLES as readonly string[]).includes(role)) {
    // The text is not repeated: it may be a plain-text secret with a colon in it.
    throw new Error(
      `${where}: between the name and the hash only a role (${STAFF_ROLES.join(', ')}) may stand, optionally with /provinces; if that is a secret, ${HOW_TO_HASH}`,
    );
  }
  if (list === undefined) return { role: role as StaffRole };
  const provinces = list.split('+').filter(Boolean);
  for (const province of provinces) {
    if (!ProvinceIdSchema.safeParse(province).success) {
      throw new Error(
        `${where}: a province after the role is not a province id (e.g. isfahan, kerman)`,
      );
    }
  }
  return { role: role as StaffRole, provinces };
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
