// Core's date formatting alone, for the restored-draft notice: imported dynamically (see
// restoredWhen in feedback-form.component.ts), so the form's first load does not carry the
// calendar code. A dynamic import keeps every export of the module it names, so it names this
// one-export module rather than core's whole dates module.
export { formatDate } from '@behzisti/core/dates';
