// `node scripts/manifest-outputs.mjs` (run by `node --run build`, after the analyzer): everything
// derived from the custom elements manifest, so that no list of attributes, events or parts is
// kept by hand in a second place:
// - README.md, between the `api` markers: per element, its attributes, properties, events, parts
//   and CSS custom properties as tables (what npm shows on the package's page);
// - dist/web-types.json: JetBrains IDEs (WebStorm…) complete tags, attributes and events from it
//   (found through the `web-types` field of package.json);
// - dist/vscode.html-custom-data.json and dist/vscode.css-custom-data.json: VS Code's custom data
//   for HTML (tags and attributes) and CSS (our custom properties and parts), listed in a
//   project's `html.customData` / `css.customData` settings (see the README).
// `--check` writes nothing and exits 1 when the README's tables differ from the manifest.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * @typedef {{ name: string, description?: string, default?: string, type?: { text: string }, fieldName?: string }} Attribute
 * @typedef {{ kind: string, name: string, description?: string, default?: string, type?: { text: string }, privacy?: string, static?: boolean, readonly?: boolean, attribute?: string }} Member
 * @typedef {{ name: string, description?: string, default?: string }} Named
 * @typedef {{ name: string, tagName: string, description?: string, attributes?: Attribute[], members?: Member[], events?: Named[], cssParts?: Named[], cssProperties?: Named[], slots?: Named[] }} Element
 */

/**
 * Every element of a manifest with its folder name (`bz-service-locator` → `service-locator`),
 * sorted by tag.
 * @param {any} manifest
 * @returns {Element[]}
 */
export function elementsOf(manifest) {
  return manifest.modules
    .flatMap((/** @type {any} */ module) => module.declarations ?? [])
    .filter((/** @type {any} */ declaration) => declaration.tagName)
    .sort((/** @type {Element} */ a, /** @type {Element} */ b) =>
      a.tagName.localeCompare(b.tagName),
    );
}

/** Public instance fields and methods: what a script may set or call. @param {Element} element */
const publicMembers = (element) =>
  (element.members ?? []).filter(
    (member) =>
      !member.static &&
      member.privacy !== 'private' &&
      member.privacy !== 'protected' &&
      !member.name.startsWith('#') &&
      (member.kind === 'field' || member.kind === 'method'),
  );

/** One Markdown table cell: no line breaks, pipes escaped. @param {string | undefined} text */
const cell = (text) =>
  (text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();

/** @param {string | undefined} text */
const code = (text) => (text ? `\`${cell(text).replace(/`/g, "'")}\`` : '');

/**
 * A Markdown table, or nothing when there are no rows.
 * @param {string} title
 * @param {string[]} head
 * @param {string[][]} rows
 */
function table(title, head, rows) {
  if (rows.length === 0) return [];
  return [
    `**${title}**`,
    '',
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
  ];
}

/**
 * The README's generated section: one heading per element, then its tables.
 * @param {any} manifest
 */
export function readmeApi(manifest) {
  const lines = [];
  for (const element of elementsOf(manifest)) {
    const name = element.tagName.replace(/^bz-/, '');
    lines.push(`### \`<${element.tagName}>\``, '');
    if (element.description) lines.push(cell(element.description), '');
    lines.push(
      `Script: \`dist/${element.tagName}.js\` · module: \`@behzisti/elements/${name}\` · class: \`${element.name}\``,
      '',
    );
    lines.push(
      ...table(
        'Attributes',
        ['Attribute', 'Property', 'Type', 'Default', 'Description'],
        (element.attributes ?? []).map((a) => [
          code(a.name),
          code(a.fieldName),
          code(a.type?.text),
          code(a.default),
          cell(a.description),
        ]),
      ),
      ...table(
        'Properties and methods',
        ['Name', 'Kind', 'Type', 'Default', 'Description'],
        publicMembers(element).map((m) => [
          code(m.name),
          m.kind === 'method' ? 'method' : m.readonly ? 'read-only property' : 'property',
          code(m.type?.text),
          code(m.default),
          cell(m.description),
        ]),
      ),
      ...table(
        'Events',
        ['Event', 'Description'],
        (element.events ?? []).map((e) => [code(e.name), cell(e.description)]),
      ),
      ...table(
        'CSS parts',
        ['Part', 'Description'],
        (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]),
      ),
      ...table(
        'CSS custom properties',
        ['Property', 'Default', 'Description'],
        (element.cssProperties ?? []).map((p) => [
          code(p.name),
          code(p.default),
          cell(p.description),
        ]),
      ),
    );
  }
  return lines.join('\n').trim();
}

export const apiStart =
  '<!-- api:start (generated from custom-elements.json by scripts/manifest-outputs.mjs; do not edit) -->';
export const apiEnd = '<!-- api:end -->';

/**
 * The README with its generated section replaced.
 * @param {string} readme
 * @param {any} manifest
 */
export function withApi(readme, manifest) {
  const start = readme.indexOf(apiStart);
  const end = readme.indexOf(apiEnd);
  if (start < 0 || end < start)
    throw new Error(`README.md lacks the ${apiStart} … ${apiEnd} markers`);
  return `${readme.slice(0, start + apiStart.length)}\n\n${readmeApi(manifest)}\n\n${readme.slice(end)}`;
}

/** `'fa' | 'en'` → ['fa', 'en']; undefined when the type is not a union of string literals. @param {string | undefined} type */
function literals(type) {
  const parts = (type ?? '').split('|').map((part) => part.trim());
  if (parts.length < 2 || !parts.every((part) => /^(['"]).*\1$|^undefined$/.test(part))) {
    return undefined;
  }
  return parts.filter((part) => part !== 'undefined').map((part) => part.slice(1, -1));
}

/**
 * JetBrains web-types (https://github.com/JetBrains/web-types) for every element.
 * @param {any} manifest
 * @param {{ name: string, version: string }} pkg
 */
export function webTypes(manifest, pkg) {
  return {
    $schema: 'https://json.schemastore.org/web-types',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    contributions: {
      html: {
        elements: elementsOf(manifest).map((element) => ({
          name: element.tagName,
          description: element.description ?? '',
          // The value's type is the TypeScript type (`'fa' | 'en'` completes as its two values).
          attributes: (element.attributes ?? []).map((a) => ({
            name: a.name,
            description: a.description ?? '',
            value: {
              type: a.type?.text ?? 'string',
              ...(a.default ? { default: a.default } : {}),
            },
          })),
          js: {
            properties: publicMembers(element)
              .filter((m) => m.kind === 'field')
              .map((m) => ({
                name: m.name,
                description: m.description ?? '',
                ...(m.type ? { type: m.type.text } : {}),
                ...(m.readonly ? { 'read-only': true } : {}),
              })),
            events: (element.events ?? []).map((e) => ({
              name: e.name,
              description: e.description ?? '',
            })),
          },
          css: {
            properties: (element.cssProperties ?? []).map((p) => ({
              name: p.name,
              description: p.description ?? '',
            })),
            parts: (element.cssParts ?? []).map((p) => ({
              name: p.name,
              description: p.description ?? '',
            })),
          },
        })),
      },
    },
  };
}

/** @param {string | undefined} text */
const markdown = (text) => ({ kind: 'markdown', value: text ?? '' });

/**
 * VS Code custom data for HTML (https://github.com/microsoft/vscode-custom-data).
 * @param {any} manifest
 */
export function vscodeHtml(manifest) {
  return {
    version: 1.1,
    tags: elementsOf(manifest).map((element) => ({
      name: element.tagName,
      description: markdown(element.description),
      attributes: (element.attributes ?? []).map((a) => {
        const values = literals(a.type?.text);
        return {
          name: a.name,
          description: markdown(
            [a.description, a.type ? `Type: \`${a.type.text}\`` : ''].filter(Boolean).join('\n\n'),
          ),
          ...(values ? { values: values.map((name) => ({ name })) } : {}),
        };
      }),
    })),
  };
}

/**
 * VS Code custom data for CSS: every element's custom properties (once each) and parts.
 * @param {any} manifest
 */
export function vscodeCss(manifest) {
  /** @type {Map<string, string[]>} */
  const properties = new Map();
  /** @type {Map<string, string[]>} */
  const parts = new Map();
  for (const element of elementsOf(manifest)) {
    for (const p of element.cssProperties ?? []) {
      properties.set(p.name, [
        ...(properties.get(p.name) ?? []),
        `\`<${element.tagName}>\`: ${p.description ?? ''}`,
      ]);
    }
    for (const p of element.cssParts ?? []) {
      parts.set(p.name, [
        ...(parts.get(p.name) ?? []),
        `\`<${element.tagName}>\`: ${p.description ?? ''}`,
      ]);
    }
  }
  return {
    version: 1.1,
    properties: [...properties].map(([name, notes]) => ({
      name,
      description: markdown(notes.join('\n\n')),
    })),
    pseudoElements: [...parts].map(([name, notes]) => ({
      name: `::part(${name})`,
      description: markdown(notes.join('\n\n')),
    })),
  };
}

/** @param {unknown} value */
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = JSON.parse(readFileSync(`${packageDir}/custom-elements.json`, 'utf8'));
  const pkg = JSON.parse(readFileSync(`${packageDir}/package.json`, 'utf8'));
  const readmePath = `${packageDir}/README.md`;
  const readme = readFileSync(readmePath, 'utf8');
  const updated = withApi(readme, manifest);
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error(
        'packages/elements/README.md: the element tables differ from the manifest; run `node --run build` in packages/elements and commit README.md.',
      );
      process.exitCode = 1;
    }
  } else {
    if (updated !== readme) {
      writeFileSync(readmePath, updated);
      console.log('README.md  element tables updated from the manifest (commit it)');
    }
    writeFileSync(`${packageDir}/dist/web-types.json`, json(webTypes(manifest, pkg)));
    writeFileSync(`${packageDir}/dist/vscode.html-custom-data.json`, json(vscodeHtml(manifest)));
    writeFileSync(`${packageDir}/dist/vscode.css-custom-data.json`, json(vscodeCss(manifest)));
    console.log('dist/web-types.json, dist/vscode.{html,css}-custom-data.json  from the manifest');
  }
}
