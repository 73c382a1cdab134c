// Custom elements manifest (custom-elements.json): the machine-readable list of every element's
// attributes, properties, events, parts and CSS custom properties, read by Storybook and editors.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/generated/**'],
  litelement: true,
  outdir: '.',
};
