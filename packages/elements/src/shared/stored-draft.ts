/**
 * A value kept in the browser's storage under one key, for drafts a widget must not lose (the
 * feedback form's unsent text in localStorage, the checker's answers in sessionStorage). Storage
 * can be disabled or full (private mode, strict embed settings): then nothing is kept and nothing
 * throws; `write` says whether the value was kept. A damaged value reads as absent and is removed.
 */
export class StoredDraft<T> {
  private readonly area: 'localStorage' | 'sessionStorage';
  private readonly isValid: (value: unknown) => value is T;

  constructor(
    area: 'localStorage' | 'sessionStorage',
    isValid: (value: unknown) => value is T = (value: unknown): value is T => value !== null,
  ) {
    this.area = area;
    this.isValid = isValid;
  }

  private storage(): Storage | undefined {
    try {
      return window[this.area];
    } catch {
      return undefined;
    }
  }

  read(key: string): T | undefined {
    try {
      const value: unknown = JSON.parse(this.storage()?.getItem(key) ?? 'null');
      if (value !== null && this.isValid(value)) return value;
    } catch {
      // A damaged value is dropped below.
    }
    this.clear(key);
    return undefined;
  }

  /** Keeps the value; false when the browser would not store it. */
  write(key: string, value: T): boolean {
    const storage = this.storage();
    try {
      storage?.setItem(key, JSON.stringify(value));
      return storage !== undefined;
    } catch {
      return false;
    }
  }

  clear(key: string): void {
    try {
      this.storage()?.removeItem(key);
    } catch {
      // Nothing to clear.
    }
  }
}
