import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { BzServiceLocator } from './service-locator.ts';
import {
  emptyLoader,
  failingLoader,
  pendingLoader,
  sampleLoader,
  storySrc,
} from './stories-data.ts';

// In Storybook the map add-on is bundled by Vite (the embeddable build ships it as a file).
BzServiceLocator.loadMap = () => import('./map.ts');

/** Saturday 21 November 2026, 09:30 in Tehran, so "open now" reads the same every time. */
const NOW = new Date('2026-11-21T06:00:00Z');
/** One plain grey tile (a data URL), so the map story loads nothing from a third party. */
const GREY_TILE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGN48uwlAAVlArRjiwsXAAAAAElFTkSuQmCC';

interface Args {
  limit: number;
  accent: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Service locator',
  component: 'bz-service-locator',
  args: { limit: 3, accent: '#0b5cad' },
  argTypes: {
    limit: { control: { type: 'number', min: 1, max: 29 } },
    accent: { control: 'color', description: '--bz-color-accent' },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Results for a position given by the page (Hesseh, Isfahan), in the toolbar's locale. */
export const Results: Story = {
  render: ({ limit, accent }) =>
    html`<bz-service-locator
      src=${storySrc}
      lat="32.7045"
      lng="51.6935"
      limit=${limit}
      style="--bz-color-accent: ${accent}"
      .loader=${sampleLoader}
      .now=${NOW}
    ></bz-service-locator>`,
};

/** A provincial site: Kerman preselected, its bases listed from the province's centre. */
export const Province: Story = {
  render: ({ limit }) =>
    html`<bz-service-locator src=${storySrc} province="kerman" limit=${limit} .loader=${sampleLoader} .now=${NOW}></bz-service-locator>`,
};

/** Waiting for the data on a slow connection: the ways to locate are already there. */
export const Loading: Story = {
  render: () =>
    html`<bz-service-locator src=${storySrc} lat="32.7" lng="51.7" .loader=${pendingLoader}></bz-service-locator>`,
};

/** No base in the data: the empty state points to the 1480 line. */
export const Empty: Story = {
  render: () =>
    html`<bz-service-locator src=${storySrc} lat="32.7" lng="51.7" .loader=${emptyLoader}></bz-service-locator>`,
};

/** The data could not be loaded: a sentence, the help lines and a retry button. */
export const LoadError: Story = {
  name: 'Error',
  render: () =>
    html`<bz-service-locator src=${storySrc} lat="32.7" lng="51.7" .loader=${failingLoader}></bz-service-locator>`,
};

/**
 * The user refused to share their location: the message, and the other ways still open.
 * (The story answers the browser's question with a refusal; the element's tests use the
 * browser's real permission instead.)
 */
export const LocationDenied: Story = {
  render: () => {
    const denied: Geolocation = {
      getCurrentPosition: (_ok, fail) =>
        fail?.({
          code: 1,
          message: 'denied',
          PERMISSION_DENIED: 1,
          POSITION_UNAVAILABLE: 2,
          TIMEOUT: 3,
        } as GeolocationPositionError),
      watchPosition: () => 0,
      clearWatch: () => {},
    };
    Object.defineProperty(navigator, 'geolocation', { value: denied, configurable: true });
    return html`<bz-service-locator src=${storySrc} .loader=${sampleLoader}></bz-service-locator>`;
  },
  play: async ({ canvasElement }) => {
    const locator = canvasElement.querySelector('bz-service-locator');
    await locator?.updateComplete;
    locator?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="geolocate-button"]')?.click();
  },
};

/** With a tile URL: "Show a map" loads Leaflet only when pressed (here with plain grey tiles). */
export const WithMap: Story = {
  render: ({ limit }) =>
    html`<bz-service-locator
      src=${storySrc}
      lat="32.7045"
      lng="51.6935"
      limit=${limit}
      map-tiles=${GREY_TILE}
      map-attribution="Sample tiles"
      .loader=${sampleLoader}
      .now=${NOW}
    ></bz-service-locator>`,
};

/** At the narrowest phone width the design supports. */
export const NarrowScreen: Story = {
  render: () =>
    html`<div style="inline-size: 320px"><bz-service-locator src=${storySrc} lat="27.52" lng="57.88" limit="2" .loader=${sampleLoader} .now=${NOW}></bz-service-locator></div>`,
};
