import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A value that is taken only once it has stopped changing for `delayMs`: what a live region
 * announces while someone types (the characters left, as GOV.UK does), so a screen reader is
 * not interrupted at every key.
 */
export class SettledController<T> implements ReactiveController {
  /** The last value that stayed unchanged for the delay, or undefined. */
  value: T | undefined;
  private readonly host: ReactiveControllerHost;
  private readonly delayMs: number;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, delayMs: number) {
    this.host = host;
    this.delayMs = delayMs;
    host.addController(this);
  }

  /** `value` changed: take it once it has settled. */
  set(value: T): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.value = value;
      this.host.requestUpdate();
    }, this.delayMs);
  }

  reset(): void {
    clearTimeout(this.timer);
    this.value = undefined;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }
}
