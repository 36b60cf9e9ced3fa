/**
 * The real espeak-ng synthesizer for engine tests, one per test process.
 *
 * `@parley/engine-espeak` depends on this package, so it cannot be a dev
 * dependency here (the package graph would have a cycle). Its built output is
 * imported by path instead, and turbo.json makes `@parley/runtime#test` wait
 * for `@parley/engine-espeak#build`. Errors it throws are the runtime dist's
 * `RuntimeError`, not this source tree's class: tests check `code`/`param`.
 */
import { createEspeakSynthesizer } from '../../../../engine-espeak/dist/index.js';
import type { Synthesizer } from '../../engine/synthesizer.js';

let shared: (Synthesizer & { ready(): Promise<void> }) | undefined;

export function espeak(): Synthesizer & { ready(): Promise<void> } {
  shared ??= createEspeakSynthesizer();
  return shared;
}
