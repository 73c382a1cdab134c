// The optional map of <bz-service-locator>: Leaflet with one numbered marker per result. Loaded
// only when the user opens the map (BzServiceLocator.loadMap), so Leaflet never counts in the
// widget's own script; built for embedding as `bz-service-locator-map.js` beside it.
// The list stays the complete answer: each marker is a keyboard-reachable button whose number
// and title match the list, and pressing it moves focus to that base in the list.
import {
  divIcon,
  type LatLngExpression,
  latLngBounds,
  map,
  marker,
  tileLayer,
} from 'leaflet/dist/leaflet-src.esm.js';
import { leafletCss } from './leaflet-css.ts';

export interface MapMarker {
  id: string;
  lat: number;
  lng: number;
  /** Marker button's accessible name, e.g. "1. Hesseh social services base". */
  title: string;
  /** Short text inside the marker, the result's number. */
  label: string;
}

export interface MapOptions {
  /** Tile URL template with {z}, {x}, {y} (and optionally {s}). */
  tiles: string;
  /** Plain-text attribution the tile provider requires. */
  attribution: string;
  /** Called when a marker is pressed. */
  onSelect: (id: string) => void;
}

export interface LocatorMap {
  update(markers: readonly MapMarker[], here?: { lat: number; lng: number }): void;
  destroy(): void;
}

export interface MapModule {
  createMap(container: HTMLElement, options: MapOptions): LocatorMap;
}

const markerCss = `
.bz-marker{display:flex;align-items:center;justify-content:center;border-radius:50%;
background:var(--_accent);color:var(--_on-accent);font:700 0.85em/1 var(--_font);border:0.15em solid #fff;
box-shadow:0 0 0 0.1em var(--_text)}
.bz-here{border-radius:50%;background:var(--_danger);border:0.2em solid #fff;box-shadow:0 0 0 0.1em var(--_text)}
.leaflet-container{font:inherit}
.leaflet-container a{color:var(--_accent)}
`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function createMap(container: HTMLElement, options: MapOptions): LocatorMap {
  // Leaflet's stylesheet goes into the widget's shadow root, never the page, as a constructed
  // stylesheet: host pages with a strict CSP (`style-src 'self'`, no 'unsafe-inline') block a
  // <style> element but allow adopted sheets. A <style> remains only where those are missing.
  const root = container.getRootNode() as ShadowRoot | Document;
  const css = leafletCss + markerCss;
  let sheet: CSSStyleSheet | undefined;
  let style: HTMLStyleElement | undefined;
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else {
    style = document.createElement('style');
    style.textContent = css;
    container.before(style);
  }
  const view = map(container, {
    zoomControl: true,
    attributionControl: true,
    scrollWheelZoom: false,
  });
  view.attributionControl.setPrefix('Leaflet');
  tileLayer(options.tiles, { attribution: escapeHtml(options.attribution), maxZoom: 18 }).addTo(
    view,
  );
  let layers: ReturnType<typeof marker>[] = [];
  return {
    update(markers, here) {
      for (const layer of layers) layer.remove();
      view.invalidateSize();
      layers = markers.map((entry) =>
        marker([entry.lat, entry.lng], {
          title: entry.title,
          keyboard: true,
          icon: divIcon({
            className: 'bz-marker',
            html: `<span aria-hidden="true">${escapeHtml(entry.label)}</span>`,
            iconSize: [28, 28],
          }),
        })
          .on('click', () => options.onSelect(entry.id))
          .addTo(view),
      );
      const points: LatLngExpression[] = markers.map((entry) => [entry.lat, entry.lng]);
      if (here) {
        layers.push(
          marker([here.lat, here.lng], {
            interactive: false,
            keyboard: false,
            zIndexOffset: -1000,
            icon: divIcon({ className: 'bz-here', iconSize: [16, 16] }),
          }).addTo(view),
        );
        points.push([here.lat, here.lng]);
      }
      if (points.length > 0)
        view.fitBounds(latLngBounds(points), { padding: [24, 24], maxZoom: 15 });
      else view.setView([32.4, 53.7], 5);
    },
    destroy() {
      view.remove();
      style?.remove();
      if (sheet) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((one) => one !== sheet);
    },
  };
}
