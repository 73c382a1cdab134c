import { createContext } from '@lit/context';
import type { StaffSession } from '../scripts/staff-api.ts';
import type { StaffWords } from './words.ts';

// What the staff elements share, handed down by <bz-staff-inbox> through @lit/context (an
// element asks its ancestors with a `context-request` event; no element looks another up by id).

/** A province and its service bases, as the filters offer them (built from the content files). */
export interface Place {
  id: string;
  name: string;
  bases: { id: string; name: string }[];
}

/** Why the work area is locked until staff sign in again (the work stays on screen). */
export type Expiry = 'session-expired' | 'signed-out';

/** The signed-in account, shared: every part follows it (and forgets what it holds on sign-out). */
export interface Account {
  session: StaffSession | undefined;
  expired: Expiry | undefined;
}

/** The list's query, shared: the filters and the export set it, the list follows it. */
export interface Query {
  params: URLSearchParams;
  /** Counts every request, so the same filters asked again load again. */
  serial: number;
  /** The control that asked, to put focus back on after a session expired mid-request. */
  trigger: HTMLElement | null;
  /** Whether to announce the count (not after an export, which says so itself). */
  announce: boolean;
}

/** Page-wide services: the words, the places, the live region and the one-at-a-time runner. */
export interface StaffTools extends StaffWords {
  places: readonly Place[];
  /** Feedback categories as the service names them (from core's schema, through the page, so
   * that the client does not load the schema library for a list of four words). */
  categories: readonly string[];
  /** A service base's name by id (the id itself when the base is not in the content). */
  baseName(id: string): string;
  /** Says `sentence` through the page's polite live region. */
  announce(sentence: string): void;
  /** Writes the page-wide error (above the parts), or clears it with ''. */
  problem(sentence: string): void;
  /**
   * Runs one staff action at a time (the page is aria-busy meanwhile; `host` has rendered the
   * outcome before it ends). An expired session locks the work and asks to sign in again, focus
   * returning to `trigger` afterwards; any other failure goes to `onError` as a sentence.
   * Resolves true when the action succeeded.
   */
  act(
    host: { updateComplete: Promise<unknown> },
    trigger: HTMLElement | null,
    onError: (sentence: string) => void,
    action: () => Promise<void>,
  ): Promise<boolean>;
}

export const toolsContext = createContext<StaffTools>(Symbol('bz-staff-tools'));
export const accountContext = createContext<Account>(Symbol('bz-staff-account'));
export const queryContext = createContext<Query>(Symbol('bz-staff-query'));

export const signedOut: Account = { session: undefined, expired: undefined };
