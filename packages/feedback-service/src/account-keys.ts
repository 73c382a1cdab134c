import { createHmac } from 'node:crypto';
import { SHARED_TOKEN_ACTOR, type StaffAccount } from './staff-auth.ts';
import type { FeedbackStore } from './store/types.ts';

// Keyed digests about staff accounts, with a secret the store keeps (the same for every instance
// on one database, never shown):
// - the label of an account name in the audit log and the attempt counters: the name itself when
//   it is a configured account, else a digest, so a secret typed into the name box by mistake is
//   never stored or shown, while repeated tries of one unknown name still group together;
// - the fingerprint of an account's configuration (its credential, and whatever else an account
//   carries: role, provinces, disabled), kept in each session: when the account is removed or
//   any of that changes, its sessions no longer match and end.

/** The name of the store's secret that keys these digests. */
const SECRET_NAME = 'account-digests';

export interface AccountKeys {
  /** `name` itself when it is a configured account, else `#` and a 16-hex keyed digest. */
  label(name: string): Promise<string>;
  /** The account's current fingerprint; undefined when it is gone or disabled. */
  fingerprint(actor: string): Promise<string | undefined>;
}

/** JSON with object keys sorted, so equal configurations give equal fingerprints. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function createAccountKeys(
  store: FeedbackStore,
  accounts: readonly StaffAccount[],
  sharedToken: string | undefined,
): AccountKeys {
  const byName = new Map<string, object>(accounts.map((account) => [account.name, account]));
  if (sharedToken && !byName.has(SHARED_TOKEN_ACTOR)) {
    byName.set(SHARED_TOKEN_ACTOR, { name: SHARED_TOKEN_ACTOR, sharedToken });
  }
  let key: Promise<string> | undefined;
  const digest = async (text: string): Promise<string> => {
    key ??= store.secret(SECRET_NAME).catch((error: unknown) => {
      key = undefined;
      throw error;
    });
    return createHmac('sha256', await key)
      .update(text, 'utf8')
      .digest('hex');
  };
  return {
    async label(name) {
      if (byName.has(name)) return name;
      return `#${(await digest(`name\0${name}`)).slice(0, 16)}`;
    },
    async fingerprint(actor) {
      const account = byName.get(actor);
      if (!account || (account as { disabled?: unknown }).disabled === true) return undefined;
      return digest(`account\0${canonical(account)}`);
    },
  };
}
