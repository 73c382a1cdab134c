import { ContextConsumer } from '@lit/context';
import { html, nothing, type TemplateResult } from 'lit';
import { staffFetch } from '../scripts/staff-api.ts';
import {
  commentStatuses,
  type FilterInput,
  feedbackStatuses,
  filterParams,
  kinds,
  statusesFor,
} from '../scripts/staff-query.ts';
import { roleView } from '../scripts/staff-role.ts';
import { queryContext } from './context.ts';
import { StaffElement, states } from './staff-element.ts';

type DateField = 'from' | 'to';

/**
 * <bz-staff-filters>: the filter form and the CSV export. Offers only what fits the other
 * choices (a province's bases, a kind's statuses, the role's kind); checks the dates and sets
 * the shared query, which the list follows.
 */
export class StaffFiltersElement extends StaffElement {
  static override properties = states('kind', 'province', 'dateErrors');

  declare kind: string;
  declare province: string;
  declare dateErrors: Partial<Record<DateField, string>>;

  /** Set while forget() resets the form, so that the reset asks for nothing. */
  private quiet = false;
  private readonly query = new ContextConsumer(this, { context: queryContext, subscribe: true });

  constructor() {
    super();
    this.kind = '';
    this.province = '';
    this.dateErrors = {};
  }

  /** Reads the form and, when it is right, sets the query (the list loads it). */
  async apply(trigger: HTMLElement | null): Promise<void> {
    await this.updateComplete;
    const params = this.read();
    if (params) this.emit('bz-staff-query', { params, trigger, announce: true });
  }

  protected override forget(): void {
    // Cleared quietly: a reset by hand shows every item again, but nobody is signed in now.
    this.quiet = true;
    this.byId<HTMLFormElement>('staff-filters').reset();
    this.quiet = false;
    this.kind = '';
    this.province = '';
    this.dateErrors = {};
  }

  /** The form's fields; the role's kind and the province's bases corrected (see updated()). */
  private read(): URLSearchParams | undefined {
    const form = this.byId<HTMLFormElement>('staff-filters');
    const data = new FormData(form);
    const field = (name: string) => String(data.get(name) ?? '');
    const input: FilterInput = {
      kind: field('kind'),
      // A disabled field (category for comments) is not in the form data at all.
      category: field('category'),
      status: field('status'),
      province: field('province'),
      base: field('base'),
      from: field('from'),
      to: field('to'),
    };
    const bases = this.tools.places.find((p) => p.id === input.province)?.bases ?? [];
    const { params, problems } = filterParams(
      input,
      bases.map((base) => base.id),
    );
    const errors: Partial<Record<DateField, string>> = {};
    for (const { field, problem } of problems)
      errors[field] =
        problem === 'date'
          ? this.text('error.date', { example: this.text('dateExample') })
          : this.text('error.dateOrder');
    this.dateErrors = errors;
    const first = problems[0];
    if (first) {
      this.byId(`staff-f-${first.field}`).focus();
      return undefined;
    }
    return params;
  }

  protected override updated(): void {
    // A choice that the other choices ruled out goes back to "all".
    for (const id of ['staff-f-base', 'staff-f-status']) {
      const select = this.byId<HTMLSelectElement>(id);
      if (select.selectedOptions[0]?.disabled) select.value = '';
    }
    const only = roleView(this.session).onlyKind;
    const kind = this.byId<HTMLSelectElement>('staff-f-kind');
    if (only !== undefined && kind.value !== only) {
      kind.value = only;
      this.kind = only;
    }
  }

  private changed(): void {
    this.kind = this.byId<HTMLSelectElement>('staff-f-kind').value;
    this.province = this.byId<HTMLSelectElement>('staff-f-province').value;
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    void this.apply(this.querySelector<HTMLElement>('#staff-filters button[type="submit"]'));
  }

  private reset(): void {
    if (this.quiet) return;
    // The reset event fires before the fields are cleared.
    window.setTimeout(() => {
      this.changed();
      this.dateErrors = {};
      void this.apply(this.querySelector<HTMLElement>('#staff-filters button[type="reset"]'));
    });
  }

  private async exportCsv(event: Event): Promise<void> {
    const button = event.currentTarget as HTMLButtonElement;
    const params = this.read();
    if (!params) return;
    const done = await this.act(button, this.tools.problem, async () => {
      const response = await staffFetch(`/api/feedback.csv?${params}`);
      const blob = await response.blob();
      const disposition = response.headers.get('content-disposition') ?? '';
      const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? 'feedback.csv';
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.tools.announce(this.text('exported'));
    });
    // The list follows the filters that were exported, so what is seen is what was saved.
    if (done && params.toString() !== this.query.value?.params.toString())
      this.emit('bz-staff-query', { params, trigger: button, announce: false });
  }

  private dateField(field: DateField): TemplateResult {
    const id = `staff-f-${field}`;
    const error = this.dateErrors[field];
    return html`<p>
      <label for=${id}>${this.text(`filters.${field}`)}</label>
      <input
        id=${id}
        name=${field}
        inputmode="numeric"
        autocomplete="off"
        dir="ltr"
        aria-describedby="staff-date-hint ${id}-error"
        aria-invalid=${error ? 'true' : nothing}
      />
      <span id="${id}-error" class="staff-error">${error ?? ''}</span>
    </p>`;
  }

  /** A labelled filter list, `staff-f-<name>` (the ids the labels, errors and tests use). */
  private selectField(name: string, options: unknown, disabled = false): TemplateResult {
    return html`<p>
      <label for="staff-f-${name}">${this.text(`filters.${name}`)}</label>
      <select id="staff-f-${name}" name=${name} ?disabled=${disabled}>
        ${options}
      </select>
    </p>`;
  }

  protected override render(): TemplateResult {
    const all = html`<option value="">${this.text('filters.all')}</option>`;
    const only = roleView(this.session).onlyKind;
    const statuses = statusesFor(this.kind);
    const status = (s: string) => {
      const off = !statuses.includes(s);
      return html`<option value=${s} ?hidden=${off} ?disabled=${off}>
        ${this.tools.statusLabel(s)}
      </option>`;
    };
    const kindOption = (value: string, label: string) => {
      const off = only !== undefined && value !== only;
      return html`<option value=${value} ?hidden=${off} ?disabled=${off}>${label}</option>`;
    };
    const places = this.tools.places;
    return html`
      <form
        id="staff-filters"
        class="staff-form staff-filters"
        novalidate
        @submit=${this.submit}
        @reset=${this.reset}
        @change=${this.changed}
      >
        <fieldset>
          <legend>${this.text('filters.title')}</legend>
          ${this.selectField('kind', [
            kindOption('', this.text('filters.all')),
            kinds.map((kind) => kindOption(kind, this.text(`kind.${kind}`))),
          ])}
          ${this.selectField(
            'category',
            [
              all,
              this.tools.categories.map(
                (c) => html`<option value=${c}>${this.text(`category.${c}`)}</option>`,
              ),
            ],
            this.kind === 'comment',
          )}
          ${this.selectField('status', [
            all,
            html`<optgroup label=${this.text('kind.feedback')}>${feedbackStatuses.map(status)}</optgroup>`,
            html`<optgroup label=${this.text('kind.comment')}>${commentStatuses.map(status)}</optgroup>`,
          ])}
          ${this.selectField('province', [
            all,
            places.map((place) => html`<option value=${place.id}>${place.name}</option>`),
          ])}
          ${this.selectField('base', [
            all,
            places.map((place) => {
              const off = this.province !== '' && place.id !== this.province;
              return html`<optgroup label=${place.name} ?hidden=${off} ?disabled=${off}>
                ${place.bases.map((b) => html`<option value=${b.id}>${b.name}</option>`)}
              </optgroup>`;
            }),
          ])}
          ${this.dateField('from')} ${this.dateField('to')}
          <p id="staff-date-hint" class="meta staff-wide">
            ${this.text('filters.dateHint', { example: this.text('dateExample') })}
          </p>
          <p class="staff-actions staff-wide">
            <button type="submit" class="staff-button staff-primary">
              ${this.text('filters.apply')}
            </button>
            <button type="reset" class="staff-button">${this.text('filters.reset')}</button>
            <button
              type="button"
              id="staff-export"
              class="staff-button"
              ?hidden=${!roleView(this.session).exportCsv}
              @click=${this.exportCsv}
            >
              ${this.text('export')}
            </button>
          </p>
        </fieldset>
      </form>
    `;
  }
}
