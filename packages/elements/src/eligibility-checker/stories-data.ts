// Data for the stories (Storybook only; not part of the widget).

declare global {
  // Vite's import.meta.glob, typed locally as in .storybook/preview.ts.
  interface ImportMeta {
    glob<T>(pattern: string, options: { eager: true; import: 'default' }): Record<string, T>;
  }
}

/** The sample programmes (test-fixtures/programmes.json, written by publish-programmes --fixture). */
export const sampleRules: unknown = Object.values(
  import.meta.glob<unknown>('../../test-fixtures/programmes.json', {
    eager: true,
    import: 'default',
  }),
)[0];
