import { distanceKm } from '@behzisti/core/geo';
import { parseChunk, parseIndex } from '@behzisti/core/locator';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { defineElement } from '../shared/define.ts';
import { loadJson } from '../shared/load-json.ts';
import type { BzServiceLocator, LocateDetail, SelectDetail } from './service-locator.ts';
import './service-locator.ts';

const SRC = '/__test__/locator/sample/index.json';
/** Saturday 21 November 2026, 09:30 in Tehran: weekday bases are open until 14:00. */
const NOW = new Date('2026-11-21T06:00:00Z');
const HESSEH = { lat: 32.7045, lng: 51.6935 };
const TILES = '/__test__/tile/{z}/{x}/{y}.png';

const root = (el: BzServiceLocator) => el.shadowRoot as ShadowRoot;
const $ = <T extends Element = HTMLElement>(el: BzServiceLocator, selector: string) =>
  root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: BzServiceLocator, selector: string) => [
  ...root(el).querySelectorAll<T>(selector),
];
const ids = (el: BzServiceLocator) => $$(el, '[part~="result"]').map((li) => li.dataset.id);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(check: () => T, what: string, timeout = 4000): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** A select once it has more than `min` options. */
const selectWith = (el: BzServiceLocator, id: string, min: number) =>
  until(() => {
    const select = $<HTMLSelectElement>(el, `#${id}`);
    return select && select.options.length >= min ? select : undefined;
  }, `#${id} with ${min} options`);

const resultsShown = (el: BzServiceLocator) =>
  until(() => $$(el, '[part~="result"]').length > 0 && !$(el, '[aria-busy="true"]'), 'results');
const errorShown = (el: BzServiceLocator) => until(() => $(el, '[part~="error"]'), 'the error');

/** Chooses a province and one of its counties from the lists, presses "show bases" and waits for them. */
async function showBasesIn(el: BzServiceLocator, province: string, county: string) {
  const provinces = await selectWith(el, 'province', 2);
  provinces.value = province;
  provinces.dispatchEvent(new Event('change'));
  const counties = await selectWith(el, 'county', 12);
  counties.value = county;
  counties.dispatchEvent(new Event('change'));
  $<HTMLButtonElement>(el, 'form[part~="places-form"] button[type="submit"]')?.click();
  await resultsShown(el);
}

/** Watches console.warn (what the element logs), restoring it afterwards. */
function watchWarnings() {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  return { warnings, restore: () => (console.warn = original) };
}

async function press(key: string) {
  await sendKeys({ press: key });
}

/** Presses Tab until the widget's focused element matches, at most `max` times. */
async function tabTo(el: BzServiceLocator, matches: (active: Element) => boolean, max = 80) {
  for (let i = 0; i < max; i++) {
    const active = root(el).activeElement;
    if (active && matches(active)) return active as HTMLElement;
    await press('Tab');
  }
  throw new Error('could not reach the element with Tab');
}

/** Every sample base, for checking answers against a plain sort. */
async function allBases() {
  const index = parseIndex(await loadJson(SRC));
  const chunks = await Promise.all(
    index.chunks.map(async (chunk) =>
      parseChunk(await loadJson(`/__test__/locator/sample/provinces/${chunk.key}.en.json`)),
    ),
  );
  return chunks.flatMap((chunk) => chunk.records);
}

describe('bz-service-locator', () => {
  describe('a position from the host page (lat/lng)', () => {
    it('lists the nearest bases, nearest first, in Persian with Persian digits', async () => {
      let located: LocateDetail | undefined;
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator
          lang="fa"
          src=${SRC}
          lat="32.7045"
          lng="51.6935"
          limit="5"
          .now=${NOW}
          @bz-locate=${(event: CustomEvent<LocateDetail>) => (located = event.detail)}
        ></bz-service-locator>`,
      );
      await resultsShown(el);
      expect(located).to.deep.equal({ ...HESSEH, source: 'attribute' });
      const bases = await allBases();
      const expected = bases
        .map((record) => ({
          id: record.id,
          d: distanceKm(HESSEH, { lat: record.location.latitude, lng: record.location.longitude }),
        }))
        .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1))
        .slice(0, 5)
        .map((entry) => entry.id);
      expect(ids(el)).to.deep.equal(expected);
      const first = $(el, '[part~="result"]') as HTMLElement;
      expect($(el, '[part="base"]')?.getAttribute('dir')).to.equal('rtl');
      expect(first.querySelector('[part~="distance"]')?.textContent).to.contain('کیلومتر');
      expect(first.querySelector('[part~="distance"]')?.textContent).to.match(/[۰-۹]/);
      expect(first.querySelector('[part~="hours"]')?.textContent?.trim()).to.equal(
        'اکنون باز است تا ساعت ۱۴:۰۰',
      );
      const hrefs = [...first.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      // The nationwide lines are not a base's own number: never on a card, in their own box.
      expect(hrefs).not.to.include.members(['tel:123']);
      expect(hrefs).not.to.include.members(['tel:1480']);
      const hotlines = $(el, '[part~="hotlines"]') as HTMLElement;
      expect(hotlines.textContent).to.contain('شماره‌ی این پایگاه‌ها نیست');
      // The nearest base has no number of its own: the lines come before the list, in view.
      expect(
        hotlines.compareDocumentPosition($(el, '.list') as Node) & Node.DOCUMENT_POSITION_FOLLOWING,
      ).to.not.equal(0);
      expect([...hotlines.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
        'tel:123',
        'tel:1480',
      ]);
      // A host position is no citizen's action: focus stays where it was.
      expect(root(el).activeElement).to.equal(null);
      expect($(el, '[part~="results"] [part~="summary"]')?.textContent).to.match(
        /^نزدیک‌ترین: .+، [۰-۹٫]+ کیلومتر، اکنون باز است تا ساعت ۱۴:۰۰$/,
      );
      expect(hrefs).to.include.members([
        'geo:32.7045,51.6935',
        'https://www.openstreetmap.org/?mlat=32.7045&mlon=51.6935#map=16/32.7045/51.6935',
        'https://neshan.org/maps/@32.7045,51.6935,16z',
        'https://balad.ir/location?latitude=32.7045&longitude=51.6935&zoom=16',
      ]);
      expect(first.textContent).to.contain('مددکاری اجتماعی');
      expect(first.textContent).to.contain('ورودی بدون پله');
      expect($(el, '[part~="notice"]')?.textContent).to.contain('نمونه');
      expect($(el, '[role="status"]')?.textContent).to.contain('۵ پایگاه');
      await expect(el).to.be.accessible();
    });

    it('shows a base’s own number on its card, the nationwide lines after the list', async () => {
      // The sample records know no numbers: give every base one, as a real dataset would.
      const withPhones = async (url: string, options: Parameters<typeof loadJson>[1]) => {
        const json = (await loadJson(url, options)) as { format?: string; records?: object[] };
        if (json.format === 'bz-locator-chunk')
          for (const record of json.records ?? [])
            Object.assign(record, { phones: [{ number: '031 3333 4444' }, { number: '1480' }] });
        return json;
      };
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator lang="fa" src=${SRC} lat="32.7045" lng="51.6935" limit="3" .loader=${withPhones}></bz-service-locator>`,
      );
      await resultsShown(el);
      const card = $(el, '[part~="result"]') as HTMLElement;
      const tel = [...card.querySelectorAll('a[href^="tel:"]')].map((a) => a.getAttribute('href'));
      // The base's own number; 1480 in its phones is still not shown as the base's.
      expect(tel).to.deep.equal(['tel:03133334444']);
      expect(card.querySelector('a[href^="tel:"]')?.textContent).to.equal('۰۳۱ ۳۳۳۳ ۴۴۴۴');
      const hotlines = $(el, '[part~="hotlines"]') as HTMLElement;
      expect(
        ($(el, '.list') as HTMLElement).compareDocumentPosition(hotlines) &
          Node.DOCUMENT_POSITION_FOLLOWING,
      ).to.not.equal(0);
    });

    it('speaks English with Latin digits and km, and passes axe', async () => {
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator lang="en" src=${SRC} lat="30.28" lng="57.08" .now=${NOW}></bz-service-locator>`,
      );
      await resultsShown(el);
      expect($(el, '[part="base"]')?.getAttribute('dir')).to.equal('ltr');
      const first = $(el, '[part~="result"]') as HTMLElement;
      expect(first.dataset.id).to.equal('kerman-social-emergency');
      expect(first.querySelector('[part~="distance"]')?.textContent).to.match(/^\d+(\.\d)? km$/);
      expect(first.querySelector('[part~="hours"]')?.textContent?.trim()).to.equal(
        'Open day and night',
      );
      expect(first.querySelector('h3')?.textContent).to.equal('Kerman social emergency centre');
      const faryab = $(el, '[data-id="kerman-faryab"] [part~="hours"]');
      expect(faryab?.textContent?.trim()).to.equal('Open now until 14:00');
      await expect(el).to.be.accessible();
    });

    it('says when a base is closed and when it opens', async () => {
      // Friday 20 November 2026 at 20:00 in Tehran: weekday bases open on Saturday at 07:30.
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator lang="en" src=${SRC} lat="28.096" lng="57.225" limit="1" .now=${new Date('2026-11-20T16:30:00Z')}></bz-service-locator>`,
      );
      await resultsShown(el);
      expect($(el, '[part~="hours"]')?.textContent?.trim()).to.equal(
        'Closed now; opens Saturday at 07:30',
      );
    });

    it('follows a new lat/lng set by the host', async () => {
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator src=${SRC} lat="38.25" lng="48.29" limit="2"></bz-service-locator>`,
      );
      await resultsShown(el);
      expect(ids(el)[0]).to.match(/^ardabil-/);
      const event = oneEvent(el, 'bz-locate');
      el.lat = 34.08;
      el.lng = 49.7;
      expect((await event).detail).to.deep.equal({ lat: 34.08, lng: 49.7, source: 'attribute' });
      await until(() => ids(el)[0] === 'markazi-arak', 'the new results');
    });

    it('reads the answer again in the new language when `lang` changes', async () => {
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator lang="fa" src=${SRC} lat="32.7045" lng="51.6935" limit="2"></bz-service-locator>`,
      );
      await resultsShown(el);
      const name = () => $(el, '[part~="result-name"]')?.textContent ?? '';
      expect(name()).to.match(/[آ-ی]/);
      // Persian files carry no English: the English answer comes from the English files.
      el.lang = 'en';
      await until(() => /^[\x20-\x7e]+$/.test(name().trim()), 'the English name');
      expect(ids(el)).to.have.length(2);
    });

    it('reads the data from another origin', async () => {
      // The same server under its other loopback name: another origin.
      const others: Record<string, string> = { localhost: '127.0.0.1', '127.0.0.1': 'localhost' };
      const other = others[location.hostname] ?? '';
      if (!other) return;
      const src = `${location.protocol}//${other}:${location.port}${SRC}`;
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator src=${src} lat="32.7" lng="51.7" limit="2"></bz-service-locator>`,
      );
      await resultsShown(el);
      expect(ids(el)).to.have.length(2);
      expect(
        performance
          .getEntriesByType('resource')
          .some((entry) => entry.name.startsWith(src.replace('index.json', 'provinces/'))),
      ).to.equal(true);
    });
  });

  describe('province and county', () => {
    it('lists counties of the chosen province and shows only that county', async () => {
      const located: LocateDetail[] = [];
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator lang="fa" src=${SRC} @bz-locate=${(e: CustomEvent<LocateDetail>) => located.push(e.detail)}></bz-service-locator>`,
      );
      const province = await selectWith(el, 'province', 2);
      expect([...province.options].map((o) => o.textContent?.trim())).to.include.members([
        'اصفهان',
        'کرمان',
        'اردبیل',
        'مرکزی',
      ]);
      province.value = 'kerman';
      province.dispatchEvent(new Event('change'));
      const county = await selectWith(el, 'county', 12);
      expect([...county.options].map((o) => o.value)).to.include.members([
        'faryab',
        'qaleh-ganj',
        'kuhbanan',
      ]);
      county.value = 'qaleh-ganj';
      county.dispatchEvent(new Event('change'));
      $<HTMLButtonElement>(el, 'form[part~="places-form"] button[type="submit"]')?.click();
      await resultsShown(el);
      expect(ids(el)).to.deep.equal(['kerman-qaleh-ganj']);
      expect(located[0]?.source).to.equal('place');
      expect($(el, '#results-heading')?.textContent).to.contain('قلعه‌گنج');
      // The answer where the eyes are: focus on the results' heading, a line beside the form.
      await until(() => root(el).activeElement?.id === 'results-heading', 'focus on the heading');
      const summary = $(el, 'form[part~="places-form"] [part~="summary"]');
      expect(summary?.textContent).to.contain('نزدیک‌ترین:');
      // A county chosen: "in this county", never «۰ کیلومتر» from the county's own centre.
      expect(summary?.textContent).to.contain('در همین شهرستان');
      expect($(el, '[part~="distance"]')?.textContent).to.equal('در همین شهرستان');
      expect(root(el).textContent).not.to.contain('۰ کیلومتر');
      expect($(el, '[role="status"]')?.textContent).to.contain('نزدیک‌ترین:');
      await expect(el).to.be.accessible();
    });

    it('reads only the chosen province’s files, in the page’s language', async () => {
      const urls: string[] = [];
      const recording = (url: string, options: Parameters<typeof loadJson>[1]) => {
        urls.push(url);
        return loadJson(url, options);
      };
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator lang="en" src=${SRC} .loader=${recording}></bz-service-locator>`,
      );
      await showBasesIn(el, 'kerman', 'faryab');
      expect(ids(el)).to.deep.equal(['kerman-faryab']);
      const read = urls
        .map((url) => new URL(url).pathname)
        .filter((path) => path.startsWith('/__test__/locator/sample/'))
        .map((path) => path.slice('/__test__/locator/sample/'.length));
      expect(read).to.include('index.json');
      expect(read).to.include('provinces/kerman/places.en.json');
      for (const path of read.filter((p) => p !== 'index.json')) {
        expect(path, path).to.match(/^provinces\/kerman\/[a-z0-9]+\.en\.json$/);
      }
    });

    it('still reads data published in format 1 (one places file, bilingual files)', async () => {
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator lang="fa" src="/__test__/locator/v1/index.json"></bz-service-locator>`,
      );
      await showBasesIn(el, 'kerman', 'qaleh-ganj');
      expect(ids(el)).to.deep.equal(['kerman-qaleh-ganj']);
      el.removeAttribute('province');
      el.lat = 38.25;
      el.lng = 48.29;
      await until(() => ids(el)[0]?.startsWith('ardabil-'), 'the nearest to Ardabil');
    });

    it('lists all 31 provinces and their counties in Persian alphabetical order', async () => {
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator lang="fa" src=${SRC}></bz-service-locator>`,
      );
      const province = await selectWith(el, 'province', 32);
      const names = [...province.options].slice(1).map((o) => o.textContent?.trim() ?? '');
      expect(names).to.have.length(31);
      expect(names).to.deep.equal([...names].sort(new Intl.Collator('fa').compare));
      expect(names[0]).to.equal('آذربایجان شرقی');
      expect(names.at(-1)).to.equal('یزد');
      province.value = 'isfahan';
      province.dispatchEvent(new Event('change'));
      const county = await selectWith(el, 'county', 20);
      const counties = [...county.options].slice(1).map((o) => o.textContent?.trim() ?? '');
      expect(counties).to.include.members(['اصفهان', 'کاشان', 'آران و بیدگل']);
      expect(counties).to.deep.equal([...counties].sort(new Intl.Collator('fa').compare));
    });

    for (const lang of ['fa', 'en'] as const) {
      it(`says plainly when a province has no base, then the nearest elsewhere (${lang})`, async () => {
        const el = await fixture<BzServiceLocator>(
          html`<bz-service-locator lang=${lang} src=${SRC} .now=${NOW}></bz-service-locator>`,
        );
        const province = await selectWith(el, 'province', 32);
        province.value = 'tehran';
        province.dispatchEvent(new Event('change'));
        await el.updateComplete;
        $<HTMLButtonElement>(el, 'form[part~="places-form"] button[type="submit"]')?.click();
        await resultsShown(el);
        const notice = $$(el, '[part~="results"] [part~="notice"]').map((n) => n.textContent);
        expect(notice.join(' ')).to.contain(
          lang === 'fa' ? 'هنوز پایگاهی در تهران ثبت نشده است' : 'No base is listed in Tehran yet',
        );
        // The nearest bases anywhere (Markazi is next door), with real distances.
        expect(ids(el)[0]).to.match(/^markazi-/);
        expect($(el, '[part~="distance"]')?.textContent).to.match(lang === 'fa' ? /کیلومتر/ : /km/);
        expect($(el, '[part~="hotlines"] a[href="tel:1480"]')).not.to.equal(null);
        await until(() => root(el).activeElement?.id === 'results-heading', 'focus');
        expect($(el, '[role="status"]')?.textContent).to.contain(
          lang === 'fa' ? 'هنوز پایگاهی' : 'No base is listed',
        );
        await expect(el).to.be.accessible();
      });
    }

    it('shows a whole province nearest its centre, and asks for a province when none is chosen', async () => {
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator lang="en" src=${SRC}></bz-service-locator>`,
      );
      await selectWith(el, 'province', 2);
      $<HTMLButtonElement>(el, 'form[part~="places-form"] button[type="submit"]')?.click();
      await until(() => $(el, '#province-problem'), 'the problem');
      expect($(el, '#province-problem')?.textContent).to.contain('Choose a province first');
      expect(root(el).activeElement?.id).to.equal('province');
      const province = $<HTMLSelectElement>(el, '#province') as HTMLSelectElement;
      province.value = 'markazi';
      province.dispatchEvent(new Event('change'));
      await el.updateComplete;
      $<HTMLButtonElement>(el, 'form[part~="places-form"] button[type="submit"]')?.click();
      await resultsShown(el);
      expect(ids(el)).to.have.length(6);
      expect(ids(el).every((id) => id?.startsWith('markazi-'))).to.equal(true);
    });

    it('takes province and county attributes and shows their bases at once', async () => {
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator src=${SRC} province="kerman" county="faryab"></bz-service-locator>`,
      );
      await resultsShown(el);
      expect(ids(el)).to.deep.equal(['kerman-faryab']);
      expect($<HTMLSelectElement>(el, '#province')?.value).to.equal('kerman');
      await until(
        () => $<HTMLSelectElement>(el, '#county')?.value === 'faryab',
        'the county selected',
      );
    });
  });

  describe('text search', () => {
    const searchFor = async (el: BzServiceLocator, text: string) => {
      const input = await until(() => $<HTMLInputElement>(el, '#search'), 'the search box');
      input.value = text;
      $<HTMLFormElement>(el, 'form[part~="search-form"]')?.requestSubmit();
      return until(
        () => $(el, '[part~="matches"]') && $$(el, '[part~="matches"] button'),
        `matches for ${text}`,
      );
    };

    for (const [query, expected] of [
      ['قلعه‌گنج', 'قلعه‌گنج'],
      ['قلعه گنج', 'قلعه‌گنج'],
      ['قلعهگنج', 'قلعه‌گنج'],
      ['فريدونشهر', 'فریدون‌شهر'],
      ['ارزوييه', 'ارزوئیه'],
      ['hesseh', 'حصه'],
    ] as const) {
      it(`finds «${expected}» when typed as «${query}»`, async () => {
        const el = await fixture<BzServiceLocator>(
          html`<bz-service-locator lang="fa" src=${SRC}></bz-service-locator>`,
        );
        const buttons = await searchFor(el, query);
        expect(buttons[0]?.textContent).to.contain(expected);
      });
    }

    it('locates from a chosen place, limited to its county', async () => {
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator lang="en" src=${SRC}></bz-service-locator>`,
      );
      const buttons = await searchFor(el, 'اصفهان');
      const county = buttons.find((b) => b.textContent?.includes('County')) as HTMLButtonElement;
      expect(county.textContent).to.contain('Isfahan');
      const event = oneEvent(el, 'bz-locate');
      county.click();
      expect((await event).detail.source).to.equal('search');
      await resultsShown(el);
      expect(ids(el)).to.have.members([
        'isfahan-hesseh',
        'isfahan-arzanan',
        'isfahan-social-emergency',
        'isfahan-counselling-centre',
      ]);
      await expect(el).to.be.accessible();
    });

    it('finds a base by name and puts it first', async () => {
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator lang="en" src=${SRC}></bz-service-locator>`,
      );
      const buttons = await searchFor(el, 'Arzanan social');
      expect(buttons).to.have.length(1);
      buttons[0]?.click();
      await resultsShown(el);
      expect(ids(el)[0]).to.equal('isfahan-arzanan');
    });

    it('says where to go next when nothing matches, never blaming the spelling', async () => {
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator lang="en" src=${SRC}></bz-service-locator>`,
      );
      const input = await until(() => $<HTMLInputElement>(el, '#search'), 'the search box');
      input.value = 'zzzz';
      $<HTMLFormElement>(el, 'form[part~="search-form"]')?.requestSubmit();
      const message = await until(() => $(el, '[part~="matches"]'), 'the message');
      expect(message.textContent).to.contain('«zzzz» is not in our list of places');
      expect(message.querySelector('a[href="tel:1480"]')?.textContent).to.contain('1480');
      expect(message.textContent).not.to.match(/spelling/i);
      expect(message.classList.contains('problem')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('finds a province without bases, and suggests the closest place names', async () => {
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator lang="fa" src=${SRC}></bz-service-locator>`,
      );
      const found = await searchFor(el, 'تهران');
      expect(found.some((b) => b.textContent?.includes('تهران'))).to.equal(true);
      // A slipped dot (ز for ر) matches nothing: the closest names are offered instead.
      await searchFor(el, 'تهزان');
      await until(
        () => $(el, '[part~="matches"]')?.textContent?.includes('شاید منظورتان'),
        'the suggestions',
      );
      const suggested = $$(el, '[part~="matches"] button');
      expect($(el, '[part~="matches"]')?.textContent).not.to.contain('نوشتار');
      const tehran = suggested.find((b) => b.textContent?.includes('تهران')) as HTMLButtonElement;
      tehran.click();
      await resultsShown(el);
      await until(() => root(el).activeElement?.id === 'results-heading', 'focus');
      expect($(el, 'form[part~="search-form"] [part~="summary"]')?.textContent).to.contain(
        'کیلومتر',
      );
    });
  });

  describe('keyboard only', () => {
    it('goes from the first control to a chosen base with Tab, typing and Enter', async () => {
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator lang="fa" src=${SRC} .now=${NOW}></bz-service-locator>`,
      );
      await selectWith(el, 'province', 2);
      $(el, '[part~="geolocate-button"]')?.focus();
      await tabTo(el, (active) => active.id === 'search');
      await sendKeys({ type: 'حصه' });
      await press('Enter');
      await until(() => $$(el, '[part~="matches"] button').length > 0, 'matches');
      const match = await tabTo(el, (active) => active.closest('[part~="matches"]') !== null);
      expect(match.textContent).to.contain('حصه');
      await press('Enter');
      await resultsShown(el);
      const selected = oneEvent(el, 'bz-select');
      const button = await tabTo(el, (active) => active.matches('[part~="select-button"]'));
      expect(button.closest('[part~="result"]')?.getAttribute('data-id')).to.equal(
        'isfahan-hesseh',
      );
      await press('Enter');
      const detail: SelectDetail = (await selected).detail;
      expect(detail).to.deep.equal({ id: 'isfahan-hesseh' });
      expect(button.getAttribute('aria-pressed')).to.equal('true');
    });

    it('makes "choose this base" a link to the base’s page when base-href is given', async () => {
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator lang="en" src=${SRC} lat=${HESSEH.lat} lng=${HESSEH.lng}
          base-href="/en/directory/bases/{id}/" .now=${NOW}></bz-service-locator>`,
      );
      await resultsShown(el);
      const link = $<HTMLAnchorElement>(el, '[part~="result"] [part~="select-button"]');
      expect(link?.tagName).to.equal('A');
      expect(link?.hasAttribute('aria-pressed')).to.equal(false);
      expect(link?.getAttribute('href')).to.equal(`/en/directory/bases/${ids(el)[0]}/`);
      // The host page still hears which base was chosen (then the browser follows the link).
      link?.addEventListener('click', (event) => event.preventDefault());
      const selected = oneEvent(el, 'bz-select');
      link?.click();
      expect((await selected).detail).to.deep.equal({ id: ids(el)[0] });
      await expect(el).to.be.accessible();
    });

    it('offers a link past the result list that moves focus after it', async () => {
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator lang="en" src=${SRC} lat=${HESSEH.lat} lng=${HESSEH.lng}
          .now=${NOW}></bz-service-locator>`,
      );
      await resultsShown(el);
      const skip = await tabTo(el, (active) => active.matches('a.skip'));
      expect(skip.textContent?.trim()).to.equal('Skip to the end of the list of bases');
      const list = $(el, '.list') as HTMLElement;
      expect(skip.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      await press('Enter');
      const end = root(el).activeElement as HTMLElement;
      expect(end.id).to.equal('results-end');
      expect(list.compareDocumentPosition(end) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('use my location (the browser’s own permission and position)', () => {
    let supported = true;
    let reason = '';
    before(async function () {
      const answer = (await executeServerCommand('bz-geolocation', { permission: 'denied' })) as {
        supported: boolean;
        reason?: string;
      };
      supported = answer.supported;
      reason = answer.reason ?? '';
      if (!supported) {
        console.info(`Skipping geolocation tests in this browser: ${reason}`);
        this.skip();
      }
    });
    after(async () => {
      if (supported)
        await executeServerCommand('bz-geolocation', { permission: 'denied', position: null });
    });

    it('asks only when pressed, then lists the bases nearest the device', async () => {
      await executeServerCommand('bz-geolocation', {
        permission: 'granted',
        position: { latitude: 28.1, longitude: 57.2 },
      });
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator lang="fa" src=${SRC}></bz-service-locator>`,
      );
      await selectWith(el, 'province', 2);
      expect($(el, '[part~="result"]')).to.equal(null);
      expect($(el, '#geo-why')?.textContent).to.contain('اجازه');
      const event = oneEvent(el, 'bz-locate');
      $(el, '[part~="geolocate-button"]')?.click();
      expect((await event).detail).to.deep.equal({ lat: 28.1, lng: 57.2, source: 'geolocation' });
      await resultsShown(el);
      expect(ids(el)[0]).to.equal('kerman-faryab');
      expect($(el, '#results-heading')?.textContent).to.contain('شما');
      await until(() => root(el).activeElement?.id === 'results-heading', 'focus on the heading');
      const summary = $(el, '[part~="geolocate-button"] ~ [part~="summary"]')?.textContent ?? '';
      expect(summary).to.match(/^نزدیک‌ترین: .*فاریاب.*، [۰-۹٫]+ کیلومتر، /);
    });

    it('explains a refusal and keeps the other ways open', async () => {
      await executeServerCommand('bz-geolocation', { permission: 'denied' });
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator lang="en" src=${SRC}></bz-service-locator>`,
      );
      $(el, '[part~="geolocate-button"]')?.click();
      const problem = await until(() => $(el, '#geo-problem'), 'the message');
      expect(problem.textContent).to.contain('Permission to use your location was not given');
      expect(problem.textContent).to.contain('choose a province and county');
      expect($<HTMLSelectElement>(el, '#province')?.disabled).to.equal(false);
      expect($<HTMLInputElement>(el, '#search')?.disabled).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('gives up on a position that never comes', async () => {
      await executeServerCommand('bz-geolocation', { permission: 'granted', position: null });
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator lang="en" src=${SRC} .geolocationTimeout=${300}></bz-service-locator>`,
      );
      $(el, '[part~="geolocate-button"]')?.click();
      const problem = await until(() => $(el, '#geo-problem'), 'the message');
      expect(problem.textContent).to.match(/took too long|could not be found/);
      expect($(el, '[part~="result"]')).to.equal(null);
    });
  });

  describe('bad data', () => {
    for (const [name, src, timeout, text] of [
      ['404', '/__test__/status/404', 20000, 'not found at this address'],
      ['500', '/__test__/status/500', 20000, 'did not answer properly'],
      ['not JSON', '/__test__/text', 20000, 'could not be read'],
      ['too slow', '/__test__/slow/3000', 300, 'took too long'],
      ['a newer format', '/__test__/locator/newer/index.json', 20000, 'could not be read'],
      ['unreachable', 'http://127.0.0.1:9/index.json', 20000, 'could not be reached'],
    ] as const) {
      it(`shows a sentence and a retry button when the index is ${name}`, async () => {
        const el = await fixture<BzServiceLocator>(
          html`<bz-service-locator lang="en" src=${src} lat="32.7" lng="51.7" .loadTimeout=${timeout}></bz-service-locator>`,
        );
        const error = await errorShown(el);
        expect(error.getAttribute('role')).to.equal('alert');
        expect(error.textContent).to.contain(text);
        expect(error.querySelector('button')?.textContent?.trim()).to.equal('Try again');
        await expect(el).to.be.accessible();
      });
    }

    it('retries and then shows the results', async () => {
      let calls = 0;
      const flaky = (url: string, options: object) =>
        ++calls === 1
          ? Promise.reject(Object.assign(new Error('down'), { code: 'server' }))
          : loadJson(url, options);
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator lang="fa" src=${SRC} lat="32.7" lng="51.7" .loader=${flaky}></bz-service-locator>`,
      );
      const error = await errorShown(el);
      await expect(el).to.be.accessible();
      error.querySelector('button')?.click();
      await resultsShown(el);
      expect($(el, '[part~="error"]')).to.equal(null);
    });

    it('shows the error with retry when chunks fail, leaving the page alone', async () => {
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator lang="fa" src="/__test__/locator/chunk-500/index.json" lat="32.7" lng="51.7"></bz-service-locator>`,
      );
      const error = await errorShown(el);
      expect(error.textContent).to.contain('سرور');
      expect(document.body.isConnected).to.equal(true);
    });

    it('skips and counts unusable records, never failing', async () => {
      const watch = watchWarnings();
      try {
        const el = await fixture<BzServiceLocator>(
          html`<bz-service-locator src="/__test__/locator/broken/index.json" lat="32.7" lng="51.7" limit="3"></bz-service-locator>`,
        );
        await resultsShown(el);
        expect(ids(el)).to.have.length(3);
        expect(
          watch.warnings.some((w) => /skipped 2 unusable record\(s\) in chunk [a-z-]+\/q/.test(w)),
        ).to.equal(true);
      } finally {
        watch.restore();
      }
    });

    it('shows the empty state when there are no bases at all', async () => {
      const empty = async (url: string, options: object) => {
        const json = (await loadJson(url, options)) as Record<string, unknown>;
        return url.includes('index.json') ? { ...json, chunks: [], count: 0 } : json;
      };
      for (const lang of ['fa', 'en']) {
        const el = await fixture<BzServiceLocator>(
          html`<bz-service-locator lang=${lang} src=${SRC} lat="32.7" lng="51.7" .loader=${empty}></bz-service-locator>`,
        );
        await until(() => $(el, '.empty'), 'the empty state');
        expect($(el, '.empty')?.textContent).to.contain(lang === 'fa' ? '۱۴۸۰' : '1480');
        await expect(el).to.be.accessible();
      }
    });
  });

  describe('bad attributes', () => {
    it('warns about each bad attribute by name and uses a sane default', async () => {
      const watch = watchWarnings();
      try {
        const el = await fixture<BzServiceLocator>(
          html`<bz-service-locator src=${SRC} province="tehrann" county="nowhere" lat="abc" lng="51" limit="-3"></bz-service-locator>`,
        );
        await until(
          () => watch.warnings.some((w) => w.includes('county="nowhere"')),
          'the county warning',
        );
        const text = watch.warnings.join('\n');
        expect(text).to.contain('limit="-3"');
        expect(text).to.contain('province="tehrann"');
        expect(text).to.contain('lat="NaN"');
        expect($(el, '[part~="result"]')).to.equal(null);
        expect($(el, '[part~="error"]')).to.equal(null);
        el.lat = 32.7;
        await resultsShown(el);
        expect(ids(el)).to.have.length(10);
      } finally {
        watch.restore();
      }
    });

    it('accepts Persian digits in lat, lng and limit', async () => {
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator src=${SRC} lat="۳۲٫۷" lng="۵۱٫۷" limit="۲"></bz-service-locator>`,
      );
      await resultsShown(el);
      expect(ids(el)).to.have.length(2);
    });

    it('warns when src is missing', async () => {
      const watch = watchWarnings();
      try {
        const el = await fixture<BzServiceLocator>(html`<bz-service-locator></bz-service-locator>`);
        await errorShown(el);
        expect(watch.warnings.join('\n')).to.contain('no src');
      } finally {
        watch.restore();
      }
    });
  });

  describe('map', () => {
    it('has no map and loads nothing for one without map-tiles', async () => {
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator src=${SRC} lat="32.7" lng="51.7"></bz-service-locator>`,
      );
      await resultsShown(el);
      expect($(el, '[part~="map-toggle"]')).to.equal(null);
      expect($(el, '[part~="map"]')).to.equal(null);
    });

    it('loads Leaflet only when the map is opened, with a marker per result', async () => {
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator lang="en" src=${SRC} lat="32.7" lng="51.7" limit="4" map-tiles=${TILES} map-attribution="Test tiles"></bz-service-locator>`,
      );
      await resultsShown(el);
      const loadedLeaflet = () =>
        performance
          .getEntriesByType('resource')
          .some((entry) => /leaflet|map\.ts|__test__\/tile/.test(entry.name));
      const alreadyLoaded = loadedLeaflet();
      const toggle = $<HTMLButtonElement>(el, '[part~="map-toggle"]') as HTMLButtonElement;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect($(el, '.leaflet-container')).to.equal(null);
      if (!alreadyLoaded) expect(loadedLeaflet()).to.equal(false);
      toggle.click();
      await until(() => $$(el, '.leaflet-marker-icon').length >= 4, 'the markers', 8000);
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect($$(el, '.bz-marker')).to.have.length(4);
      // Leaflet's CSS is an adopted sheet of the shadow root, not a <style> element, which a
      // host page's CSP without 'unsafe-inline' would block (e2e/hostile-host.test.ts).
      const sheets = (el.shadowRoot as ShadowRoot).adoptedStyleSheets;
      expect(
        sheets.some((sheet) =>
          [...sheet.cssRules].some((rule) => rule.cssText.includes('.leaflet-pane')),
        ),
      ).to.equal(true);
      expect($$(el, 'style')).to.have.length(0);
      expect(document.head.innerHTML).not.to.contain('leaflet-pane');
      expect($(el, '.leaflet-control-attribution')?.textContent).to.contain('Test tiles');
      await expect(el).to.be.accessible({ ignoredRules: ['region'] });
    });
  });

  describe('reflow (WCAG 1.4.10)', () => {
    /** Nothing in the widget, results and map button included, needs sideways scrolling. */
    async function expectNoSidewaysScroll(wrapper: HTMLElement) {
      const el = wrapper.querySelector('bz-service-locator') as BzServiceLocator;
      await resultsShown(el);
      for (const box of [$(el, '[part="base"]'), ...$$(el, '[part~="result"]')]) {
        expect(box?.scrollWidth).to.be.at.most((box?.clientWidth ?? 0) + 1);
      }
      expect(wrapper.scrollWidth).to.be.at.most(wrapper.clientWidth + 1);
    }

    for (const lang of ['fa', 'en']) {
      it(`fits a 320 px wide screen in ${lang}`, async () => {
        await expectNoSidewaysScroll(
          await fixture<HTMLDivElement>(
            html`<div style="inline-size: 320px"><bz-service-locator lang=${lang} src=${SRC} lat="32.7" lng="51.69" map-tiles=${TILES} .now=${NOW}></bz-service-locator></div>`,
          ),
        );
      });

      it(`reflows at 400% zoom of a 1280 px window in ${lang}`, async () => {
        // CSS zoom 4 on a 1280 px box lays the widget out in 320 CSS px with four-times larger
        // text, as browser zoom at 400% does (the WCAG reflow case).
        await expectNoSidewaysScroll(
          await fixture<HTMLDivElement>(
            html`<div style="inline-size: 1280px; zoom: 4"><bz-service-locator lang=${lang} src=${SRC} lat="32.7" lng="51.69" map-tiles=${TILES} .now=${NOW}></bz-service-locator></div>`,
          ),
        );
      });
    }
  });

  describe('embedding', () => {
    it('replaces its light-DOM fallback with the widget once upgraded', async () => {
      const el = await fixture<BzServiceLocator>(
        html`<bz-service-locator src=${SRC}><a href="/bases">List of service bases</a></bz-service-locator>`,
      );
      expect(el.querySelector('a')?.getClientRects().length).to.equal(0);
      expect($(el, '[part~="geolocate-button"]')).to.exist;
    });

    it('does not throw when its script is loaded twice', async () => {
      // A second copy of the script brings a second class and defines the tag again.
      const again = await import(`./service-locator.component.ts?copy=${Date.now()}`);
      defineElement('bz-service-locator', again.BzServiceLocator);
      expect(customElements.get('bz-service-locator')).to.not.equal(again.BzServiceLocator);
    });
  });
});
