// Custom elements manifest (custom-elements.json): the machine-readable list of every element's
// attributes, properties, events, parts and CSS custom properties, read by Storybook and editors.

/**
 * The analyzer lists every entry of Lit's `static properties` as an attribute, including internal
 * reactive state (`{ state: true }`, declared `private`), and names the parameter of a generic
 * `emit(type, detail)` helper as an event called `type`. Neither is public API: an embedder
 * reading the manifest (or Storybook's docs built from it) must see only what they can use.
 * @type {import('@custom-elements-manifest/analyzer').Plugin}
 */
const publicApiOnly = {
  name: 'public-api-only',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules ?? []) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.kind !== 'class') continue;
        const privateFields = new Set(
          (declaration.members ?? [])
            .filter((member) => member.privacy === 'private' || member.privacy === 'protected')
            .map((member) => member.name),
        );
        if (declaration.attributes) {
          declaration.attributes = declaration.attributes.filter(
            (attribute) => !attribute.fieldName || !privateFields.has(attribute.fieldName),
          );
        }
        if (declaration.events) {
          declaration.events = declaration.events.filter((event) => event.name !== 'type');
        }
      }
    }
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/generated/**'],
  litelement: true,
  outdir: '.',
  // package.json's `customElements` names the published copy (dist/custom-elements.json, with
  // built module paths; scripts/build-esm.mjs): the analyzer must not point it back here.
  packagejson: false,
  plugins: [publicApiOnly],
};
