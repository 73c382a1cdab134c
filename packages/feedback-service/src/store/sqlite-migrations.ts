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
];
