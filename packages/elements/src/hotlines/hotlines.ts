import { toLocaleDigits } from '@behzisti/core/text';
import { msg, str } from '@lit/localize';
import { html } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { BzElement } from '../shared/bz-element.ts';
import { defineElement } from '../shared/define.ts';
import { hotlinesStyles } from './hotlines.styles.ts';

/**
 * The nationwide help lines shown on every page: social emergency 123 and the counselling
 * line 1480. Works with no data and no network, so it is also the smallest proof of the
 * element stack (locale, direction, theme, parts).
 *
 * @tag bz-hotlines
 * @csspart base - The panel.
 * @csspart heading - The panel's heading.
 * @csspart number - Each call link showing a number.
 */
export class BzHotlines extends BzElement {
  static override styles = [...BzElement.styles, hotlinesStyles];

  static override properties = {
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** Heading level (1–6) so the panel fits the host page's outline; 0 renders no heading. */
  declare headingLevel: number;

  constructor() {
    super();
    this.headingLevel = 2;
  }

  protected override renderContent() {
    const lines = [
      {
        number: '123',
        kind: 'emergency',
        name: msg('اورژانس اجتماعی'),
        description: msg(
          'برای خشونت خانگی، کودک‌آزاری، خطر خودکشی و دیگر بحران‌های اجتماعی؛ شبانه‌روزی و رایگان.',
        ),
      },
      {
        number: '1480',
        kind: 'counselling',
        name: msg('صدای مشاور'),
        description: msg('مشاوره‌ی روان‌شناختی، خانواده و ازدواج از راه تلفن.'),
      },
    ];
    return html`
      ${this.renderHeading()}
      <ul>
        ${lines.map(
          (line) => html`<li class=${line.kind}>
            <a part="number" href="tel:${line.number}" aria-describedby="${line.kind}-description">
              ${toLocaleDigits(line.number, this.locale)}
              <span class="visually-hidden">${msg(str`تماس با ${line.name}`)}</span>
            </a>
            <span class="name">${line.name}</span>
            <p class="description" id="${line.kind}-description">${line.description}</p>
          </li>`,
        )}
      </ul>
    `;
  }

  private renderHeading() {
    const level = Math.trunc(this.headingLevel);
    if (level === 0) return '';
    const tag = level >= 1 && level <= 6 ? `h${level}` : 'h2';
    return staticHtml`<${unsafeStatic(tag)} part="heading">${msg('شماره‌های کمک فوری')}</${unsafeStatic(tag)}>`;
  }
}

defineElement('bz-hotlines', BzHotlines);

declare global {
  interface HTMLElementTagNameMap {
    'bz-hotlines': BzHotlines;
  }
}
