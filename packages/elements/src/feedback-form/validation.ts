import { normalizeDigits, stripBidiMarks } from '@behzisti/core/text';
import { MESSAGE_MAX, NAME_MAX } from '../shared/form/fields.ts';

// The form's own checks, written by hand so zod (core's FeedbackSchema) stays out of the widget
// script. They mirror the schema's rules closely enough that a citizen almost never meets the
// server's 422; when they do, the server's field errors land on the same fields (fieldOfServer).
// The e-mail check is deliberately looser than the server's: the server has the last word.

/** Feedback categories, in the order the form offers them. */
export const allCategories = ['complaint', 'suggestion', 'appreciation', 'question'] as const;
export type Category = (typeof allCategories)[number];

export { MESSAGE_MAX, NAME_MAX };

const CONTACT_MAX = 254;

/** The fields a person fills in (the ones an error can point at). */
export type Field = 'category' | 'message' | 'name' | 'contact' | 'consent';

/** Why a field is not right; the element says what to do for each. */
export type Problem =
  | 'category'
  | 'message-empty'
  | 'message-long'
  | 'name-long'
  | 'contact'
  | 'consent';

/** What the person typed and chose. */
export interface FormValues {
  category: string;
  message: string;
  name: string;
  contact: string;
  anonymous: boolean;
  consent: boolean;
}

export const emptyValues = (): FormValues => ({
  category: '',
  message: '',
  name: '',
  contact: '',
  anonymous: false,
  consent: false,
});

/** The categories of a `categories` attribute (comma list); unknown ones are dropped, none → all. */
export function parseCategories(text: string | null | undefined): Category[] {
  const chosen = (text ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter((item): item is Category => (allCategories as readonly string[]).includes(item));
  return chosen.length > 0 ? [...new Set(chosen)] : [...allCategories];
}

const MOBILE_RE = /^(?:\+98|0098|0)?9\d{9}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * True for an Iranian mobile number in any digit set (`۰۹۱۲ ۳۴۵ ۶۷۸۹`, `+98 912…`, with spaces,
 * dashes or brackets) or something shaped like an e-mail address.
 */
export function isContact(text: string): boolean {
  const contact = stripBidiMarks(text).trim();
  if (contact.length > CONTACT_MAX) return false;
  if (contact.includes('@')) return EMAIL_RE.test(contact);
  return MOBILE_RE.test(normalizeDigits(contact).replace(/[\s\-()]/g, ''));
}

/** Every problem of the form, in the order of the fields. */
export function validate(values: FormValues, categories: readonly string[]) {
  const problems: Partial<Record<Field, Problem>> = {};
  if (!categories.includes(values.category)) problems.category = 'category';
  if (values.message.trim() === '') problems.message = 'message-empty';
  else if (values.message.length > MESSAGE_MAX) problems.message = 'message-long';
  if (!values.anonymous) {
    if (values.name.trim().length > NAME_MAX) problems.name = 'name-long';
    if (values.contact.trim() !== '' && !isContact(values.contact)) problems.contact = 'contact';
  }
  if (!values.consent) problems.consent = 'consent';
  return problems;
}

/**
 * The form field a server field error belongs to (`contact` → contact), or undefined for fields
 * the person cannot fix (`about.serviceBaseId` is set by the host page).
 */
export function problemOfServerField(
  field: string,
  values: FormValues,
): [Field, Problem] | undefined {
  switch (field) {
    case 'category':
      return ['category', 'category'];
    case 'message':
      return ['message', values.message.length > MESSAGE_MAX ? 'message-long' : 'message-empty'];
    case 'name':
      return ['name', 'name-long'];
    case 'contact':
      return ['contact', 'contact'];
    case 'consent':
      return ['consent', 'consent'];
    default:
      return undefined;
  }
}

/** The values after a change of one of the form's inputs; undefined for inputs that are not values. */
export function withInput(values: FormValues, input: HTMLInputElement): FormValues | undefined {
  const next = { ...values };
  switch (input.name) {
    case 'category':
      next.category = input.value;
      return next;
    case 'anonymous':
      next.anonymous = input.checked;
      // Anonymous means nothing that identifies the person is kept, not even hidden.
      if (input.checked) next.name = next.contact = '';
      return next;
    case 'consent':
      next.consent = input.checked;
      return next;
    case 'message':
    case 'name':
    case 'contact':
      next[input.name] = input.value;
      return next;
    default:
      return undefined;
  }
}

/** The service's field errors (422) on the form's fields, and those the person cannot fix. */
export function problemsOfServerFields(
  fields: readonly { field: string; message: string }[],
  values: FormValues,
): { problems: Partial<Record<Field, Problem>>; others: string[] } {
  const problems: Partial<Record<Field, Problem>> = {};
  const others: string[] = [];
  for (const { field, message } of fields) {
    const mapped = problemOfServerField(field, values);
    if (mapped) problems[mapped[0]] ??= mapped[1];
    else others.push(`${field}: ${message}`);
  }
  return { problems, others };
}
