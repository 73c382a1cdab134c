// The one Vite feature preview.ts uses, typed here because `vite` is not a direct dependency.
interface ImportMeta {
  glob<T>(pattern: string, options: { eager: true; import: 'default' }): Record<string, T>;
}
