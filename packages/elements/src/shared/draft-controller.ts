import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StoredDraft } from './stored-draft.ts';

export interface DraftOptions<T> {
  /** The storage key of the draft, from the host's attributes. */
  key: () => string;
  /** Whether a kept draft may be restored now (false until the attributes it needs are set). */
  restoring: () => boolean;
  /** Takes a kept draft; answers whether it used it (a form already filled in keeps its text). */
  restore: (draft: T) => boolean;
}

/**
 * A draft of a widget kept in storage (see stored-draft.ts) under a key the host computes from
 * its attributes (which may come late): before each update, once the key is known or changes,
 * the kept draft is read once and handed to `restore`. `keep` writes the draft (remembering
 * when it was first kept), `forget` removes it; `kept` and `savedAt` are for the host to show.
 */
export class DraftController<T extends { savedAt: string }> implements ReactiveController {
  /** A draft is in storage now. */
  kept = false;
  /** When the current draft was first kept (ISO 8601). */
  savedAt: string | undefined;
  /** When the draft the widget opened with was first kept, if it opened with one. */
  restoredAt: string | undefined;

  private readonly host: ReactiveControllerHost;
  private readonly store: StoredDraft<T>;
  private readonly options: DraftOptions<T>;
  private checkedKey: string | undefined;

  constructor(host: ReactiveControllerHost, store: StoredDraft<T>, options: DraftOptions<T>) {
    this.host = host;
    this.store = store;
    this.options = options;
    host.addController(this);
  }

  hostUpdate(): void {
    if (!this.options.restoring()) return;
    const key = this.options.key();
    if (key === this.checkedKey) return;
    this.checkedKey = key;
    const draft = this.store.read(key);
    if (draft && this.options.restore(draft)) {
      this.restoredAt = this.savedAt = draft.savedAt;
      this.kept = true;
    }
  }

  /** Keeps `draft` (its `savedAt` is replaced by the first time it was kept); false if refused. */
  keep(draft: Omit<T, 'savedAt'>): boolean {
    const key = this.options.key();
    const savedAt = this.savedAt ?? new Date().toISOString();
    this.kept = this.store.write(key, { ...draft, savedAt } as T);
    if (this.kept) this.savedAt = savedAt;
    this.host.requestUpdate();
    return this.kept;
  }

  /** Removes the draft from storage and forgets it. */
  forget(): void {
    this.store.clear(this.options.key());
    this.kept = false;
    this.savedAt = this.restoredAt = undefined;
    this.host.requestUpdate();
  }
}
