/// <reference types="@webgpu/types" />

/*
 * Ambient types for code that runs under a bundler. Vite's own `vite/client` types are not a
 * dependency of this package, so the one import form the engine uses is declared here.
 */

/** A bundled asset's URL (Vite's `?url` suffix), e.g. a .wasm file served next to the page. */
declare module "*?url" {
  const url: string;
  export default url;
}
