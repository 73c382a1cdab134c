import type { Decorator, Preview } from '@storybook/web-components-vite';
import { html } from 'lit';

/**
 * Every story renders inside a wrapper carrying the toolbar's locale and direction, the way a
 * host page would: the elements read `lang` from their closest ancestor and `dir` from themselves.
 */
const withLocale: Decorator = (story, context) => {
  const locale = (context.globals.locale as string | undefined) ?? 'fa';
  const direction = (context.globals.direction as string | undefined) ?? 'auto';
  document.documentElement.lang = locale;
  document.documentElement.dir =
    direction === 'auto' ? (locale === 'fa' ? 'rtl' : 'ltr') : direction;
  return html`<div lang=${locale} dir=${document.documentElement.dir}>${story()}</div>`;
};

const preview: Preview = {
  decorators: [withLocale],
  globalTypes: {
    locale: {
      description: 'Language of the widgets',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'fa', title: 'فارسی (fa)' },
          { value: 'en', title: 'English (en)' },
        ],
        dynamicTitle: true,
      },
    },
    direction: {
      description: 'Page direction (the host page, not the widget)',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'auto', title: 'From the locale' },
          { value: 'rtl', title: 'Right to left' },
          { value: 'ltr', title: 'Left to right' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'fa', direction: 'auto' },
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};

export default preview;
