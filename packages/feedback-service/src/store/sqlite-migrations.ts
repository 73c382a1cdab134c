// Versioned schema changes for SQLite. Append only: never edit a migration that has shipped;
// add the next version instead. Each runs once, in its own transaction, and is recorded in
// `schema_migrations`.

/** One schema change. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'create feedback',
    sql: `
      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        -- NULLs are distinct in a UNIQUE column, so submissions without a key never clash.
        idempotency_key TEXT UNIQUE,
        category TEXT NOT NULL
          CHECK (category IN ('complaint', 'suggestion', 'appreciation', 'question')),
        message TEXT NOT NULL,
        name TEXT,
        contact TEXT,
        anonymous INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
        service_base_id TEXT,
        page_url TEXT,
        lang TEXT NOT NULL CHECK (lang IN ('fa', 'en')),
        status TEXT NOT NULL DEFAULT 'received'
          CHECK (status IN ('received', 'in-review', 'answered', 'closed')),
        public_reply TEXT,
        replied_at TEXT,
        -- ISO 8601 UTC with milliseconds (Date.toISOString): fixed width, so text order is time order.
        received_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX feedback_received ON feedback (received_at, id);
      CREATE INDEX feedback_status ON feedback (status, received_at);
      CREATE INDEX feedback_service_base ON feedback (service_base_id, received_at);
    `,
  },
  {
    version: 2,
    name: 'comments on news as a kind of feedback',
    // SQLite cannot change a CHECK constraint in place, so the table is rebuilt (the documented
    // "make other kinds of table schema changes" procedure), inside the migration's transaction.
    sql: `
      CREATE TABLE feedback_v2 (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        idempotency_key TEXT UNIQUE,
        kind TEXT NOT NULL,
        category TEXT,
        -- Comments: the news article's id and the code of the comment replied to.
        article TEXT,
        parent TEXT,
        message TEXT NOT NULL,
        name TEXT,
        contact TEXT,
        anonymous INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
        service_base_id TEXT,
        page_url TEXT,
        lang TEXT NOT NULL CHECK (lang IN ('fa', 'en')),
        status TEXT NOT NULL,
        public_reply TEXT,
        replied_at TEXT,
        received_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (
          (kind = 'feedback'
            AND category IN ('complaint', 'suggestion', 'appreciation', 'question')
            AND status IN ('received', 'in-review', 'answered', 'closed')
            AND article IS NULL AND parent IS NULL)
          OR (kind = 'comment' AND category IS NULL
            AND status IN ('pending', 'approved', 'rejected')
            AND article IS NOT NULL)
        )
      ) STRICT;
      INSERT INTO feedback_v2 (id, code, idempotency_key, kind, category, message, name, contact,
          anonymous, service_base_id, page_url, lang, status, public_reply, replied_at,
          received_at, updated_at)
        SELECT id, code, idempotency_key, 'feedback', category, message, name, contact,
          anonymous, service_base_id, page_url, lang, status, public_reply, replied_at,
          received_at, updated_at
        FROM feedback;
      DROP TABLE feedback;
      ALTER TABLE feedback_v2 RENAME TO feedback;
      CREATE INDEX feedback_received ON feedback (received_at, id);
      CREATE INDEX feedback_status ON feedback (status, received_at);
      CREATE INDEX feedback_service_base ON feedback (service_base_id, received_at);
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
        token_hash TEXT PRIMARY KEY,
        actor TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE staff_audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        client TEXT NOT NULL
      ) STRICT;
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
      ALTER TABLE staff_sessions ADD COLUMN fingerprint TEXT;
      CREATE INDEX staff_sessions_actor ON staff_sessions (actor, created_at);
      -- Sign-in attempts in their sliding window, one row each (the token buckets of the public
      -- endpoints stay in memory on SQLite, the single-instance engine).
      CREATE TABLE sign_in_attempts (
        key TEXT NOT NULL,
        id TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        expires_ms INTEGER NOT NULL,
        PRIMARY KEY (key, id)
      ) STRICT;
      CREATE INDEX sign_in_attempts_expires ON sign_in_attempts (expires_ms);
      CREATE TABLE server_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      -- Scoped, expiring tokens for scripts; only the SHA-256 of each token is kept.
      CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        actor TEXT NOT NULL,
        scope TEXT NOT NULL CHECK (scope IN ('export', 'read')),
        label TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        revoked_at TEXT
      ) STRICT;
      CREATE INDEX api_tokens_actor ON api_tokens (actor, created_at);
    `,
  },
  {
    version: 5,
    name: 'province of each record, for staff scope',
    sql: `
      -- Resolved by the service from the base or the article; NULL (older rows): admins only.
      ALTER TABLE feedback ADD COLUMN province TEXT;
      CREATE INDEX feedback_province ON feedback (province, kind, received_at);
    `,
  },
  {
    version: 6,
    name: 'contact retention',
    sql: `
      -- When the name and contact were erased (retention, or the citizen asked).
      ALTER TABLE feedback ADD COLUMN contact_erased_at TEXT;
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
        actor TEXT PRIMARY KEY,
        secret_hash TEXT NOT NULL,
        replaces TEXT NOT NULL,
        changed_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 8,
    name: 'provinces of an API token',
    sql: `
      -- A JSON list narrowing the token to some of its maker's provinces; NULL: all of them.
      ALTER TABLE api_tokens ADD COLUMN provinces TEXT;
    `,
  },
];
