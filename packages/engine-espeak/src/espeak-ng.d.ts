/**
 * Types for the parts of the `espeak-ng` npm package (an Emscripten
 * MODULARIZE + EXPORT_ES6 build of the espeak-ng command line) that this
 * package touches. The package ships no typings of its own.
 */
declare module 'espeak-ng' {
  /** The in-memory file system of one instance (Emscripten MEMFS). */
  export interface EspeakFs {
    readFile(path: string): Uint8Array;
    readFile(path: string, opts: { encoding: 'utf8' }): string;
    writeFile(path: string, data: string | Uint8Array): void;
    unlink(path: string): void;
    readdir(path: string): string[];
    analyzePath(path: string): { exists: boolean };
  }

  /** A running instance: its heap views and file system. */
  export interface EspeakModule {
    FS: EspeakFs;
    HEAPU8: Uint8Array;
  }

  /** The options this package passes to the factory. */
  export interface EspeakModuleOptions {
    /** Command-line arguments for the initial run (ignored with `noInitialRun`). */
    arguments?: string[];
    /** Do not run `main` once the runtime is initialised. */
    noInitialRun?: boolean;
    /** Receives each line written to stdout. */
    print?: (line: string) => void;
    /** Receives each line written to stderr. */
    printErr?: (line: string) => void;
    /** Called instead of ending the host process when the program exits. */
    quit?: (status: number, toThrow: unknown) => void;
    /**
     * Instantiates the WebAssembly module; must call `receive` with the
     * instance and return `{}` when it does so asynchronously.
     */
    instantiateWasm?: (
      imports: WebAssembly.Imports,
      receive: (instance: WebAssembly.Instance, module?: WebAssembly.Module) => void,
    ) => Record<string, never> | WebAssembly.Exports;
  }

  const createEspeakModule: (options?: EspeakModuleOptions) => Promise<EspeakModule>;
  export default createEspeakModule;
}
