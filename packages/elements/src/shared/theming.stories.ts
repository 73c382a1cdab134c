import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../eligibility-checker/eligibility-checker.ts';
import '../feedback-form/feedback-form.ts';
import '../hotlines/hotlines.ts';
import '../service-locator/service-locator.ts';
import { sampleRules as rules } from '../eligibility-checker/stories-data.ts';
import { sampleLoader, storySrc } from '../service-locator/stories-data.ts';

/** The example theme as a stylesheet file (Vite serves it as an asset), the way a site links it. */
const themeHref = new URL('../../themes/provincial-example.css', import.meta.url).href;

const meta: Meta = {
  title: 'Theming/Provincial example',
  parameters: {
    docs: {
      description: {
        component:
          'Every widget with `themes/provincial-example.css`: only `--bz-*` custom properties and `::part()` rules, contrast checked in the file (WCAG 2.2 AA). See docs/embedding.md.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

/** The theme is a stylesheet the site links, as a provincial site would. */
const themed = (content: unknown) => html`<link rel="stylesheet" href=${themeHref} />${content}`;

/** The help lines: the accent and danger colours, the heading part. */
export const Hotlines: Story = {
  render: () => themed(html`<bz-hotlines></bz-hotlines>`),
};

/** The locator for Kerman: buttons, lists, results and the "open now" colour. */
export const ServiceLocator: Story = {
  render: () =>
    themed(
      html`<bz-service-locator src=${storySrc} province="kerman" limit="2" .loader=${sampleLoader}></bz-service-locator>`,
    ),
};

/** The checker's first question: fields, buttons and the quick exit. */
export const EligibilityChecker: Story = {
  render: () =>
    themed(
      html`<bz-eligibility-checker programme="community-based-rehabilitation" .programmes=${rules}></bz-eligibility-checker>`,
    ),
};

/** The feedback form: inputs, choices and the send button. */
export const FeedbackForm: Story = {
  render: () =>
    themed(
      html`<bz-feedback-form endpoint="https://api.example.ir/api/feedback"></bz-feedback-form>`,
    ),
};

/** The same theme at the narrowest phone width the design supports. */
export const NarrowScreen: Story = {
  render: () => themed(html`<div style="inline-size: 320px"><bz-hotlines></bz-hotlines></div>`),
};
