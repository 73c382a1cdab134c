// Public surface of @behzisti/feedback-service.
export * from './config.ts';
export * from './errors.ts';
export * from './handler.ts';
export * from './node-adapter.ts';
export * from './rate-limit.ts';
export { hashSecret, RECOMMENDED_COST, type ScryptCost } from './secret-hash.ts';
export { readStaffFile, type StaffAccount } from './staff-accounts.ts';
export { openPostgresStore, type PostgresStoreOptions } from './store/postgres.ts';
export { openSqliteStore, type SqliteStoreOptions } from './store/sqlite.ts';
export * from './store/types.ts';
