import type { ServerResponse } from 'node:http';

// Back-pressure for answers written by code that does not wait for the socket (Astro's Node
// adapter writes each chunk as soon as it reads it): the body is re-wrapped so that the next
// chunk is only read from the source once the socket has drained. A slow client of the CSV
// export then holds the database reads, not megabytes of buffered rows.

/** Resolves when `res` can take more (at once unless its buffer is full), or when it closes. */
export function drainSignal(res: ServerResponse): () => Promise<void> {
  return () => (!res.writableNeedDrain || res.destroyed ? Promise.resolve() : drainedOrClosed(res));
}

/** Resolves on the next `drain` of `res`, or when it closes (a gone client drains nothing). */
export function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}

/** `response` with a body that reads from its source only after `drained()` resolves. */
export function pacedResponse(response: Response, drained: () => Promise<void>): Response {
  if (!response.body) return response;
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        await drained();
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    // Nothing read ahead: each chunk is asked for by the writer.
    { highWaterMark: 0 },
  );
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
