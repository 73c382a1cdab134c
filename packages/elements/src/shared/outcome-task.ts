import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { Failure, Outcome } from './errors.ts';

export { TaskStatus };

/**
 * Async loading for a widget, with @lit/task: a Task whose work returns a typed Outcome (see
 * errors.ts) and that runs when the widget asks (`run(args)`), not on every update, so a value
 * the host page set itself (a preview) is not replaced. A newer run aborts the older one, so a
 * slow answer for a previous article never overwrites the current one. `failure` is the typed
 * reason of the last run that failed.
 */
export class OutcomeTask<A extends readonly unknown[], T> {
  readonly task: Task<A, T>;

  constructor(
    host: ReactiveControllerHost,
    load: (args: A, signal: AbortSignal) => Promise<Outcome<T>>,
    onValue: (value: T) => void,
  ) {
    this.task = new Task<A, T>(host, {
      autoRun: false,
      task: async (args, { signal }) => {
        const outcome = await load(args, signal);
        signal.throwIfAborted();
        if (!outcome.ok) throw outcome.failure;
        return outcome.value;
      },
      onComplete: onValue,
    });
  }

  /** Loads with `args`; settles when done (never rejects: see `failure`). */
  run(args: A): Promise<void> {
    return this.task.run(args);
  }

  get pending(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** Why the last run failed, or undefined while it is loading or after it succeeded. */
  get failure(): Failure | undefined {
    return this.task.status === TaskStatus.ERROR ? (this.task.error as Failure) : undefined;
  }
}
