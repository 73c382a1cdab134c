declare const REQUESTS: number;
declare const CONCURRENCY: number;
export interface Result {
    store: string;
    accepted: number;
    failed: number;
    seconds: number;
    p50: number;
    p99: number;
}
/** Measures SQLite, then PostgreSQL when one can be had; used by `pnpm bench` too. */
export declare function runFeedbackBench(): Promise<Result[]>;
export { CONCURRENCY, REQUESTS };
