import type { ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { parseTrackingCode } from '@behzisti/core';
import { openSqliteStore } from '../src/store/sqlite.ts';

// A rolling restart of a busy server, for the graceful-shutdown tests of the standalone service
// (shutdown.test.ts) and of the portal's server (portal/e2e/operations.test.ts).

/** POSTs one submission on a keep-alive agent; resolves with status and body, rejects on reset. */
function submit(
  url: string,
  agent: Agent,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/feedback`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export interface SigtermRun {
  /** The process's exit code. */
  exitCode: number | null;
  /** Every tracking code answered 201, before and after the signal. */
  acknowledged: string[];
  /** How many were acknowledged when the signal was sent. */
  atSignal: number;
  /** Workers whose next request was refused or reset once the server stopped accepting. */
  refused: number;
}

/**
 * Submits from `workers` keep-alive connections (the body of worker `id`'s `i`th submission from
 * `body`) until `before` are acknowledged or 20 s have passed, sends SIGTERM to `child`, and
 * keeps submitting until the process has exited: nothing refused after the signal was promised.
 */
export async function sigtermUnderLoad(options: {
  url: string;
  child: ChildProcess;
  workers: number;
  before: number;
  body: (id: number, i: number) => string;
}): Promise<SigtermRun> {
  const exited = new Promise<number | null>((resolve) =>
    options.child.once('exit', (code) => resolve(code)),
  );
  const agent = new Agent({ keepAlive: true, maxSockets: options.workers });
  const acknowledged: string[] = [];
  let refused = 0;
  let stop = false;
  const worker = async (id: number): Promise<void> => {
    for (let i = 0; !stop; i++) {
      try {
        const { status, text } = await submit(options.url, agent, options.body(id, i));
        if (status === 201) acknowledged.push((JSON.parse(text) as { code: string }).code);
      } catch {
        refused++;
        return;
      }
    }
  };
  const workers = Array.from({ length: options.workers }, (_, id) => worker(id));
  const started = Date.now();
  while (acknowledged.length < options.before && Date.now() - started < 20_000) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const atSignal = acknowledged.length;
  options.child.kill('SIGTERM');
  const exitCode = await exited;
  stop = true;
  await Promise.all(workers);
  agent.destroy();
  return { exitCode, acknowledged, atSignal, refused };
}

/** The acknowledged tracking codes that the SQLite file at `path` does not hold. */
export async function notStored(path: string, codes: readonly string[]): Promise<string[]> {
  const store = await openSqliteStore({ path });
  try {
    const missing: string[] = [];
    for (const code of codes) {
      const parsed = parseTrackingCode(code);
      if (!parsed.ok || !(await store.getByCode(parsed.code))) missing.push(code);
    }
    return missing;
  } finally {
    await store.close();
  }
}
