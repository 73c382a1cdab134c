// The comments' list add-on: what is shown once the published comments have come — their count,
// the thread with the office's answers and reply buttons, and the form's "reply to" parts (only a
// reply button of this list starts a reply) — with core's date formatting for the comments' dates.
// The widget reads it beside the comments' request (`import('./list.ts')` in the same load, so
// never a round trip of its own). Vite splits it into a chunk of its own; the self-contained
// script build turns it into the sibling `bz-comments-list.js`, lent the widget's own Lit and
// translations (shared/add-on.ts, scripts/bundle.mjs `borrowLit`).
export { listTemplate, replyHeading, replyingTemplate } from './list.template.ts';
