import createEspeakModule, { type EspeakModule } from 'espeak-ng';

/**
 * Where the compiled espeak-ng WebAssembly module comes from: the module, a
 * promise of it, or a function that produces it (called once per runtime).
 */
export type WasmSource =
  | WebAssembly.Module
  | Promise<WebAssembly.Module>
  | (() => WebAssembly.Module | Promise<WebAssembly.Module>);

/** Counters of one runtime, for metrics and tests. */
export interface EspeakRuntimeStats {
  /** WebAssembly instances created (1 unless one had to be replaced after a failure). */
  instances: number;
  /** Command-line runs completed. */
  runs: number;
}

/** The raw exports of the espeak-ng WebAssembly instance this runtime calls. */
interface RawExports {
  memory: WebAssembly.Memory;
  __main_argc_argv(argc: number, argv: number): number;
  stackSave(): number;
  stackRestore(pointer: number): void;
  stackAlloc(size: number): number;
}

interface LiveInstance {
  module: EspeakModule;
  exports: RawExports;
  /** The linear memory as it was after start-up, before `main` ever ran. */
  pristine: Uint8Array;
  stderr: string[];
}

const INPUT_PATH = '/parley-input.txt';
const OUTPUT_PATH = '/parley-output.wav';
const encoder = new TextEncoder();

/**
 * One espeak-ng WebAssembly instance, reused for every run.
 *
 * The program is a command line: `main` parses its options with `getopt`,
 * whose position is a static variable, and sets up global synthesis state, so
 * calling `main` a second time on a used instance ignores its options. This
 * runtime therefore copies the instance's whole linear memory once, right
 * after start-up, and writes that copy back before each run: every run starts
 * from the exact state of a fresh instance (its output equals a fresh
 * instance's, byte for byte, with `-D`) for the price of a 32 MB memory copy
 * instead of a new instantiation. The stack pointer, the one mutable wasm
 * global that a run leaves changed when it exits early, is restored around each
 * call. A run that traps or aborts throws, and the instance is replaced on the
 * next run.
 *
 * Runs are synchronous: one run blocks the thread for the length of one
 * synthesis (tens of milliseconds for a sentence).
 */
export class EspeakRuntime {
  readonly stats: EspeakRuntimeStats = { instances: 0, runs: 0 };
  #source: WasmSource;
  #compiled: Promise<WebAssembly.Module> | undefined;
  #instance: Promise<LiveInstance> | undefined;

  constructor(source: WasmSource) {
    this.#source = source;
  }

  /** Compiles (if needed) and instantiates, so that the first run starts at once. */
  async ready(): Promise<void> {
    await this.#live();
  }

  /**
   * Runs the espeak-ng command line with `args`, `text` as the input file
   * (`-f`) and a WAV output file (`-w`), and returns the WAV bytes.
   * Throws when the program fails or writes no audio.
   */
  async synthesizeWav(args: readonly string[], text: string): Promise<Uint8Array> {
    const live = await this.#live();
    return this.#runSync(live, [...args, '-w', OUTPUT_PATH, '-f', INPUT_PATH], text);
  }

  #live(): Promise<LiveInstance> {
    if (!this.#instance) {
      const created = this.#create();
      this.#instance = created;
      created.catch(() => {
        if (this.#instance === created) this.#instance = undefined;
      });
    }
    return this.#instance;
  }

  #module(): Promise<WebAssembly.Module> {
    if (!this.#compiled) {
      const source = this.#source;
      const compiled = Promise.resolve(typeof source === 'function' ? source() : source);
      this.#compiled = compiled;
      compiled.catch(() => {
        if (this.#compiled === compiled) this.#compiled = undefined;
      });
    }
    return this.#compiled;
  }

  async #create(): Promise<LiveInstance> {
    const wasmModule = await this.#module();
    const stderr: string[] = [];
    let exports: RawExports | undefined;
    const module = await createEspeakModule({
      noInitialRun: true,
      print: () => {},
      printErr: (line) => {
        if (stderr.length < 20) stderr.push(line);
      },
      // Never touch the host process: report the exit to the caller instead.
      quit: (_status, toThrow) => {
        throw toThrow;
      },
      instantiateWasm: (imports, receive) => {
        WebAssembly.instantiate(wasmModule, imports).then((instance) => {
          exports = instance.exports as unknown as RawExports;
          receive(instance, wasmModule);
        });
        return {};
      },
    });
    if (!exports) throw new Error('espeak-ng: the WebAssembly instance did not start');
    this.stats.instances++;
    const pristine = new Uint8Array(exports.memory.buffer).slice();
    return { module, exports, pristine, stderr };
  }

  #runSync(live: LiveInstance, args: readonly string[], text: string): Uint8Array {
    const { module, exports, pristine, stderr } = live;
    const heap = new Uint8Array(exports.memory.buffer);
    heap.set(pristine);
    if (heap.length > pristine.length) heap.fill(0, pristine.length);
    stderr.length = 0;
    module.FS.writeFile(INPUT_PATH, text);
    const stack = exports.stackSave();
    let status: number;
    try {
      const argv = writeArgv(exports, heap, ['espeak-ng', ...args]);
      status = exports.__main_argc_argv(args.length + 1, argv);
    } catch (error) {
      status = exitStatusOf(error);
      if (Number.isNaN(status)) {
        // A trap or an abort: this instance may be unusable; start a new one next time.
        this.#instance = undefined;
        throw new Error(`espeak-ng failed: ${String(error)}${stderrNote(stderr)}`, { cause: error });
      }
    } finally {
      exports.stackRestore(stack);
    }
    const wav = readAndRemove(module, OUTPUT_PATH);
    if (status !== 0 || !wav) {
      throw new Error(`espeak-ng exited with status ${status}${wav ? '' : ' and wrote no audio'}${stderrNote(stderr)}`);
    }
    this.stats.runs++;
    return wav;
  }
}

/** Writes a C `argv` array (NUL-terminated UTF-8 strings) onto the wasm stack. */
function writeArgv(exports: RawExports, heap: Uint8Array, args: readonly string[]): number {
  const pointers = args.map((arg) => {
    const bytes = encoder.encode(`${arg}\0`);
    const at = exports.stackAlloc(bytes.length);
    heap.set(bytes, at);
    return at;
  });
  const argv = exports.stackAlloc((pointers.length + 1) * 4);
  const view = new DataView(heap.buffer);
  for (const [i, p] of pointers.entries()) view.setUint32(argv + i * 4, p, true);
  view.setUint32(argv + pointers.length * 4, 0, true);
  return argv;
}

/** The status of an Emscripten `ExitStatus` (thrown by `exit()`), else NaN. */
function exitStatusOf(error: unknown): number {
  if (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ExitStatus') {
    const status = (error as { status?: unknown }).status;
    return typeof status === 'number' ? status : 1;
  }
  return Number.NaN;
}

function readAndRemove(module: EspeakModule, path: string): Uint8Array | undefined {
  if (!module.FS.analyzePath(path).exists) return undefined;
  const bytes = module.FS.readFile(path);
  module.FS.unlink(path);
  return bytes.slice();
}

function stderrNote(lines: readonly string[]): string {
  return lines.length ? `: ${lines.join(' | ')}` : '';
}
