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
];
