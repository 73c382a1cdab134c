/**
 * Fetches a JSON document for a widget (a dataset, a rules file) from any origin, with a time
 * limit and typed failures, so the widget can show a sentence that says what to do and a retry
 * button instead of breaking the host page. No cookies go to other origins: data files are public.
 */
export type LoadErrorCode = 'network' | 'timeout' | 'not-found' | 'server' | 'not-json';

export class LoadError extends Error {
  readonly code: LoadErrorCode;
  readonly status: number | undefined;

  constructor(code: LoadErrorCode, message: string, status?: number) {
    super(message);
    this.name = 'LoadError';
    this.code = code;
    this.status = status;
  }
}

export interface LoadOptions {
  /** Aborts the request (e.g. the element was removed or `src` changed). */
  signal?: AbortSignal;
  /** Gives up after this long on a slow connection; default 20 s. */
  timeoutMs?: number;
}

export async function loadJson(url: string | URL, options: LoadOptions = {}): Promise<unknown> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 20_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, {
      signal,
      // 'same-origin' rather than 'omit': cookies still never go to another origin, and the
      // portal's own cookie is scoped to /api, so none reaches a data file either way; but
      // 'same-origin' is what `<link rel="preload" as="fetch" crossorigin>` uses, so a page that
      // preloads its first data gets the preloaded response instead of downloading it twice.
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (timeout.aborted) throw new LoadError('timeout', `No answer from ${url} in time`);
    throw new LoadError('network', `Could not reach ${url}: ${String(error)}`);
  }
  if (!response.ok) {
    const code = response.status === 404 || response.status === 410 ? 'not-found' : 'server';
    throw new LoadError(code, `${url} answered ${response.status}`, response.status);
  }
  try {
    return await response.json();
  } catch {
    throw new LoadError('not-json', `${url} did not return JSON`, response.status);
  }
}
