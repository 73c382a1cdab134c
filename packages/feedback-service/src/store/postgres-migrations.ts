import type { Migration } from './sqlite-migrations.ts';

// Versioned schema changes for PostgreSQL, numbered like the SQLite ones so both engines are at
// the same version for the same code. Append only.

export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'create feedback',
    sql: `
      CREATE TABLE feedback (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        code text NOT NULL UNIQUE,
        -- NULLs are distinct in a UNIQUE column, so submissions without a key never clash.
        idempotency_key text UNIQUE,
        category text NOT NULL
          CHECK (category IN ('complaint', 'suggestion', 'appreciation', 'question')),
        message text NOT NULL,
        name text,
        contact text,
        anonymous boolean NOT NULL,
        service_base_id text,
        page_url text,
        lang text NOT NULL CHECK (lang IN ('fa', 'en')),
        status text NOT NULL DEFAULT 'received'
          CHECK (status IN ('received', 'in-review', 'answered', 'closed')),
        public_reply text,
        replied_at timestamptz,
        received_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX feedback_received ON feedback (received_at, id);
      CREATE INDEX feedback_status ON feedback (status, received_at);
      CREATE INDEX feedback_service_base ON feedback (service_base_id, received_at);
    `,
  },
  {
    version: 2,
    name: 'comments on news as a kind of feedback',
    // The column CHECKs of version 1 carry PostgreSQL's default names (<table>_<column>_check).
    sql: `
      ALTER TABLE feedback
        ADD COLUMN kind text NOT NULL DEFAULT 'feedback',
        ADD COLUMN article text,
        ADD COLUMN parent text,
        ALTER COLUMN category DROP NOT NULL,
        ALTER COLUMN status DROP DEFAULT,
        DROP CONSTRAINT feedback_category_check,
        DROP CONSTRAINT feedback_status_check;
      ALTER TABLE feedback ALTER COLUMN kind DROP DEFAULT;
      ALTER TABLE feedback ADD CONSTRAINT feedback_kind_check CHECK (
        (kind = 'feedback'
          AND category IN ('complaint', 'suggestion', 'appreciation', 'question')
          AND status IN ('received', 'in-review', 'answered', 'closed')
          AND article IS NULL AND parent IS NULL)
        OR (kind = 'comment' AND category IS NULL
          AND status IN ('pending', 'approved', 'rejected')
          AND article IS NOT NULL)
      );
      CREATE INDEX feedback_kind ON feedback (kind, received_at);
      CREATE INDEX feedback_article ON feedback (article, status, received_at);
    `,
  },
  {
    version: 3,
    name: 'staff sessions and audit log',
    sql: `
      CREATE TABLE staff_sessions (
        -- SHA-256 (hex) of the cookie value: a copy of the database cannot be replayed as a cookie.
        token_hash text PRIMARY KEY,
        actor text NOT NULL,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL
      );
      CREATE TABLE staff_audit (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        target text,
        client text NOT NULL
      );
      CREATE INDEX staff_audit_at ON staff_audit (at, id);
      CREATE INDEX staff_audit_target ON staff_audit (target, at);
      -- Sign-in failures per client address in a window (the sign-in rate limit).
      CREATE INDEX staff_audit_action_client ON staff_audit (action, client, at);
    `,
  },
  {
    version: 4,
    name: 'shared limits, session fingerprints and server secrets',
    sql: `
      -- Configuration digest of the account when the session began (NULL: from before, ends).
      ALTER TABLE staff_sessions ADD COLUMN fingerprint text;
      CREATE INDEX staff_sessions_actor ON staff_sessions (actor, created_at);
      -- Token buckets of the public endpoints, shared by every instance. UNLOGGED: abuse
      -- counters need no WAL (they are emptied after a crash, which only forgives a few
      -- requests), and writing one per request must cost as little as possible.
      CREATE UNLOGGED TABLE rate_buckets (
        key text PRIMARY KEY,
        tokens double precision NOT NULL,
        updated_ms bigint NOT NULL,
        -- When the bucket is full again, and equal to a fresh one: the row can go then.
        full_ms bigint NOT NULL,
        taken boolean NOT NULL
      );
      CREATE INDEX rate_buckets_full ON rate_buckets (full_ms);
      -- Sign-in attempts in their sliding window: one row per key, so a reservation is a
      -- single upsert that locks that row ('<ms>:<id>' per attempt).
      CREATE TABLE sign_in_attempts (
        key text PRIMARY KEY,
        hits text[] NOT NULL,
        expires_ms bigint NOT NULL
      );
      CREATE INDEX sign_in_attempts_expires ON sign_in_attempts (expires_ms);
      CREATE TABLE server_secrets (name text PRIMARY KEY, value text NOT NULL);
      -- Scoped, expiring tokens for scripts; only the SHA-256 of each token is kept.
      CREATE TABLE api_tokens (
        id text PRIMARY KEY,
        token_hash text NOT NULL UNIQUE,
        actor text NOT NULL,
        scope text NOT NULL CHECK (scope IN ('export', 'read')),
        label text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      );
      CREATE INDEX api_tokens_actor ON api_tokens (actor, created_at);
    `,
  },
  {
    version: 5,
    name: 'province of each record, for staff scope',
    sql: `
      -- Resolved by the service from the base or the article; NULL (older rows): admins only.
      ALTER TABLE feedback ADD COLUMN province text;
      CREATE INDEX feedback_province ON feedback (province, kind, received_at);
    `,
  },
  {
    version: 6,
    name: 'contact retention',
    sql: `
      -- When the name and contact were erased (retention, or the citizen asked).
      ALTER TABLE feedback ADD COLUMN contact_erased_at timestamptz;
      -- The daily retention run reads only closed feedback that still holds contact details.
      CREATE INDEX feedback_retention ON feedback (status, updated_at)
        WHERE name IS NOT NULL OR contact IS NOT NULL;
    `,
  },
  {
    version: 7,
    name: 'staff secrets changed in the inbox',
    sql: `
      -- A staff member's own secret; counts while the configured hash is the one it replaced.
      CREATE TABLE staff_secrets (
        actor text PRIMARY KEY,
        secret_hash text NOT NULL,
        replaces text NOT NULL,
        changed_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 8,
    name: 'provinces of an API token',
    sql: `
      -- A JSON list narrowing the token to some of its maker's provinces; NULL: all of them.
      ALTER TABLE api_tokens ADD COLUMN provinces text;
    `,
  },
];
