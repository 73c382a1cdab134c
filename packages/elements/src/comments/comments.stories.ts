import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { CommentsAnswer } from './comments.ts';
import './comments.ts';

// Stories have no server: the published comments are given through the `answer` property, the
// one the element fills from the service. Sending from a story fails honestly (there is no
// service at the example endpoint) and shows the "not sent, text kept" notice with a retry.

const endpoint = 'https://api.example.ir/api/feedback';
const article = 'fa/hesseh-service-base';

const answer: CommentsAnswer = {
  article,
  count: 3,
  comments: [
    {
      code: '4831-0967-2254-7195',
      parent: null,
      name: 'سارا',
      message: 'خبر خوبی بود. آیا این پایگاه روزهای پنجشنبه هم باز است؟',
      createdAt: '2025-03-10T06:15:00.000Z',
      reply: 'بله، پنجشنبه‌ها تا ساعت ۱۳ باز است.',
    },
    {
      code: '1111-2222-3333-4444',
      parent: '4831-0967-2254-7195',
      name: 'علی',
      message: 'ممنون از پاسخ.',
      createdAt: '2025-03-11T09:00:00.000Z',
    },
    {
      code: '5555-6666-7777-8888',
      parent: null,
      message: 'کاش در شهر ما هم چنین پایگاهی راه بیفتد.',
      createdAt: '2025-03-12T12:30:00.000Z',
    },
  ],
};

interface Args {
  accent: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Comments',
  component: 'bz-comments',
  args: { accent: '#0b5cad' },
  argTypes: { accent: { control: 'color', description: '--bz-color-accent' } },
  render: ({ accent }) =>
    html`<bz-comments
      article=${article}
      endpoint=${endpoint}
      .answer=${answer}
      style="--bz-color-accent: ${accent}"
    ></bz-comments>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Published comments with a reply and the office's answer; follows the toolbar's locale. */
export const Thread: Story = {};

/** No comment published yet: the form says comments appear after review. */
export const NoComments: Story = {
  render: () =>
    html`<bz-comments
      article=${article}
      endpoint=${endpoint}
      .answer=${{ article, count: 0, comments: [] }}
    ></bz-comments>`,
};
