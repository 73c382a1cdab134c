import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { BzEligibilityChecker } from './eligibility-checker.ts';
import './eligibility-checker.ts';
import { sampleRules as rules } from './stories-data.ts';

interface Args {
  programme: string;
  answers: Record<string, unknown> | undefined;
  results: boolean;
  accent: string;
}

/**
 * Opens the checker on a given step: the answers are put where "keep my answers on this
 * device" keeps them (sessionStorage), so the checker resumes at the next question, or at the
 * summary when nothing is left to ask; `results` then presses "see the results".
 */
function render({ programme, answers, results, accent }: Args) {
  const key = programme ? `bz-eligibility-checker:${programme}` : 'bz-eligibility-checker';
  try {
    if (answers) sessionStorage.setItem(key, JSON.stringify({ answers }));
    else sessionStorage.removeItem(key);
  } catch {
    // storage disabled: the story starts at the first question
  }
  const showResults = (el: Element | undefined) => {
    if (!results || !el) return;
    (el as BzEligibilityChecker).updateComplete.then(() =>
      el.shadowRoot?.querySelector<HTMLButtonElement>('dl + button')?.click(),
    );
  };
  return html`<bz-eligibility-checker
    programme=${programme}
    today="2025-06-01"
    style="--bz-color-accent: ${accent}"
    .programmes=${rules}
    ${ref(showResults)}
  ></bz-eligibility-checker>`;
}

const meta: Meta<Args> = {
  title: 'Elements/Eligibility checker',
  component: 'bz-eligibility-checker',
  args: { programme: '', answers: undefined, results: false, accent: '#0b5cad' },
  argTypes: {
    programme: { control: 'text', description: 'Limit to one programme id' },
    answers: { control: 'object', description: 'Answers to resume from' },
    results: { control: 'boolean', description: 'Show the results once every answer is in' },
    accent: { control: 'color', description: '--bz-color-accent' },
  },
  render,
};
export default meta;

type Story = StoryObj<Args>;

const women = 'women-heads-of-household';
const children = 'return-of-children-to-families';
const emergency = 'social-emergency';

/** The first question of every programme: a yes-no question. */
export const YesNo: Story = {};

/** An age: a text field for digits in any script (Persian, Arabic-Indic, Latin). */
export const Age: Story = {
  args: { programme: women, answers: { woman_head_of_household: true } },
};

/** A number with a unit (toman); separators such as ۹٬۰۰۰٬۰۰۰ are accepted. */
export const NumberWithUnit: Story = {
  args: { programme: women, answers: { woman_head_of_household: true, age: 34 } },
};

/** Choose one option. */
export const OneOf: Story = {
  args: { programme: children, answers: { child_in_care: true } },
};

/** Choose any number of options, or none. */
export const SeveralOf: Story = {
  args: { programme: emergency, answers: { in_danger_now: false } },
};

/** A date: Solar Hijri in Persian (۱۴۰۳/۰۲/۱۵), Gregorian in English (2024-05-04). */
export const DateQuestion: Story = {
  args: { programme: children, answers: { child_in_care: true, relationship_to_child: 'parent' } },
};

/** The household: add and remove people, with the member questions for each. */
export const Household: Story = {
  args: {
    programme: women,
    answers: { woman_head_of_household: true, age: 34, monthly_income: 9_000_000 },
  },
};

const womanAnswers = {
  woman_head_of_household: true,
  age: 34,
  monthly_income: 9_000_000,
  household: [{ member_age: 7, member_disability: false }],
};

/** "Check your answers", each with a Change button. */
export const Summary: Story = {
  args: { programme: women, answers: womanAnswers },
};

/** A programme likely to fit: why, documents to bring, next steps and the sources. */
export const ResultLikely: Story = {
  args: { programme: women, answers: womanAnswers, results: true },
};

/** A programme that may fit: to be confirmed at a service base. */
export const ResultMaybe: Story = {
  args: {
    programme: emergency,
    answers: { in_danger_now: false, crisis_situation: ['family_conflict'] },
    results: true,
  },
};

/** A programme that may not fit the answers, worded as advice rather than a verdict. */
export const ResultUnlikely: Story = {
  args: { programme: women, answers: { woman_head_of_household: false }, results: true },
};

/** All five sample programmes, grouped by outcome. */
export const AllProgrammesResults: Story = {
  args: {
    answers: {
      woman_head_of_household: false,
      has_disability: false,
      household: [],
      child_in_care: false,
      in_danger_now: false,
      crisis_situation: ['family_conflict'],
      age: 19,
      lives_in: 'informal_settlement',
      neighbourhood_concerns: ['child_labour'],
    },
    results: true,
  },
};

/** The rules cannot be loaded (here a 404): a message and a retry button. */
export const LoadError: Story = {
  render: () =>
    html`<bz-eligibility-checker src="./no-such-rules.json" timeout="5000"></bz-eligibility-checker>`,
};

/** At the narrowest phone width the design supports. */
export const NarrowScreen: Story = {
  args: { programme: women, answers: { woman_head_of_household: true } },
  render: (args) => html`<div style="inline-size: 320px">${render(args)}</div>`,
};
