import type { InsertResult, NewFeedback } from './types.ts';

/** A submission waiting for its batch, settled by the store once the batch has committed. */
export interface Pending {
  feedback: NewFeedback;
  resolve: (result: InsertResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit, as both stores do it: every insert that arrives while the event loop is busy
 * joins one batch, handed to `commit` on the next turn (setImmediate). `commit` settles each
 * item only once its rows are durable, so no 201 goes out before that. After `close()` inserts
 * are refused and whatever is queued is handed over at once.
 */
export function groupCommit(commit: (batch: Pending[]) => void): {
  insert(feedback: NewFeedback): Promise<InsertResult>;
  readonly closed: boolean;
  close(): void;
} {
  let queue: Pending[] = [];
  let scheduled = false;
  let closed = false;
  const flush = (): void => {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length > 0) commit(batch);
  };
  return {
    insert(feedback) {
      if (closed) return Promise.reject(new Error('the feedback store is closed'));
      return new Promise((resolve, reject) => {
        queue.push({ feedback, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    get closed() {
      return closed;
    },
    close() {
      closed = true;
      flush();
    },
  };
}
