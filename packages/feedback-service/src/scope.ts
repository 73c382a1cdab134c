import { HttpError } from './errors.ts';
import type { FeedbackFilter, FeedbackRecord, RecordKind } from './store/types.ts';

// Roles and scope: what each staff member may do, and on which provinces' records.
//
//   admin       every permission, every province, and records without a province
//   caseworker  feedback (not comments) of their provinces: read, reply, change status, export
//   moderator   comments (not feedback) of their provinces: read, approve, reject, reply
//   (no role)   nothing beyond their own session: a forgotten `role` must never mean "all"
//
// A route the role may never use answers 403 FORBIDDEN. A record outside the role's kinds or
// provinces answers 404 UNKNOWN_TRACKING_CODE, exactly as a code that does not exist, so nobody
// can probe which codes exist in other provinces. A record without a province (from before
// provinces were recorded, or about no known base or article) is an admin's alone.

/** The roles an account can have. */
export const STAFF_ROLES = ['admin', 'caseworker', 'moderator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What a route needs. */
export type Permission =
  | 'records:read'
  | 'records:write'
  | 'feedback:export'
  | 'audit:read'
  | 'tokens:manage';

/**
 * Every staff route and what it needs (`signed-in`: any account, even without a role, for its
 * own session). The handler checks each route against this table, and the scope test walks it:
 * a route added here without a rule in the test fails that test.
 */
export const STAFF_ROUTES = {
  list: { method: 'GET', path: '{base}', needs: 'records:read' },
  export: { method: 'GET', path: '{base}.csv', needs: 'feedback:export' },
  update: { method: 'PATCH', path: '{base}/{code}', needs: 'records:write' },
  whoAmI: { method: 'GET', path: '{staff}/session', needs: 'signed-in' },
  signOutEverywhere: { method: 'DELETE', path: '{staff}/sessions', needs: 'signed-in' },
  changeSecret: { method: 'PUT', path: '{staff}/secret', needs: 'signed-in' },
  listTokens: { method: 'GET', path: '{staff}/tokens', needs: 'tokens:manage' },
  createToken: { method: 'POST', path: '{staff}/tokens', needs: 'tokens:manage' },
  revokeToken: { method: 'DELETE', path: '{staff}/tokens/{id}', needs: 'tokens:manage' },
  audit: { method: 'GET', path: '{staff}/audit', needs: 'audit:read' },
} as const satisfies Record<
  string,
  { method: string; path: string; needs: Permission | 'signed-in' }
>;
export type StaffRoute = keyof typeof STAFF_ROUTES;

/** Who is acting and where they may act. */
export interface StaffScope {
  role: StaffRole | undefined;
  /** The provinces the role applies to; `all` for admins. */
  provinces: readonly string[] | 'all';
}

// API tokens act as their maker, narrowed by the token's scope, so a token never reaches
// further than the person who made it: caseworkers make tokens for their provinces' export.
const PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  admin: ['records:read', 'records:write', 'feedback:export', 'audit:read', 'tokens:manage'],
  caseworker: ['records:read', 'records:write', 'feedback:export', 'tokens:manage'],
  moderator: ['records:read', 'records:write'],
};

/** The record kinds each role works on. */
const KINDS: Record<StaffRole, readonly RecordKind[]> = {
  admin: ['feedback', 'comment'],
  caseworker: ['feedback'],
  moderator: ['comment'],
};

/** The scope of an account as configured: admins see every province whatever is listed. */
export function scopeOf(role: StaffRole | undefined, provinces: readonly string[] | undefined) {
  return { role, provinces: role === 'admin' ? 'all' : (provinces ?? []) } satisfies StaffScope;
}

/** True when the scope holds `permission`. */
export function can(scope: StaffScope, permission: Permission): boolean {
  return scope.role !== undefined && PERMISSIONS[scope.role].includes(permission);
}

/** Throws 403 FORBIDDEN unless the scope may use `route`. */
export function authorize(scope: StaffScope, route: StaffRoute): void {
  const needs: Permission | 'signed-in' = STAFF_ROUTES[route].needs;
  if (needs !== 'signed-in' && !can(scope, needs)) throw new HttpError('FORBIDDEN');
}

/** The record kinds the scope works on (none without a role). */
export function kindsOf(scope: StaffScope): readonly RecordKind[] {
  return scope.role === undefined ? [] : KINDS[scope.role];
}

/** True when the scope may see `record` (its kind and its province). */
export function sees(scope: StaffScope, record: Pick<FeedbackRecord, 'kind' | 'province'>) {
  if (!kindsOf(scope).includes(record.kind)) return false;
  if (scope.provinces === 'all') return true;
  return record.province !== undefined && scope.provinces.includes(record.province);
}

/**
 * `filter` narrowed to the scope, for lists and exports: the role's kind (a filter for another
 * kind is 403, as asking for what the role may not do), and its provinces.
 */
export function scopedFilter(scope: StaffScope, filter: FeedbackFilter): FeedbackFilter {
  const kinds = kindsOf(scope);
  if (filter.kind !== undefined && !kinds.includes(filter.kind)) throw new HttpError('FORBIDDEN');
  const scoped: FeedbackFilter = { ...filter };
  if (kinds.length === 1) scoped.kind = kinds[0];
  if (scope.provinces !== 'all') scoped.provinces = scope.provinces;
  return scoped;
}
