import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import './hotlines.ts';

interface Args {
  headingLevel: number;
  accent: string;
  danger: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Hotlines',
  component: 'bz-hotlines',
  args: { headingLevel: 2, accent: '#0b5cad', danger: '#a4161a' },
  argTypes: {
    headingLevel: { control: { type: 'number', min: 0, max: 6 } },
    accent: { control: 'color', description: '--bz-color-accent' },
    danger: { control: 'color', description: '--bz-color-danger' },
  },
  render: ({ headingLevel, accent, danger }) =>
    html`<bz-hotlines
      heading-level=${headingLevel}
      style="--bz-color-accent: ${accent}; --bz-color-danger: ${danger}"
    ></bz-hotlines>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Follows the toolbar's locale: Persian (RTL, Persian digits) or English (LTR). */
export const Default: Story = {};

/** A Persian widget on an English, left-to-right page: `lang` on the element wins. */
export const PersianOnEnglishPage: Story = {
  render: () => html`<div lang="en" dir="ltr"><bz-hotlines lang="fa"></bz-hotlines></div>`,
};

/** At the narrowest phone width the design supports. */
export const NarrowScreen: Story = {
  render: () => html`<div style="inline-size: 320px"><bz-hotlines></bz-hotlines></div>`,
};
