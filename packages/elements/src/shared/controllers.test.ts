import { expect, fixture, html as fixtureHtml, oneEvent } from '@open-wc/testing';
import { html } from 'lit';
import { BzElement } from './bz-element.ts';
import { defineElement } from './define.ts';
import { DraftController } from './draft-controller.ts';
import { type Failure, serviceSentence, tryAgainInSentence } from './errors.ts';
import { SendKey } from './form/send-key.ts';
import { OutcomeTask } from './outcome-task.ts';
import { QuickExitController } from './quick-exit-controller.ts';
import { SettledController } from './settled-controller.ts';
import { StoredDraft } from './stored-draft.ts';

// The shared controllers and helpers of shared/, each on a small test element in a real browser.

interface Note {
  text: string;
  savedAt: string;
}
const isNote = (value: unknown): value is Note => typeof (value as Note).text === 'string';
const notes = new StoredDraft<Note>('localStorage', isNote);

class TestHost extends BzElement {
  static override properties = { exitUrl: { attribute: 'exit-url' }, text: { state: true } };
  declare exitUrl: string;
  declare text: string;
  cleared = 0;
  readonly exit = new QuickExitController(this, () => {
    this.cleared++;
    this.text = '';
  });
  readonly draft = new DraftController(this, notes, {
    key: () => `bz-test-note|${this.id}`,
    restoring: () => this.id !== '',
    restore: (note) => {
      this.text = note.text;
      return true;
    },
  });
  readonly settled = new SettledController<number>(this, 30);

  constructor() {
    super();
    this.exitUrl = '';
    this.text = '';
  }

  fire(code: string) {
    return this.emit('bz-test-ping', { code });
  }

  number(value: number) {
    return this.digits(value);
  }

  protected override renderContent() {
    return html`${this.exit.render('quick-exit button', 'quick-exit')}<p>${this.text}</p>`;
  }
}
defineElement('bz-test-host', TestHost);

declare global {
  interface HTMLElementEventMap {
    'bz-test-ping': CustomEvent<{ code: string }>;
  }
}

const shift = () => document.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift' }));

describe('BzElement.emit and digits', () => {
  it('sends a bubbling, composed event with its detail, and reports cancelling', async () => {
    const host = await fixture<TestHost>(fixtureHtml`<bz-test-host></bz-test-host>`);
    const heard = oneEvent(document.body, 'bz-test-ping');
    expect(host.fire('1234')).to.equal(true);
    const event = await heard;
    expect(event.detail).to.deep.equal({ code: '1234' });
    expect(event.composed).to.equal(true);
    expect(event.bubbles).to.equal(true);
  });

  it('writes numbers in the element’s locale', async () => {
    const fa = await fixture<TestHost>(fixtureHtml`<bz-test-host lang="fa"></bz-test-host>`);
    const en = await fixture<TestHost>(fixtureHtml`<bz-test-host lang="en"></bz-test-host>`);
    expect(fa.number(12)).to.equal('۱۲');
    expect(en.number(12)).to.equal('12');
  });
});

describe('QuickExitController', () => {
  it('renders the button with the keyboard hint it is described by', async () => {
    const host = await fixture<TestHost>(fixtureHtml`<bz-test-host lang="en"></bz-test-host>`);
    const button = host.shadowRoot?.querySelector('button.quick-exit');
    expect(button?.getAttribute('part')).to.equal('quick-exit button');
    const hint = host.shadowRoot?.getElementById(button?.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent?.trim()).to.equal('or press Shift three times');
  });

  it('clears, then asks the page before leaving, on the button and on Shift ×3', async () => {
    const host = await fixture<TestHost>(
      fixtureHtml`<bz-test-host exit-url="/away"></bz-test-host>`,
    );
    host.text = 'secret';
    host.addEventListener('bz-quick-exit', (event) => event.preventDefault());
    const clicked = oneEvent(host, 'bz-quick-exit');
    host.shadowRoot?.querySelector<HTMLButtonElement>('button.quick-exit')?.click();
    expect((await clicked).detail.url).to.equal('/away');
    expect(host.text).to.equal('');
    const keys = oneEvent(host, 'bz-quick-exit');
    shift();
    shift();
    shift();
    await keys;
    expect(host.cleared).to.equal(2);
  });

  it('shows one button per page, clears every widget on leaving, and hands over', async () => {
    const page = await fixture<HTMLDivElement>(
      fixtureHtml`<div><bz-test-host exit-url="/away"></bz-test-host><bz-test-host exit-url="/away"></bz-test-host></div>`,
    );
    const [first, second] = [...page.querySelectorAll<TestHost>('bz-test-host')] as [
      TestHost,
      TestHost,
    ];
    await Promise.all([first.updateComplete, second.updateComplete]);
    const buttons = () =>
      [first, second].map((host) => host.shadowRoot?.querySelectorAll('button.quick-exit').length);
    expect(buttons()).to.deep.equal([1, 0]);

    let exits = 0;
    page.addEventListener('bz-quick-exit', (event) => {
      exits++;
      event.preventDefault();
    });
    first.text = 'one';
    second.text = 'two';
    first.shadowRoot?.querySelector<HTMLButtonElement>('button.quick-exit')?.click();
    expect([first.text, second.text]).to.deep.equal(['', '']);
    // Three presses leave once, not once per widget.
    shift();
    shift();
    shift();
    expect(exits).to.equal(2);
    expect([first.cleared, second.cleared]).to.deep.equal([2, 2]);

    // The first leaves the page: the second shows the button and hears the keys.
    first.remove();
    await second.updateComplete;
    expect(second.shadowRoot?.querySelectorAll('button.quick-exit').length).to.equal(1);
    shift();
    shift();
    shift();
    expect(second.cleared).to.equal(3);
    expect(first.cleared).to.equal(2);
  });

  it('stops listening when the element leaves the page', async () => {
    const host = await fixture<TestHost>(fixtureHtml`<bz-test-host></bz-test-host>`);
    host.remove();
    shift();
    shift();
    shift();
    expect(host.cleared).to.equal(0);
  });
});

describe('StoredDraft and DraftController', () => {
  afterEach(() => localStorage.clear());

  it('keeps, reads back and forgets a value; drops a damaged one', () => {
    expect(notes.write('k', { text: 'hi', savedAt: 'x' })).to.equal(true);
    expect(notes.read('k')).to.deep.equal({ text: 'hi', savedAt: 'x' });
    localStorage.setItem('k', '{not json');
    expect(notes.read('k')).to.equal(undefined);
    expect(localStorage.getItem('k')).to.equal(null);
    localStorage.setItem('k', '{"other":1}');
    expect(notes.read('k')).to.equal(undefined);
  });

  it('restores a kept draft once its key is known, keeps its first date, and forgets it', async () => {
    localStorage.setItem(
      'bz-test-note|a',
      JSON.stringify({ text: 'unsent', savedAt: '2026-12-01T10:00:00.000Z' }),
    );
    const host = await fixture<TestHost>(fixtureHtml`<bz-test-host></bz-test-host>`);
    expect(host.text).to.equal('');
    host.id = 'a';
    host.requestUpdate();
    await host.updateComplete;
    expect(host.text).to.equal('unsent');
    expect(host.draft.kept).to.equal(true);
    expect(host.draft.restoredAt).to.equal('2026-12-01T10:00:00.000Z');
    expect(host.draft.keep({ text: 'edited' })).to.equal(true);
    expect(JSON.parse(localStorage.getItem('bz-test-note|a') ?? '{}')).to.deep.equal({
      text: 'edited',
      savedAt: '2026-12-01T10:00:00.000Z',
    });
    host.draft.forget();
    expect(localStorage.getItem('bz-test-note|a')).to.equal(null);
    expect(host.draft.kept).to.equal(false);
  });
});

describe('SettledController', () => {
  it('takes a value only once it stops changing', async () => {
    const host = await fixture<TestHost>(fixtureHtml`<bz-test-host></bz-test-host>`);
    host.settled.set(1);
    host.settled.set(2);
    expect(host.settled.value).to.equal(undefined);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(host.settled.value).to.equal(2);
    host.settled.reset();
    expect(host.settled.value).to.equal(undefined);
  });
});

describe('SendKey', () => {
  it('reuses the key for the same content and makes a new one when it changes', () => {
    const key = new SendKey();
    const first = key.for({ message: 'a' });
    expect(first).to.match(/^[A-Za-z0-9-]{16,128}$/);
    expect(key.for({ message: 'a' })).to.equal(first);
    expect(key.for({ message: 'b' })).not.to.equal(first);
  });
});

describe('error model', () => {
  const failure: Failure = {
    kind: 'service',
    status: 422,
    code: 'INVALID_FIELDS',
    message: { fa: 'درست کنید', en: 'Fix it' },
    fields: [],
  };

  it('takes the service’s sentence in the widget’s locale', () => {
    expect(serviceSentence(failure, 'en')).to.equal('Fix it');
    expect(serviceSentence({ kind: 'network' }, 'fa')).to.equal(undefined);
  });

  it('says in how many minutes to try again', () => {
    const digits = (n: number) => String(n);
    expect(tryAgainInSentence(30, digits)).to.contain('یک دقیقهٔ دیگر');
    expect(tryAgainInSentence(121, digits)).to.contain('3 دقیقهٔ دیگر');
  });
});

describe('OutcomeTask (@lit/task)', () => {
  it('hands over the value, reports a typed failure, and lets a newer run win', async () => {
    const host = await fixture<TestHost>(fixtureHtml`<bz-test-host></bz-test-host>`);
    const seen: string[] = [];
    const answers = new Map<string, () => Promise<void>>();
    const task = new OutcomeTask<[string], string>(
      host,
      async ([what], signal) => {
        await new Promise<void>((resolve) => answers.set(what, async () => resolve()));
        if (signal.aborted) return { ok: true, value: `stale ${what}` };
        return what === 'bad'
          ? { ok: false, failure: { kind: 'network' } }
          : { ok: true, value: `loaded ${what}` };
      },
      (value) => seen.push(value),
    );
    const first = task.run(['a']);
    expect(task.pending).to.equal(true);
    await answers.get('a')?.();
    await first;
    expect(seen).to.deep.equal(['loaded a']);
    expect(task.failure).to.equal(undefined);

    const older = task.run(['old']);
    const newer = task.run(['new']);
    await answers.get('new')?.();
    await answers.get('old')?.();
    await Promise.all([older, newer]);
    expect(seen).to.deep.equal(['loaded a', 'loaded new']);

    const failed = task.run(['bad']);
    await answers.get('bad')?.();
    await failed;
    expect(task.failure).to.deep.equal({ kind: 'network' });
  });
});
