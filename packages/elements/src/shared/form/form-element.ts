import type { PropertyDeclarations } from 'lit';
import { BzElement } from '../bz-element.ts';
import { errorSummaryStyles } from '../error-summary.styles.ts';
import type { Failure } from '../errors.ts';
import { formStyles } from './form.styles.ts';
import { SendKey } from './send-key.ts';

/**
 * Base of the elements whose form sends to the feedback service, the feedback form and the
 * comments (issue 18, one form module): the state such a form keeps (what was written, the
 * problems found in it, why the last call failed, whether a call is under way, the honeypot's
 * text, when the form was shown for the service's fill-time check, the send's idempotency key)
 * and the steps both take with it. `Values` is what a person writes, `Problems` its problems by
 * field. Subclasses set `values` in their constructor.
 */
export class FormElement<Values, Problems extends object> extends BzElement {
  static override styles = [...BzElement.styles, errorSummaryStyles, formStyles];

  // Plain keys: the widget scripts shorten these names (scripts/bundle.mjs internalNames).
  static override properties: PropertyDeclarations = {
    values: { state: true },
    problems: { state: true },
    failure: { state: true },
    sending: { state: true },
  };

  /** What the person has written. */
  declare protected values: Values;
  /** Problems found in what was written, by field (empty: none). */
  declare protected problems: Problems;
  /** Why the last call to the service failed, until the next starts. */
  declare protected failure: Failure | undefined;
  /** A call is under way (the submit button is then `aria-disabled`). */
  declare protected sending: boolean;

  /** The honeypot field's text (see fields.ts honeypot). */
  protected website = '';
  /** When the form was (last) shown, epoch ms. */
  protected shownAt = 0;
  protected readonly sendKey = new SendKey();

  constructor() {
    super();
    this.problems = {} as Problems;
    this.sending = false;
  }

  /** A subclass that overrides this calls `super.firstUpdated()`: the fill time counts from here. */
  protected override firstUpdated(): void {
    this.shownAt = Date.now();
  }

  /** Shows `problems`; when there are any, moves focus to the error summary. True when none. */
  protected async showProblems(problems: Problems): Promise<boolean> {
    this.problems = problems;
    const none = Object.keys(problems).length === 0;
    if (!none) await this.focusAfterUpdate();
    return none;
  }

  /** After rendering, focus on the element `selector` finds: by default the error summary. */
  protected async focusAfterUpdate(selector = '.error-summary'): Promise<void> {
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>(selector)?.focus();
  }
}
