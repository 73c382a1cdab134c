// Leaflet's ES module build, typed by @types/leaflet (the package's `main` is a UMD file that a
// browser cannot import as a module).
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
