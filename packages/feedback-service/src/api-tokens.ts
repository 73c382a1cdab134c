import { randomBytes } from 'node:crypto';
import { ProvinceIdSchema } from '@behzisti/core/schemas';
import { type FieldError, HttpError } from './errors.ts';
import { tokenHash } from './staff-auth.ts';
import { type ApiToken, type ApiTokenScope, apiTokenScopes } from './store/types.ts';

// Scoped, expiring API tokens: how scripts reach the staff endpoints instead of a person's
// name and secret. A staff member signed in with a session makes one for a scope and a number
// of days, sees it once, and can revoke it; the store keeps only its SHA-256 (256 random bits
// need no slow hash). A token acts as its maker's account and ends with it.

/** Every token starts with this, so it is recognisable in a header, a log scanner or a leak. */
export const API_TOKEN_PREFIX = 'bzt_';
/** Days a token lasts unless asked otherwise, and the most it may. */
export const DEFAULT_TOKEN_DAYS = 30;
export const MAX_TOKEN_DAYS = 90;
/** The longest label a token may carry. */
export const MAX_TOKEN_LABEL = 100;

/** What a staff endpoint needs: reading, the CSV export, or a change (never a token's). */
export type Need = 'read' | 'export' | 'write';

/** Whether a token of `scope` may do what `need` names. */
export function scopeAllows(scope: ApiTokenScope, need: Need): boolean {
  if (need === 'write') return false;
  return scope === 'read' || need === 'export';
}

/** The body of POST {staff}/tokens; 422 INVALID_FIELDS names each bad field. */
export function parseTokenRequest(body: unknown): {
  scope: ApiTokenScope;
  days: number;
  label: string;
  provinces?: string[] | undefined;
} {
  const fields: FieldError[] = [];
  const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const scope = input.scope;
  if (typeof scope !== 'string' || !(apiTokenScopes as readonly string[]).includes(scope)) {
    fields.push({ field: 'scope', message: `use one of ${apiTokenScopes.join(', ')}` });
  }
  // Left out means the default; null is not a number of days (and not documented as one).
  const days = input.days === undefined ? DEFAULT_TOKEN_DAYS : input.days;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) {
    fields.push({ field: 'days', message: `a whole number of days from 1 to ${MAX_TOKEN_DAYS}` });
  }
  const label = input.label === undefined ? '' : input.label;
  if (
    typeof label !== 'string' ||
    label.length > MAX_TOKEN_LABEL ||
    /[\p{Cc}\p{Cf}]/u.test(label)
  ) {
    fields.push({
      field: 'label',
      message: `plain text of at most ${MAX_TOKEN_LABEL} characters, saying what the token is for`,
    });
  }
  // Optional: only some provinces (of those its maker may see), for a script that needs fewer.
  const provinces = input.provinces;
  if (
    provinces !== undefined &&
    (!Array.isArray(provinces) ||
      provinces.length === 0 ||
      new Set(provinces).size !== provinces.length ||
      !provinces.every((id) => ProvinceIdSchema.safeParse(id).success))
  ) {
    fields.push({
      field: 'provinces',
      message: 'a list of distinct province ids (e.g. ["isfahan"]), or leave it out for all yours',
    });
  }
  for (const key of Object.keys(input)) {
    if (!['scope', 'days', 'label', 'provinces'].includes(key)) {
      fields.push({ field: key, message: 'unknown field; send scope, days, label and provinces' });
    }
  }
  if (fields.length > 0) throw new HttpError('INVALID_FIELDS', { fields });
  return {
    scope: scope as ApiTokenScope,
    days: days as number,
    label: (label as string).trim(),
    provinces: provinces as string[] | undefined,
  };
}

/** A new token for `actor`: the row to store and the token itself (shown once, never stored). */
export function newApiToken(
  actor: string,
  request: { scope: ApiTokenScope; days: number; label: string; provinces?: string[] | undefined },
  now: Date,
): { token: string; row: ApiToken } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return {
    token,
    row: {
      id: randomBytes(9).toString('base64url'),
      tokenHash: tokenHash(token),
      actor,
      scope: request.scope,
      label: request.label,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + request.days * 86_400_000).toISOString(),
      ...(request.provinces === undefined ? {} : { provinces: request.provinces }),
    },
  };
}

/** What the owner sees of a token: never the token or its hash. */
export function tokenView(row: ApiToken, now: Date): Record<string, unknown> {
  return {
    id: row.id,
    scope: row.scope,
    label: row.label,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt ?? null,
    provinces: row.provinces ?? null,
    live: row.revokedAt === undefined && Date.parse(row.expiresAt) > now.getTime(),
  };
}
