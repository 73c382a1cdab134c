import { expect } from '@open-wc/testing';
import { addOn, lendLit } from './add-on.ts';

describe('addOn', () => {
  it('loads once for every caller, and keeps the module', async () => {
    let loads = 0;
    const part = addOn(async () => {
      loads++;
      return { answer: 42 };
    });
    expect(part.module).to.equal(undefined);
    const [first, second] = await Promise.all([part.load(), part.load()]);
    expect(first).to.equal(second);
    expect(part.module).to.equal(first);
    await part.load();
    expect(loads).to.equal(1);
  });

  it('forgets a failed load, so the next call asks again', async () => {
    let loads = 0;
    const part = addOn(async () => {
      loads++;
      if (loads === 1) throw new Error('offline');
      return 'in';
    });
    let failed = false;
    await part.load().catch(() => {
      failed = true;
    });
    expect(failed).to.equal(true);
    expect(part.module).to.equal(undefined);
    expect(await part.load()).to.equal('in');
    expect(part.module).to.equal('in');
  });
});

describe('lendLit', () => {
  it('lends Lit and the translation functions under the widget’s own global, once', () => {
    const key = Symbol.for('bz-test-widget.lit');
    const global = globalThis as Record<symbol, unknown>;
    lendLit('bz-test-widget');
    const lent = global[key] as { html: unknown; msg: (text: string) => string; str: unknown };
    expect(typeof lent.html).to.equal('function');
    expect(typeof lent.str).to.equal('function');
    // Called through: the source locale's text comes back as it is.
    expect(lent.msg('سلام')).to.equal('سلام');
    lendLit('bz-test-widget');
    expect(global[key]).to.equal(lent);
    delete global[key];
  });
});
