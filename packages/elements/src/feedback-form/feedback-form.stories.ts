import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { draftKey } from './draft.ts';
import type { BzFeedbackForm, FeedbackStatusAnswer } from './feedback-form.ts';
import './feedback-form.ts';

// Stories have no server. Each state is reached the way the element reaches it: the confirmation
// and the status through the properties the element itself sets after the service answers
// (`submittedCode`, `statusResult`), the errors through its own validation (`reportValidity()`),
// the restored draft through a draft in localStorage. Sending from a story fails honestly (there
// is no service at the example endpoint) and shows the "not sent, text kept" notice.

const endpoint = 'https://api.example.ir/api/feedback';

interface Args {
  accent: string;
  danger: string;
  categories: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Feedback form',
  component: 'bz-feedback-form',
  args: {
    accent: '#0b5cad',
    danger: '#a4161a',
    categories: 'complaint,suggestion,appreciation,question',
  },
  argTypes: {
    accent: { control: 'color', description: '--bz-color-accent' },
    danger: { control: 'color', description: '--bz-color-danger' },
    categories: { control: 'text', description: 'categories (comma list)' },
  },
  render: ({ accent, danger, categories }) =>
    html`<bz-feedback-form
      endpoint=${endpoint}
      service-base="isfahan-hesseh"
      categories=${categories}
      style="--bz-color-accent: ${accent}; --bz-color-danger: ${danger}"
    ></bz-feedback-form>`,
};
export default meta;

type Story = StoryObj<Args>;

const formIn = (canvas: HTMLElement) => canvas.querySelector('bz-feedback-form') as BzFeedbackForm;

/** The empty form; follows the toolbar's locale (Persian, RTL, or English, LTR). */
export const EmptyForm: Story = {};

/** After "send" with nothing filled in: the error summary links to each field. */
export const WithErrors: Story = {
  play: async ({ canvasElement }) => {
    await customElements.whenDefined('bz-feedback-form');
    const el = formIn(canvasElement);
    await el.updateComplete;
    await el.reportValidity();
  },
};

/** Only complaints and questions, as a host page may choose. */
export const SomeCategories: Story = { args: { categories: 'complaint,question' } };

/** After the service accepted a message: the tracking code, large, with a copy button. */
export const Submitted: Story = {
  render: () =>
    html`<bz-feedback-form
      endpoint=${endpoint}
      .submittedCode=${'4831-0967-2254-7195'}
    ></bz-feedback-form>`,
};

/** A message that could not be sent on an earlier visit, restored with a notice and a discard button. */
export const DraftRestored: Story = {
  render: () => {
    const subject = 'story-draft-base';
    localStorage.setItem(
      draftKey(endpoint, subject),
      JSON.stringify({
        values: {
          category: 'complaint',
          message: 'دیروز ساعت ۱۰ به پایگاه رفتم ولی در بسته بود و تابلویی هم نبود.',
          name: '',
          contact: '۰۹۱۲۳۴۵۶۷۸۹',
          anonymous: false,
          consent: true,
        },
        idempotencyKey: 'story-draft-key-0001',
        sentFingerprint: '',
        savedAt: '2025-03-20T08:30:00.000Z',
      }),
    );
    return html`<bz-feedback-form endpoint=${endpoint} service-base=${subject}></bz-feedback-form>`;
  },
};

const answer = (status: FeedbackStatusAnswer['status'], reply?: string): FeedbackStatusAnswer => ({
  code: '4831-0967-2254-7195',
  status,
  receivedAt: '2025-03-10T06:15:00.000Z',
  updatedAt: '2025-03-18T10:40:00.000Z',
  ...(reply ? { publicReply: reply, repliedAt: '2025-03-18T10:40:00.000Z' } : {}),
});

const statusStory = (result?: FeedbackStatusAnswer): Story => ({
  render: () =>
    html`<bz-feedback-form
      mode="status"
      endpoint=${endpoint}
      .statusResult=${result}
    ></bz-feedback-form>`,
});

/** `mode="status"`: the lookup form. */
export const StatusLookup = statusStory();
/** Status: received. */
export const StatusReceived = statusStory(answer('received'));
/** Status: in review. */
export const StatusInReview = statusStory(answer('in-review'));
/** Status: answered, with the office's public reply. */
export const StatusAnswered = statusStory(
  answer(
    'answered',
    'با سپاس از پیام شما. ساعت کار پایگاه از این هفته روی در نصب شده است و پایگاه شنبه تا چهارشنبه ۸ تا ۱۴ باز است.',
  ),
);
/** Status: closed. */
export const StatusClosed = statusStory(answer('closed'));

/** A mistyped code is caught by its check digit before any request. */
export const StatusMistypedCode: Story = {
  render: () => html`<bz-feedback-form mode="status" endpoint=${endpoint}></bz-feedback-form>`,
  play: async ({ canvasElement }) => {
    await customElements.whenDefined('bz-feedback-form');
    const el = formIn(canvasElement);
    await el.updateComplete;
    const input = el.shadowRoot?.querySelector<HTMLInputElement>('#code');
    if (!input) return;
    input.value = '8431-0967-2254-7195';
    input.dispatchEvent(new Event('input'));
    el.shadowRoot?.querySelector('form')?.requestSubmit();
  },
};

/** At the narrowest phone width the design supports. */
export const NarrowScreen: Story = {
  render: () =>
    html`<div style="inline-size: 320px"><bz-feedback-form endpoint=${endpoint}></bz-feedback-form></div>`,
};
