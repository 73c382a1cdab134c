import type { Programme } from '@behzisti/core/schemas';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LoadError, type LoadErrorCode, loadJson } from '../shared/load-json.ts';
import { readProgrammes } from './rules-data.ts';

/** Where the rules are: loading, usable, or why not (see loadProblemText). */
export type RulesStatus = 'loading' | 'ready' | 'error' | 'invalid' | 'missing';

export interface RulesOptions {
  /** The rules file's address (`src`). */
  src: () => string;
  /** Rules given inline (`programmes`); win over `src`. */
  inline: () => unknown;
  /** The one programme asked about (`programme`), or '' for all. */
  programme: () => string;
  timeoutMs: () => number;
  /** The programmes to ask about changed and are usable: start (again) from the first question. */
  ready: () => void;
}

/**
 * The checker's rules, loaded whenever `src` or the inline rules change (a newer load aborts the
 * older one, and so does removing the element), checked before the engine reads them, and
 * narrowed to `programme`. A failure is a typed code for the element to word.
 *
 * Not @lit/task (the comments use it through OutcomeTask): it adds about 0.8 kB min+gzip, and
 * this widget's script has no room under its ceiling; what the checker needs of it — abort the
 * older load, a status, a typed error — is the few lines below.
 */
export class RulesController implements ReactiveController {
  /** Every programme in the rules, and those asked about. */
  all: Programme[] = [];
  list: Programme[] = [];
  status: RulesStatus = 'loading';
  error: LoadErrorCode = 'network';
  /** What the rules were loaded from (`src`, the inline rules), to load again when it changes. */
  private from: unknown[] = [];
  /** The `programme` the list was narrowed to. */
  private chosen: string | undefined;
  private abort: AbortController | undefined;
  private readonly host: ReactiveControllerHost;
  private readonly options: RulesOptions;

  constructor(host: ReactiveControllerHost, options: RulesOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostUpdate(): void {
    const { src, inline, programme } = this.options;
    const from = [src(), inline()];
    if (from.some((value, i) => value !== this.from[i])) {
      this.from = from;
      this.load();
    } else if (
      (this.status === 'ready' || this.status === 'missing') &&
      this.chosen !== programme()
    )
      // A new `programme` narrows the rules already loaded.
      this.select();
  }

  hostDisconnected(): void {
    this.abort?.abort();
  }

  /** Loads the rules (again, for "try again"). */
  readonly load = (): void => {
    this.abort?.abort();
    this.status = 'loading';
    this.host.requestUpdate();
    const [src, inline] = this.from as [string, unknown];
    if (inline) {
      this.accept(inline);
      return;
    }
    if (!src) return;
    const abort = new AbortController();
    this.abort = abort;
    loadJson(new URL(src, document.baseURI), {
      signal: abort.signal,
      timeoutMs: this.options.timeoutMs(),
    })
      .then((data) => !abort.signal.aborted && this.accept(data))
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        this.error = error instanceof LoadError ? error.code : 'network';
        this.status = 'error';
        this.host.requestUpdate();
      });
  };

  private accept(data: unknown): void {
    const { programmes, problems } = readProgrammes(data);
    this.all = programmes;
    if (problems.length > 0) {
      console.error(
        `bz-eligibility-checker: the rules cannot be used (validate them with check-rules):\n${problems.join('\n')}`,
      );
      this.status = 'invalid';
    } else this.select();
    this.host.requestUpdate();
  }

  private select(): void {
    const programme = this.options.programme();
    this.chosen = programme;
    this.list = programme ? this.all.filter((p) => p.id === programme) : this.all;
    this.status = this.list.length ? 'ready' : 'missing';
    if (this.list.length) this.options.ready();
  }
}
