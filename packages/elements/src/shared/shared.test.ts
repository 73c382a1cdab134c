import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { errorSummary, type FieldProblem, focusErrorSummary } from './error-summary.ts';
import { LoadError, loadJson } from './load-json.ts';
import { listenForQuickExitKeys } from './quick-exit.ts';

async function loadError(url: string, timeoutMs?: number): Promise<LoadError> {
  try {
    await loadJson(url, timeoutMs === undefined ? {} : { timeoutMs });
  } catch (error) {
    if (error instanceof LoadError) return error;
    throw error;
  }
  throw new Error('expected a LoadError');
}

describe('loadJson', () => {
  it('returns parsed JSON', async () => {
    expect(await loadJson('/__test__/slow/0')).to.deep.equal({ ok: true });
  });

  it('tells a missing file from a failing server', async () => {
    expect((await loadError('/__test__/status/404')).code).to.equal('not-found');
    const server = await loadError('/__test__/status/503');
    expect(server.code).to.equal('server');
    expect(server.status).to.equal(503);
  });

  it('reports a body that is not JSON', async () => {
    expect((await loadError('/__test__/text')).code).to.equal('not-json');
  });

  it('gives up on a slow answer', async () => {
    expect((await loadError('/__test__/slow/2000', 200)).code).to.equal('timeout');
  });

  it('reports an unreachable server as a network failure', async () => {
    expect((await loadError('http://127.0.0.1:9/data.json')).code).to.equal('network');
  });
});

class SummaryHost extends LitElement {
  static override properties = { problems: { attribute: false } };
  declare problems: FieldProblem[];
  constructor() {
    super();
    this.problems = [];
  }
  protected override render() {
    return html`${errorSummary(this.problems)}<label for="age">Age</label><input id="age" />`;
  }
}
customElements.define('test-summary-host', SummaryHost);

describe('errorSummary', () => {
  it('renders nothing without problems', async () => {
    const host = await fixture<SummaryHost>(fixtureHtml`<test-summary-host></test-summary-host>`);
    expect(host.shadowRoot?.querySelector('.error-summary')).to.equal(null);
  });

  it('links each problem to its field inside the shadow root', async () => {
    const host = await fixture<SummaryHost>(fixtureHtml`<test-summary-host></test-summary-host>`);
    host.problems = [{ fieldId: 'age', message: 'Enter your age in years' }];
    await host.updateComplete;
    focusErrorSummary(host.shadowRoot);
    const summary = host.shadowRoot?.querySelector('.error-summary');
    expect(host.shadowRoot?.activeElement).to.equal(summary);
    expect(summary?.getAttribute('role')).to.equal('alert');
    host.shadowRoot?.querySelector<HTMLAnchorElement>('.error-summary a')?.click();
    expect(host.shadowRoot?.activeElement?.id).to.equal('age');
    expect(location.hash).to.equal('');
  });
});

describe('quick exit keys', () => {
  const shift = () =>
    document.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', bubbles: true }));

  it('fires on three Shift presses and stops when disposed', () => {
    let exits = 0;
    const stop = listenForQuickExitKeys(() => exits++);
    shift();
    shift();
    expect(exits).to.equal(0);
    shift();
    expect(exits).to.equal(1);
    stop();
    shift();
    shift();
    shift();
    expect(exits).to.equal(1);
  });

  it('starts counting again after any other key (typing capitals quickly)', () => {
    let exits = 0;
    const stop = listenForQuickExitKeys(() => exits++);
    for (const key of ['Shift', 'A', 'Shift', 'B', 'Shift', 'C', 'Enter']) {
      document.dispatchEvent(new KeyboardEvent('keyup', { key }));
    }
    stop();
    expect(exits).to.equal(0);
  });
});
