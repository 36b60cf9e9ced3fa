/// <reference types="node" />
/**
 * The only Node-specific module of this package: it finds `espeak-ng.wasm`
 * next to the `espeak-ng` package's JavaScript (through Node's own module
 * resolution), reads it and compiles it once per process.
 *
 * A browser build supplies the compiled module itself instead, through the
 * synthesizer's `wasm` option (for example
 * `() => WebAssembly.compileStreaming(fetch(wasmUrl))`), and never calls this.
 * The Node built-ins are imported lazily so that importing the package does
 * not pull them in.
 */

let compiled: Promise<WebAssembly.Module> | undefined;

/** Absolute path of the `espeak-ng.wasm` the installed `espeak-ng` package ships. */
export async function espeakWasmPath(): Promise<string> {
  const { createRequire } = await import('node:module');
  const { dirname, join } = await import('node:path');
  const require = createRequire(import.meta.url);
  const entry = require.resolve('espeak-ng');
  return join(dirname(entry), 'espeak-ng.wasm');
}

/**
 * The compiled espeak-ng WebAssembly module, compiled on the first call and
 * shared by every later call in this process. A failed load is not cached, so
 * a later call tries again.
 */
export function loadEspeakWasm(): Promise<WebAssembly.Module> {
  if (!compiled) {
    compiled = (async () => {
      const { readFile } = await import('node:fs/promises');
      const bytes = await readFile(await espeakWasmPath());
      return WebAssembly.compile(bytes);
    })();
    compiled.catch(() => {
      compiled = undefined;
    });
  }
  return compiled;
}
