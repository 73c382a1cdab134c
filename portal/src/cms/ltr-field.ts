import type { H, WidgetProps } from './decap.ts';

/**
 * A text input that reads left to right in both languages (digits, dashes, colons: the date,
 * the news code, the publish time), with a note under it, tied to it by aria-describedby and
 * spoken politely as it changes: how the value reads, or what is wrong with it. One helper for
 * widgets.ts and publish-fields.ts, so the fields look and are announced alike.
 */
export interface LtrFieldOptions {
  text: string;
  note: string;
  /** The value is wrong and the note says why: marked invalid, the note shown as a problem. */
  invalid: boolean;
  inputMode: 'text' | 'numeric';
  placeholder?: string;
  onChange: (value: string) => void;
}

export function ltrField(h: H, props: WidgetProps, options: LtrFieldOptions): unknown {
  const { forID, classNameWrapper, setActiveStyle, setInactiveStyle } = props;
  const { text, note, invalid, inputMode, placeholder, onChange } = options;
  return h(
    'div',
    null,
    h('input', {
      id: forID,
      className: classNameWrapper,
      type: 'text',
      dir: 'ltr',
      inputMode,
      autoComplete: 'off',
      placeholder,
      value: text,
      'aria-describedby': `${forID}-reads`,
      'aria-invalid': invalid ? 'true' : undefined,
      onChange: (event: { target: { value: string } }) => onChange(event.target.value),
      onFocus: setActiveStyle,
      onBlur: setInactiveStyle,
    }),
    h(
      'p',
      {
        id: `${forID}-reads`,
        className: invalid ? 'bz-reads bz-problem' : 'bz-reads',
        'aria-live': 'polite',
      },
      note,
    ),
  );
}
