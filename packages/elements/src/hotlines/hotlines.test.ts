import { expect, fixture, html } from '@open-wc/testing';
import type { BzHotlines } from './hotlines.ts';
import './hotlines.ts';

const links = (el: BzHotlines) => [
  ...(el.shadowRoot?.querySelectorAll<HTMLAnchorElement>('a[part~="number"]') ?? []),
];
const base = (el: BzHotlines) => el.shadowRoot?.querySelector<HTMLElement>('[part="base"]');

describe('bz-hotlines', () => {
  afterEach(() => {
    document.documentElement.removeAttribute('lang');
  });

  it('renders both national lines in Persian, right to left, with Persian digits', async () => {
    const el = await fixture<BzHotlines>(html`<bz-hotlines lang="fa"></bz-hotlines>`);
    const [emergency, counselling] = links(el);
    expect(emergency?.getAttribute('href')).to.equal('tel:123');
    expect(counselling?.getAttribute('href')).to.equal('tel:1480');
    expect(emergency?.textContent).to.contain('۱۲۳');
    expect(counselling?.textContent).to.contain('۱۴۸۰');
    expect(base(el)?.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(base(el) as HTMLElement).direction).to.equal('rtl');
    expect(el.shadowRoot?.querySelector('h2')?.textContent).to.equal('شماره‌های کمک فوری');
    await expect(el).to.be.accessible();
  });

  it('renders in English, left to right, with Latin digits', async () => {
    const el = await fixture<BzHotlines>(html`<bz-hotlines lang="en-GB"></bz-hotlines>`);
    const [emergency] = links(el);
    expect(emergency?.textContent).to.contain('123');
    expect(emergency?.textContent).to.contain('Call Social emergency');
    expect(base(el)?.getAttribute('dir')).to.equal('ltr');
    expect(base(el)?.getAttribute('lang')).to.equal('en');
    expect(el.shadowRoot?.querySelector('h2')?.textContent).to.equal('Help lines');
    await expect(el).to.be.accessible();
  });

  it('takes the closest ancestor lang across a shadow root, and follows changes', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    const shadow = outer.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<section><bz-hotlines></bz-hotlines></section>';
    const el = shadow.querySelector('bz-hotlines') as BzHotlines;
    await el.updateComplete;
    expect(el.locale).to.equal('en');
    outer.setAttribute('lang', 'fa-IR');
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(el.locale).to.equal('fa');
    expect(links(el)[0]?.textContent).to.contain('۱۲۳');
  });

  it("falls back to the document's lang, then to Persian for unsupported languages", async () => {
    document.documentElement.setAttribute('lang', 'en-US');
    const el = await fixture<BzHotlines>(html`<bz-hotlines></bz-hotlines>`);
    expect(el.locale).to.equal('en');
    document.documentElement.setAttribute('lang', 'de');
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(el.locale).to.equal('fa');
  });

  it('lets dir override the locale direction without changing the language', async () => {
    const el = await fixture<BzHotlines>(html`<bz-hotlines lang="fa" dir="ltr"></bz-hotlines>`);
    expect(base(el)?.getAttribute('dir')).to.equal('ltr');
    expect(el.locale).to.equal('fa');
    el.setAttribute('dir', 'auto');
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(base(el)?.getAttribute('dir')).to.equal('rtl');
  });

  it('renders two widgets in different languages side by side', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><bz-hotlines lang="fa"></bz-hotlines><bz-hotlines lang="en"></bz-hotlines></div>`,
    );
    const [fa, en] = [...wrapper.querySelectorAll('bz-hotlines')];
    await fa?.updateComplete;
    await en?.updateComplete;
    expect(fa?.shadowRoot?.querySelector('h2')?.textContent).to.equal('شماره‌های کمک فوری');
    expect(en?.shadowRoot?.querySelector('h2')?.textContent).to.equal('Help lines');
  });

  it('uses the heading level the host asks for, or none', async () => {
    const h3 = await fixture<BzHotlines>(html`<bz-hotlines heading-level="3"></bz-hotlines>`);
    expect(h3.shadowRoot?.querySelector('h3')).to.exist;
    const none = await fixture<BzHotlines>(html`<bz-hotlines heading-level="0"></bz-hotlines>`);
    expect(none.shadowRoot?.querySelector('h1, h2, h3, h4, h5, h6')).to.equal(null);
  });

  it('does not throw when its script is loaded twice', async () => {
    const again = await import(`./hotlines.ts?copy=${Date.now()}`);
    expect(customElements.get('bz-hotlines')).to.not.equal(again.BzHotlines);
  });

  it('keeps its call links at least 24 CSS px for touch (WCAG 2.5.8)', async () => {
    const el = await fixture<BzHotlines>(html`<bz-hotlines></bz-hotlines>`);
    for (const link of links(el)) {
      const box = link.getBoundingClientRect();
      expect(box.width).to.be.at.least(24);
      expect(box.height).to.be.at.least(24);
    }
  });
});
