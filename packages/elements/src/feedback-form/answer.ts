// The feedback form's answer add-on: what is shown once the server has answered — the
// confirmation of a message sent (its tracking code, large, with a copy button) and a looked-up
// message's status. The widget reads it beside the request that asks (`import('./answer.ts')`
// with the send or the lookup, so never a round trip of its own), or when the page sets
// `submittedCode` or `statusResult` itself. Vite splits it into a chunk of its own; the
// self-contained script build turns it into the sibling `bz-feedback-form-answer.js`, lent the
// widget's own Lit and translations (shared/add-on.ts, scripts/bundle.mjs `borrowLit`).
export { confirmationTemplate, copyCodeIn } from './confirmation.template.ts';
export { statusAnswerTemplate } from './status-answer.template.ts';
