import { describe, expect, it } from 'vitest';
import { addons, bundleFiles, widgets } from '../scripts/bundle.mjs';

// Add-ons built apart from their widget script that borrow its Lit and translations
// (scripts/bundle.mjs, borrowLit; shared/add-on.ts): the locator's answer, the checker's steps, the
// feedback form's answer and the comments' list.
const cases = [
  {
    tag: 'bz-service-locator',
    addon: 'bz-service-locator-answer',
    // How the widget script lends: its own global, spelled out.
    lends: /bz-service-locator\.lit/,
    // The results' and the opening hours' sentences (in the add-on), and the widget's own.
    sentences: [
      'Open day and night',
      'nationwide lines (not these bases’ own numbers)',
      'Use my location',
    ],
  },
  {
    tag: 'bz-eligibility-checker',
    addon: 'bz-eligibility-checker-steps',
    // Through shared/add-on.ts's lendLit(tag).
    lends: /Symbol\.for\(`\$\{\w+\}\.lit`\)/,
    // The results' and an answer problem's sentences (in the add-on), and the widget's own.
    sentences: ['Print the results', 'This is not a number', 'Continue'],
  },
  {
    tag: 'bz-feedback-form',
    addon: 'bz-feedback-form-answer',
    lends: /Symbol\.for\(`\$\{\w+\}\.lit`\)/,
    // The confirmation's and a status's sentences (in the add-on), and the widget's own.
    sentences: ['Copy the code', 'There is no reply yet.', 'Check the status'],
  },
  {
    tag: 'bz-comments',
    addon: 'bz-comments-list',
    lends: /Symbol\.for\(`\$\{\w+\}\.lit`\)/,
    // The list's and a reply's sentences (in the add-on), and the widget's own.
    sentences: ['Reply from the public relations office', 'Cancel reply', 'Send again'],
  },
];

describe.each(cases)('the $addon add-on', ({ tag, addon: name, lends, sentences }) => {
  const text = (code: Uint8Array | undefined) => new TextDecoder().decode(code ?? new Uint8Array());
  const addon = addons.find((entry) => entry.file === `${name}.js`);
  const widget = widgets().find((entry) => entry.tag === tag);

  it('carries no Lit of its own and no translations file, only what it borrows', async () => {
    const [script] = await bundleFiles(addon?.entry ?? '', {
      name,
      exportAll: true,
      borrowLit: true,
    });
    const code = text(script?.code);
    expect(code).toContain(`Symbol.for("${tag}.lit")`);
    // Lit's renderer and reactive element are not in it (a second copy would be about 6 kB).
    expect(code).not.toContain('_$litPart$');
    expect(code).not.toContain('attributeChangedCallback');
    expect(code).not.toMatch(new RegExp(`import\\("\\./${name}\\.en\\.`));
    // The widget script loads it by its sibling name and lends what it borrows.
    const [main] = await bundleFiles(widget?.entry ?? '', { name: tag });
    expect(text(main?.code)).toContain(`import("./${name}.js")`);
    expect(text(main?.code)).toMatch(lends);
  }, 60_000);

  // Each script shortens internal names (bundle.mjs, internalNames); an add-on's exports keep
  // theirs, so a shortened read of one would find nothing (the checker's problem sentences were
  // empty so). Every export the widget script reads must be there under the name it reads.
  it('is read by the widget script only under names it exports', async () => {
    const [script] = await bundleFiles(addon?.entry ?? '', {
      name,
      exportAll: true,
      borrowLit: true,
    });
    const exported = new Set(
      [...text(script?.code).matchAll(/export\{([^}]*)\}/g)].flatMap(([, list]) =>
        (list ?? '').split(',').map((part) => part.split(' as ').pop()?.trim()),
      ),
    );
    const [main] = await bundleFiles(widget?.entry ?? '', { name: tag });
    const read = [...text(main?.code).matchAll(/\.module\??\.([A-Za-z_$][\w$]*)/g)].map(
      ([, member]) => member,
    );
    // The checker and the feedback form read theirs through shared/add-on.ts (`module`); the
    // locator keeps its answer module in a variable of its own.
    if (tag !== 'bz-service-locator') expect(read.length).toBeGreaterThan(0);
    for (const member of read) expect(exported, member).toContain(member);
  }, 60_000);

  it("puts the add-on's English sentences into the widget's English file", async () => {
    const [, english] = await bundleFiles(widget?.entry ?? '', { name: tag });
    for (const sentence of sentences) expect(text(english?.code)).toContain(sentence);
  }, 60_000);
});
