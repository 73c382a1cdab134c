import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { type StaffRecord, staffJson } from '../scripts/staff-api.ts';
import { statusesFor } from '../scripts/staff-query.ts';
import { factsTemplate, historyTemplate } from './item-facts.ts';
import { StaffElement, states } from './staff-element.ts';

/** A comment's two decisions: the decision, its button's label, and whether it is the primary. */
const MODERATION = [
  ['approved', 'detail.approve', true],
  ['rejected', 'detail.reject', false],
] as const;

interface Draft {
  reply?: string;
  status?: string;
}

/**
 * <bz-staff-item>: one item in full — facts, message, current reply, history — with its new
 * status and public reply, and approve/reject for comments. Unsaved replies and statuses are
 * kept by code while staff move between items or sign in again after the session expired.
 */
export class StaffItemElement extends StaffElement {
  static override properties = { record: { attribute: false }, ...states('error', 'saving') };

  declare record: StaffRecord | undefined;
  declare error: string;
  declare saving: boolean;

  private readonly drafts = new Map<string, Draft>();

  constructor() {
    super();
    this.record = undefined;
    this.error = '';
    this.saving = false;
  }

  focusTitle(): void {
    this.byId('staff-detail-title').focus();
  }

  protected override forget(): void {
    this.drafts.clear();
    this.error = '';
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Another item opened: the previous one's error does not apply to it.
    const before = changed.get('record') as StaffRecord | undefined;
    if (changed.has('record') && before?.code !== this.record?.code) this.error = '';
  }

  private remember(): void {
    if (!this.record) return;
    this.drafts.set(this.record.code, {
      reply: this.byId<HTMLTextAreaElement>('staff-reply').value,
      status: this.byId<HTMLSelectElement>('staff-new-status').value,
    });
  }

  private patch(record: StaffRecord, body: Record<string, unknown>): Promise<StaffRecord> {
    return staffJson<StaffRecord>(`/api/feedback/${encodeURIComponent(record.code)}`, {
      method: 'PATCH',
      body,
    });
  }

  /** The server's record is now the truth: the draft goes, the list and detail follow. */
  private saved(record: StaffRecord): void {
    this.drafts.delete(record.code);
    this.emit('bz-staff-saved', { record });
  }

  private save(event: SubmitEvent): void {
    event.preventDefault();
    const record = this.record;
    if (!record) return;
    const status = this.byId<HTMLSelectElement>('staff-new-status').value;
    const reply = this.byId<HTMLTextAreaElement>('staff-reply');
    const body: Record<string, unknown> = {};
    if (status !== record.status) body.status = status;
    const written = reply.value.trim();
    if (written !== (record.publicReply ?? '').trim())
      body.publicReply = written === '' ? null : reply.value;
    if (Object.keys(body).length === 0) {
      this.error = this.text('error.reply');
      reply.focus();
      return;
    }
    const onError = (sentence: string) => {
      this.error = sentence;
    };
    void this.act(this.byId('staff-save'), onError, async () => {
      this.saving = true;
      try {
        const saved = await this.patch(record, body);
        this.saved(saved);
        this.tools.announce(
          this.text('detail.saved', {
            code: this.tools.digits(saved.code),
            status: this.tools.statusLabel(saved.status),
          }),
        );
      } finally {
        this.saving = false;
      }
    });
  }

  private decide(status: 'approved' | 'rejected', event: Event): void {
    const record = this.record;
    if (!record) return;
    const onError = (sentence: string) => {
      this.error = sentence;
    };
    void this.act(event.currentTarget as HTMLElement, onError, async () => {
      const saved = await this.patch(record, { status });
      this.saved(saved);
      this.tools.announce(this.text(`detail.${status}`, { code: this.tools.digits(saved.code) }));
    });
  }

  private keydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && !(event.target instanceof HTMLTextAreaElement))
      this.emit('bz-staff-close', null);
  }

  protected override render(): TemplateResult {
    const record = this.record;
    if (!record) return html``;
    const { text, kindOf } = this.tools;
    const draft = this.drafts.get(record.code);
    const chosen = draft?.status ?? record.status;
    return html`
      <section
        id="staff-detail"
        class="staff-panel"
        aria-labelledby="staff-detail-title"
        @keydown=${this.keydown}
      >
        <p>
          <button type="button" class="staff-button" @click=${() => this.emit('bz-staff-close', null)}>
            ${text('detail.back')}
          </button>
        </p>
        <h2 id="staff-detail-title" tabindex="-1">
          ${this.tools.subject(record)} ${this.tools.code(record.code)}
        </h2>
        <dl id="staff-facts" class="facts">${factsTemplate(this.tools, record)}</dl>
        <h3>${text('detail.message')}</h3>
        <p id="staff-message" class="staff-message" dir="auto">${record.message}</p>
        <div id="staff-current-reply" ?hidden=${!record.publicReply}>
          <h3>${text('detail.currentReply')}</h3>
          <p id="staff-current-reply-text" class="staff-message" dir="auto">${record.publicReply ?? ''}</p>
        </div>
        <h3>${text('detail.history')}</h3>
        <ol id="staff-history" class="staff-history">${historyTemplate(this.tools, record)}</ol>
        ${
          kindOf(record) === 'comment'
            ? html`<p id="staff-moderate" class="staff-actions">
              ${MODERATION.map(
                ([decision, label, primary]) => html`<button
                  type="button"
                  class=${primary ? 'staff-button staff-primary' : 'staff-button'}
                  @click=${(e: Event) => this.decide(decision, e)}
                >
                  ${text(label)}
                </button>`,
              )}
            </p>`
            : nothing
        }
        <form id="staff-update" class="staff-form" novalidate @submit=${this.save}>
          <p>
            <label for="staff-new-status">${text('detail.newStatus')}</label>
            <select id="staff-new-status" name="status" @change=${this.remember}>
              ${statusesFor(kindOf(record)).map(
                (s) => html`<option value=${s} .selected=${live(s === chosen)}>
                  ${this.tools.statusLabel(s)}
                </option>`,
              )}
            </select>
          </p>
          <p>
            <label for="staff-reply">${text('detail.reply')}</label>
            <span id="staff-reply-hint" class="meta">${text('detail.replyHint')}</span>
            <textarea
              id="staff-reply"
              name="reply"
              rows="6"
              maxlength="4000"
              dir="auto"
              aria-describedby="staff-reply-hint staff-detail-error"
              .value=${live(draft?.reply ?? record.publicReply ?? '')}
              @input=${this.remember}
            ></textarea>
          </p>
          <p id="staff-detail-error" class="staff-error" role="alert">${this.error}</p>
          <p>
            <button type="submit" id="staff-save" class="staff-button staff-primary">
              ${text(this.saving ? 'detail.saving' : 'detail.save')}
            </button>
          </p>
        </form>
      </section>
    `;
  }
}
