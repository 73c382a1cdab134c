import type { LatLng } from '@behzisti/core/geo';
import type { ReactiveElement } from 'lit';
import type { LocatorDataController } from './data-controller.ts';
import { chosenPlace } from './scope.ts';
import type { Names, Scope } from './types.ts';
import { type PlacesView, placesFormTemplate } from './ways.template.ts';

export interface PlacesOptions {
  data: LocatorDataController;
  /** Search from this place. */
  locate: (center: LatLng, scope: Scope, label: Names | undefined) => void;
  /** Loading failed; `retry` tries again. */
  failed: (error: unknown, retry: () => void) => void;
  /** A retried load worked: the failure notice can go. */
  recovered: () => void;
  /** A province was chosen: start reading what its answer will need. */
  chosen: (province: string) => void;
}

/**
 * The province and county lists: what is chosen (also set from the host's attributes), loading
 * the counties when a province is chosen, and searching from the choice; without a province the
 * form says so and focus goes to the list.
 */
export class PlacesController {
  province = '';
  county = '';
  /** "Show bases" was pressed without a province. */
  problem = false;
  readonly #host: ReactiveElement;
  readonly #options: PlacesOptions;

  constructor(host: ReactiveElement, options: PlacesOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** Shows `province` and `county` as chosen (the host's attributes). */
  choose(province: string, county: string): void {
    this.province = province;
    this.county = county;
    this.#host.requestUpdate();
  }

  render(locale: PlacesView['locale'], summary: PlacesView['summary']) {
    return placesFormTemplate({
      locale,
      summary,
      index: this.#options.data.index,
      places: this.#options.data.places,
      chosenProvince: this.province,
      chosenCounty: this.county,
      problem: this.problem,
      onSubmit: this.#onSubmit,
      onProvinceChange: this.#onProvinceChange,
      onCountyChange: this.#onCountyChange,
    });
  }

  readonly #onProvinceChange = async (event: Event): Promise<void> => {
    const { data, failed, recovered, chosen } = this.#options;
    const province = (event.target as HTMLSelectElement).value;
    this.choose(province, '');
    this.problem = false;
    if (!province) return;
    chosen(province);
    try {
      await data.ensurePlaces(province);
    } catch (error) {
      failed(error, () => void data.ensurePlaces(province).then(recovered));
    }
  };

  readonly #onCountyChange = (event: Event): void => {
    this.choose(this.province, (event.target as HTMLSelectElement).value);
  };

  readonly #onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const { data, locate, failed } = this.#options;
    if (!this.province) {
      this.problem = true;
      this.#host.requestUpdate();
      await this.#host.updateComplete;
      this.#host.renderRoot.querySelector<HTMLSelectElement>('#province')?.focus();
      return;
    }
    try {
      await data.ensurePlaces(this.province);
      const place = chosenPlace(data.index, data.places, this.province, this.county);
      if (place) locate(place.center, place.scope, place.label);
    } catch (error) {
      failed(error, () => void this.#onSubmit(event));
    }
  };
}
