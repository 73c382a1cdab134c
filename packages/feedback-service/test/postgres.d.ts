/** What the tests got. */
export interface TestPostgres {
    /** Connection URL, or undefined when PostgreSQL is not available. */
    url: string | undefined;
    /** Undo everything set up here. */
    teardown(): Promise<void>;
}
/** Finds, starts or explains PostgreSQL for the tests. */
export declare function preparePostgres(): Promise<TestPostgres>;
