import type { FeedbackCategory } from '@behzisti/core';

// The storage interface. The handler only talks to this; SQLite and PostgreSQL implement it
// and run the same contract tests (test/stores.test.ts).

/** Where a piece of feedback is in the office's work, as the citizen sees it. */
export const feedbackStatuses = ['received', 'in-review', 'answered', 'closed'] as const;
/** A feedback status. */
export type FeedbackStatus = (typeof feedbackStatuses)[number];

/** A validated submission, ready to store. Texts are NFC; dates are ISO 8601 UTC strings. */
export interface NewFeedback {
  code: string;
  category: FeedbackCategory;
  message: string;
  name?: string | undefined;
  contact?: string | undefined;
  anonymous: boolean;
  serviceBaseId?: string | undefined;
  pageUrl?: string | undefined;
  lang: 'fa' | 'en';
  idempotencyKey?: string | undefined;
  receivedAt: string;
}

/** A stored piece of feedback with the office's progress on it. */
export interface FeedbackRecord extends NewFeedback {
  status: FeedbackStatus;
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
  category?: FeedbackCategory | undefined;
  status?: FeedbackStatus | undefined;
  serviceBaseId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
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
  /** Releases the database; pending inserts are finished first. */
  close(): Promise<void>;
}
