// The staff inbox's elements (components/StaffInbox.astro loads this module; Astro builds it as
// a file, so the page keeps a strict CSP). The children are defined before the inbox, so they
// upgrade as soon as it renders them and ask it for the shared context.
import { defineElement } from '../../../packages/elements/src/shared/define.ts';
import { StaffAuditElement } from './audit.ts';
import { StaffFiltersElement } from './filters.ts';
import { StaffInboxElement } from './inbox.ts';
import { StaffItemElement } from './item.ts';
import { StaffListElement } from './list.ts';
import { StaffSecretElement } from './secret.ts';
import { StaffSessionElement } from './session.ts';
import { StaffTokensElement } from './tokens.ts';

defineElement('bz-staff-session', StaffSessionElement);
defineElement('bz-staff-filters', StaffFiltersElement);
defineElement('bz-staff-list', StaffListElement);
defineElement('bz-staff-item', StaffItemElement);
defineElement('bz-staff-audit', StaffAuditElement);
defineElement('bz-staff-tokens', StaffTokensElement);
defineElement('bz-staff-secret', StaffSecretElement);
defineElement('bz-staff-inbox', StaffInboxElement);

declare global {
  interface HTMLElementTagNameMap {
    'bz-staff-inbox': StaffInboxElement;
    'bz-staff-session': StaffSessionElement;
    'bz-staff-filters': StaffFiltersElement;
    'bz-staff-list': StaffListElement;
    'bz-staff-item': StaffItemElement;
    'bz-staff-audit': StaffAuditElement;
    'bz-staff-tokens': StaffTokensElement;
    'bz-staff-secret': StaffSecretElement;
  }
}
