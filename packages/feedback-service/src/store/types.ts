import type { FeedbackCategory } from '@behzisti/core';
import type { RateDecision, RateLimit } from '../rate-limit.ts';

// The storage interface. The handler only talks to this; SQLite and PostgreSQL implement it
// and run the same contract tests (test/stores.test.ts).

/** Where a piece of feedback is in the office's work, as the citizen sees it. */
export const feedbackStatuses = ['received', 'in-review', 'answered', 'closed'] as const;
/** Where a comment on a news article is in moderation: nothing is public until approved. */
export const commentStatuses = ['pending', 'approved', 'rejected'] as const;
/** Any status a record can have: feedback statuses, or comment statuses for comments. */
export type FeedbackStatus = (typeof feedbackStatuses)[number] | (typeof commentStatuses)[number];
/** A comment status. */
export type CommentStatus = (typeof commentStatuses)[number];

/** What a record is: feedback to the office, or a comment on a news article. */
export const recordKinds = ['feedback', 'comment'] as const;
/** A record kind. */
export type RecordKind = (typeof recordKinds)[number];

/** The statuses a record of `kind` may take. */
export function statusesOf(kind: RecordKind): readonly FeedbackStatus[] {
  return kind === 'comment' ? commentStatuses : feedbackStatuses;
}

/** A validated submission, ready to store. Texts are NFC; dates are ISO 8601 UTC strings. */
export interface NewFeedback {
  code: string;
  /** 'comment' for a comment on a news article; then `article` is set and `category` absent. */
  kind: RecordKind;
  /** Feedback only. */
  category?: FeedbackCategory | undefined;
  /** Comments only: the news article's id (`fa/hesseh-service-base`). */
  article?: string | undefined;
  /** Comments only: the canonical code of the comment this one replies to. */
  parent?: string | undefined;
  message: string;
  name?: string | undefined;
  contact?: string | undefined;
  anonymous: boolean;
  serviceBaseId?: string | undefined;
  pageUrl?: string | undefined;
  /**
   * The province the record is about, resolved by the service from its base or its article
   * (never sent by the citizen); decides which staff see it. Absent: admins only.
   */
  province?: string | undefined;
  lang: 'fa' | 'en';
  idempotencyKey?: string | undefined;
  receivedAt: string;
}

/** A stored piece of feedback with the office's progress on it. */
export interface FeedbackRecord extends NewFeedback {
  status: FeedbackStatus;
  /** When the name and contact were erased (retention, or the citizen asked); absent before. */
  contactErasedAt?: string | undefined;
  publicReply?: string | undefined;
  repliedAt?: string | undefined;
  updatedAt: string;
}

/** The outcome of an insert: the code now on record and whether this call created it. */
export interface InsertResult {
  code: string;
  /** false when a row with the same idempotency key already existed (its code is returned). */
  created: boolean;
}

/** What the office may change. */
export interface FeedbackUpdate {
  status?: FeedbackStatus | undefined;
  /** A reply shown to anyone holding the code; null removes it. */
  publicReply?: string | null | undefined;
}

/** Filters for the staff list and export; dates are ISO 8601 instants, `to` exclusive. */
export interface FeedbackFilter {
  kind?: RecordKind | undefined;
  article?: string | undefined;
  category?: FeedbackCategory | undefined;
  status?: FeedbackStatus | undefined;
  /** One base, or several (any of them: the staff page sends a province as its bases). */
  serviceBaseId?: string | readonly string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Only records of these provinces (a staff member's scope); records without one never match. */
  provinces?: readonly string[] | undefined;
}

/** A page of the staff list, newest first. */
export interface FeedbackPage {
  items: FeedbackRecord[];
  total: number;
}

/** Thrown by `insert` when the (random) code is already taken; the caller retries with a new one. */
export class CodeCollisionError extends Error {
  constructor(code: string) {
    super(`tracking code ${code} is already taken`);
    this.name = 'CodeCollisionError';
  }
}

/** A signed-in staff member's session; only the SHA-256 of the cookie value is stored. */
export interface StaffSession {
  /** Hex SHA-256 of the cookie value. */
  tokenHash: string;
  actor: string;
  createdAt: string;
  lastSeenAt: string;
  /**
   * Keyed digest of the account's configuration (credential, role…) when the session began; a
   * session whose account has changed since no longer matches and ends. Absent on old rows.
   */
  fingerprint?: string | undefined;
}

/** What an API token may do: `export` the CSV only, or `read` (the list, the CSV, the audit log). */
export const apiTokenScopes = ['export', 'read'] as const;
export type ApiTokenScope = (typeof apiTokenScopes)[number];

/** A scoped, expiring API token for scripts; only the SHA-256 of the token is stored. */
export interface ApiToken {
  /** Public id, for listing and revoking. */
  id: string;
  /** Hex SHA-256 of the token. */
  tokenHash: string;
  /** The account it acts as. */
  actor: string;
  scope: ApiTokenScope;
  /** What it is for, as its maker wrote it. */
  label: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string | undefined;
  /** Only these of its maker's provinces; absent: all of the maker's. */
  provinces?: string[] | undefined;
}

/** The outcome of reserving a sign-in attempt: an id to release on success, or when to retry. */
export type AttemptDecision =
  | { allowed: true; id: string }
  | { allowed: false; retryAfterSeconds: number };

/** One line of the audit log. */
export interface AuditEntry {
  at: string;
  actor: string;
  /** sign-in, sign-in-failed, sign-out, status-change, approve, reject, reply, reply-removed, csv-export */
  action: string;
  /** Tracking code the action was on, if any. */
  target?: string | undefined;
  /** Client address (rate-limit key) the request came from. */
  client: string;
}

/**
 * Whose contact details to erase: one record's (the citizen holding its code asks), or every
 * closed feedback record last changed before `closedBefore` (the retention period).
 */
export type ContactErasure = { code: string } | { closedBefore: string };

/** A staff member's own secret, set in the inbox; see own-secret.ts for when it counts. */
export interface StaffSecret {
  actor: string;
  /** PHC scrypt string of the new secret. */
  secretHash: string;
  /** SHA-256 (hex) of the configured hash it replaced. */
  replaces: string;
  changedAt: string;
}

/** Storage for feedback. Every method is safe to call concurrently. */
export interface FeedbackStore {
  /**
   * Stores a submission durably before resolving. With an idempotency key that is already on
   * record, stores nothing and returns the existing code (`created: false`).
   */
  insert(feedback: NewFeedback): Promise<InsertResult>;
  /** The record with this canonical code, if any. */
  getByCode(code: string): Promise<FeedbackRecord | undefined>;
  /** A page of records matching `filter`, newest first. */
  list(filter: FeedbackFilter, page: { limit: number; offset: number }): Promise<FeedbackPage>;
  /** Applies `update`; returns the updated record, or undefined for an unknown code. */
  update(code: string, update: FeedbackUpdate, now: string): Promise<FeedbackRecord | undefined>;
  /** Every record matching `filter`, newest first, read in batches (for CSV export). */
  exportRecords(filter: FeedbackFilter): AsyncIterable<FeedbackRecord>;
  /** Approved comments on `article`, oldest first. */
  approvedComments(article: string): Promise<FeedbackRecord[]>;
  /** Approved comment counts for each of `articles` (absent when none). */
  commentCounts(articles: readonly string[]): Promise<Map<string, number>>;

  /** Stores a new session. */
  createSession(session: StaffSession): Promise<void>;
  /** The session with this token hash, if any (expired ones too: the caller decides). */
  getSession(tokenHash: string): Promise<StaffSession | undefined>;
  /** Records activity on a session. */
  touchSession(tokenHash: string, lastSeenAt: string): Promise<void>;
  /** Ends a session. */
  deleteSession(tokenHash: string): Promise<void>;
  /** Removes sessions idle since before `idleBefore` or created before `createdBefore`. */
  purgeSessions(idleBefore: string, createdBefore: string): Promise<void>;
  /** Ends every session of `actor` ("sign out everywhere"); returns how many there were. */
  endSessionsOf(actor: string): Promise<number>;
  /** Keeps only the `keep` newest sessions of `actor`, ending the older ones. */
  trimSessions(actor: string, keep: number): Promise<void>;

  /** Stores a new API token. */
  createApiToken(token: ApiToken): Promise<void>;
  /** The token with this hash, if any (expired and revoked ones too: the caller decides). */
  getApiToken(tokenHash: string): Promise<ApiToken | undefined>;
  /** The tokens `actor` made, newest first. */
  listApiTokens(actor: string): Promise<ApiToken[]>;
  /** Revokes `actor`'s token `id` at `at`; false when there is no such live token. */
  revokeApiToken(actor: string, id: string, at: string): Promise<boolean>;

  /**
   * Takes a token from the bucket `key` under `limit` at `nowMs`, atomically across every
   * instance that shares the store (on PostgreSQL one upsert per take).
   */
  takeToken(key: string, limit: RateLimit, nowMs: number): Promise<RateDecision>;
  /**
   * Reserves one of `max` attempts that `key` may make in any `windowMs` (a sliding window),
   * atomically across instances, so parallel requests cannot exceed it. Release the id when the
   * attempt turns out not to count (a successful sign-in).
   */
  reserveAttempt(
    key: string,
    max: number,
    windowMs: number,
    nowMs: number,
  ): Promise<AttemptDecision>;
  /** Gives back an attempt reserved under `key`. */
  releaseAttempt(key: string, id: string): Promise<void>;
  /** Forgets buckets that have refilled and attempts that left their window by `nowMs`. */
  pruneLimits(nowMs: number): Promise<void>;
  /**
   * A random secret named `name`, made on first use and the same for every instance on this
   * store (keys the digests of unknown account names and of account configurations).
   */
  secret(name: string): Promise<string>;

  /** Appends to the audit log. */
  addAudit(entry: AuditEntry): Promise<void>;
  /** A page of the audit log, newest first; only entries on `target` (a tracking code) when given. */
  listAudit(
    page: { limit: number; offset: number },
    target?: string,
  ): Promise<{ items: AuditEntry[]; total: number }>;

  /**
   * Whether the database answers and carries every migration this code knows (for /readyz).
   * Never throws: an unreachable database is `false`.
   */
  ready(): Promise<boolean>;

  /**
   * Erases the name and contact of the feedback `which` names (comments are not touched),
   * keeping its code, category, province, status and dates; returns how many records changed.
   * One idempotent UPDATE: records already erased do not match, so several instances running
   * it at once, or twice, change nothing more.
   */
  eraseContacts(which: ContactErasure, at: string): Promise<number>;

  /** The secret `actor` set for themselves, if any. */
  getStaffSecret(actor: string): Promise<StaffSecret | undefined>;
  /** Stores (or replaces) `actor`'s own secret. */
  setStaffSecret(secret: StaffSecret): Promise<void>;

  /** Releases the database; pending inserts are finished first. */
  close(): Promise<void>;
}

/** The highest migration version in a list (what a ready database must have reached). */
export function latestVersion(migrations: readonly { version: number }[]): number {
  return migrations.reduce((max, migration) => Math.max(max, migration.version), 0);
}
