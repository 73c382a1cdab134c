import type { Programme } from '@behzisti/core/schemas';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LoadError, type LoadErrorCode, loadJson } from '../shared/load-json.ts';
import { readProgrammes } from './rules-data.ts';

/** Where the rules are: loading, usable, or why not (see loadProblemText). */
export type RulesStatus = 'loading' | 'ready' | 'error' | 'invalid' | 'missing';

/** The element whose rules these are: where they are, and which programme is asked about. */
export interface RulesHost extends ReactiveControllerHost {
  /** The rules file's address. */
  src: string;
  /** Rules given inline; win over `src`. */
  programmes: unknown;
  /** The one programme asked about, or '' for all. */
  programme: string;
  /** How long to wait for the rules, in milliseconds. */
  timeout: number;
}

/**
 * The checker's rules, loaded whenever `src` or the inline rules change (a newer load aborts the
 * older one, and so does removing the element), checked before the engine reads them, and
 * narrowed to `programme`. A failure is a typed code for the element to word.
 *
 * Not @lit/task (the comments use it through OutcomeTask): it adds about 0.7 kB min+gzip (measured), and
 * this widget's script has no room under its ceiling; what the checker needs of it — abort the
 * older load, a status, a typed error — is the few lines below.
 */
export class RulesController implements ReactiveController {
  /** Every programme in the rules, and those asked about. */
  allProgrammes: Programme[] = [];
  askedProgrammes: Programme[] = [];
  rulesStatus: RulesStatus = 'loading';
  rulesError: LoadErrorCode = 'network';
  /** What the rules were loaded from (`src`, the inline rules), to load again when it changes. */
  private rulesFrom: unknown[] = [];
  /** The `programme` the list was narrowed to. */
  private rulesChosen: string | undefined;
  private rulesAbort: AbortController | undefined;
  private readonly host: RulesHost;
  /** The programmes to ask about changed and are usable: start (again) from the first question. */
  private readonly rulesReady: () => void;

  constructor(host: RulesHost, rulesReady: () => void) {
    this.host = host;
    this.rulesReady = rulesReady;
    host.addController(this);
  }

  hostUpdate(): void {
    const { src, programmes, programme } = this.host;
    const from = [src, programmes];
    if (from.some((value, i) => value !== this.rulesFrom[i])) {
      this.rulesFrom = from;
      this.load();
    } else if (
      (this.rulesStatus === 'ready' || this.rulesStatus === 'missing') &&
      this.rulesChosen !== programme
    )
      // A new `programme` narrows the rules already loaded.
      this.select();
  }

  hostConnected(): void {
    // Moved in the page (a CMS re-inserting a block) while loading: the load was aborted below.
    if (this.rulesStatus === 'loading' && this.rulesFrom.length) this.load();
  }

  hostDisconnected(): void {
    this.rulesAbort?.abort();
  }

  /** Loads the rules (again, for "try again"). */
  load(): void {
    this.rulesAbort?.abort();
    this.rulesStatus = 'loading';
    this.host.requestUpdate();
    const { src, programmes } = this.host;
    if (programmes) {
      this.accept(programmes);
      return;
    }
    if (!src) return;
    const abort = new AbortController();
    this.rulesAbort = abort;
    loadJson(new URL(src, document.baseURI), {
      signal: abort.signal,
      timeoutMs: this.host.timeout,
    })
      .then((data) => !abort.signal.aborted && this.accept(data))
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        this.rulesError = error instanceof LoadError ? error.code : 'network';
        this.rulesStatus = 'error';
        this.host.requestUpdate();
      });
  }

  private accept(data: unknown): void {
    const { programmes, problems } = readProgrammes(data);
    this.allProgrammes = programmes;
    if (problems.length > 0) {
      console.error(
        `bz-eligibility-checker: the rules cannot be used (validate them with check-rules):\n${problems.join('\n')}`,
      );
      this.rulesStatus = 'invalid';
    } else this.select();
    this.host.requestUpdate();
  }

  private select(): void {
    const { programme } = this.host;
    this.rulesChosen = programme;
    this.askedProgrammes = programme
      ? this.allProgrammes.filter((p) => p.id === programme)
      : this.allProgrammes;
    this.rulesStatus = this.askedProgrammes.length ? 'ready' : 'missing';
    if (this.askedProgrammes.length) this.rulesReady();
  }
}
