// `bz-service-locator`: defines the tag (see service-locator.component.ts for the element).
import { defineElement } from '../shared/define.ts';
import { BzServiceLocator } from './service-locator.component.ts';

export { BzServiceLocator } from './service-locator.component.ts';
export type { LocateDetail, LocateSource, LocatorLoader, SelectDetail } from './types.ts';

defineElement('bz-service-locator', BzServiceLocator);

declare global {
  interface HTMLElementTagNameMap {
    'bz-service-locator': BzServiceLocator;
  }
}
