// The one Vite feature preview.ts uses, typed here because `vite` is not a direct dependency.
declare global {
  interface ImportMeta {
    glob<T>(pattern: string, options: { eager: true; import: 'default' }): Record<string, T>;
  }
}
export {};
