import { type ChildProcess } from 'node:child_process';
/** A running server process. */
export interface ServerProcess {
    child: ChildProcess;
    url: string;
    output: () => string;
    /** SIGTERM and wait for exit (idempotent). */
    stop(): Promise<void>;
}
/** Starts `node src/server.ts` with `env` added to the environment; resolves once it listens. */
export declare function startServer(env: Record<string, string>): Promise<ServerProcess>;
