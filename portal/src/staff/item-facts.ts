import { html, type TemplateResult } from 'lit';
import type { StaffRecord } from '../scripts/staff-api.ts';
import { articleHref } from '../scripts/staff-query.ts';
import type { StaffTools } from './context.ts';

// The facts of one item (a description list) and its history, for <bz-staff-item>.

const fact = (label: string, value: unknown) => html`<dt>${label}</dt><dd>${value}</dd>`;
const bidi = (dir: 'auto' | 'ltr', value: string) => html`<span dir=${dir}>${value}</span>`;

export function factsTemplate(tools: StaffTools, record: StaffRecord): TemplateResult[] {
  const { text, kindOf, code } = tools;
  const feedback = kindOf(record) === 'feedback';
  const rows = [
    fact(text('detail.code'), code(record.code)),
    fact(text('detail.kind'), text(`kind.${kindOf(record)}`)),
  ];
  if (record.category && feedback) rows.push(fact(text('detail.category'), tools.subject(record)));
  rows.push(fact(text('detail.status'), tools.statusLabel(record.status)));
  rows.push(fact(text('detail.received'), tools.time(record.receivedAt)));
  if (record.serviceBaseId)
    rows.push(fact(text('detail.base'), bidi('auto', tools.baseName(record.serviceBaseId))));
  if (record.article) {
    const href = articleHref(record.article);
    rows.push(
      fact(
        text('detail.article'),
        href ? html`<a href=${href} dir="ltr">${record.article}</a>` : bidi('ltr', record.article),
      ),
    );
  }
  if (record.parent) rows.push(fact(text('detail.parent'), code(record.parent)));
  if (record.pageUrl) rows.push(fact(text('detail.page'), bidi('ltr', record.pageUrl)));
  rows.push(
    fact(text('detail.name'), record.name ? bidi('auto', record.name) : text('detail.noName')),
  );
  if (feedback)
    rows.push(
      fact(
        text('detail.contact'),
        record.contact ? bidi('ltr', record.contact) : text('detail.noContact'),
      ),
    );
  if (record.lang)
    rows.push(fact(text('detail.lang'), tools.maybe(`lang.${record.lang}`) ?? record.lang));
  return rows;
}

/** Received, replied, updated: dated lines in time order. */
export function historyTemplate(tools: StaffTools, record: StaffRecord): TemplateResult[] {
  const events: [string, string][] = [[tools.text('history.received'), record.receivedAt]];
  if (record.repliedAt) events.push([tools.text('history.replied'), record.repliedAt]);
  if (record.updatedAt && record.updatedAt !== record.receivedAt)
    events.push([tools.text('history.updated'), record.updatedAt]);
  events.sort((a, b) => a[1].localeCompare(b[1]));
  return events.map(([label, iso]) => html`<li>${label}: ${tools.time(iso)}</li>`);
}
