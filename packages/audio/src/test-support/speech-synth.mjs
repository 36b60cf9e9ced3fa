// Real synthetic speech for tests and benchmarks: espeak-ng compiled to WASM
// (the `espeak-ng` devDependency, GPL, never shipped), offline and
// deterministic. Each call instantiates the module (~0.1-0.2 s), so results
// are cached in memory for the life of the process and calls are serialized
// to bound memory. Output is bit-exact run to run, except for the variants
// that add random breath noise (f2, f3, f5): avoid those in fixtures.
import ESpeakNg from 'espeak-ng';
import { resampleOffline } from './sinc-resample.mjs';
import { readWavPcm16 } from './wav-reader.mjs';

/** The rate espeak-ng synthesizes at. */
export const ESPEAK_RATE = 22050;

const nativeCache = new Map();
const resampledCache = new Map();
let queue = Promise.resolve();

async function runEspeak(args) {
  const espeak = await ESpeakNg({ arguments: args, print() {}, printErr() {} });
  return readWavPcm16(espeak.FS.readFile('out.wav'));
}

function synthesizeNative(text, voice, wordsPerMinute, pitch) {
  const key = JSON.stringify([text, voice, wordsPerMinute, pitch]);
  let pending = nativeCache.get(key);
  if (!pending) {
    const args = ['-v', voice, '-w', 'out.wav'];
    if (wordsPerMinute !== undefined) args.push('-s', String(wordsPerMinute));
    if (pitch !== undefined) args.push('-p', String(pitch));
    args.push(text);
    pending = queue.then(() => runEspeak(args));
    queue = pending.then(
      () => undefined,
      () => undefined,
    );
    nativeCache.set(key, pending);
  }
  return pending;
}

/**
 * Leading and trailing stretches quieter than `floorDb` below the loudest
 * 5 ms window are cut, so a phrase starts and ends with speech and the pauses
 * a corpus inserts between phrases are exactly the pauses heard.
 */
export function trimSilence(samples, sampleRate, floorDb = -55) {
  const win = Math.max(1, Math.round(sampleRate * 0.005));
  const count = Math.floor(samples.length / win);
  const power = new Float64Array(count);
  let peak = 0;
  for (let w = 0; w < count; w++) {
    let acc = 0;
    for (let i = w * win; i < (w + 1) * win; i++) acc += samples[i] * samples[i];
    power[w] = acc / win;
    if (power[w] > peak) peak = power[w];
  }
  const gate = peak * 10 ** (floorDb / 10);
  let first = 0;
  while (first < count && power[first] < gate) first++;
  let last = count - 1;
  while (last >= first && power[last] < gate) last--;
  if (last < first) return samples.slice(0, 0);
  return samples.slice(first * win, (last + 1) * win);
}

/**
 * Speaks `text` with an espeak-ng voice (`en-us`, `en`, `cmn`, variants such
 * as `en-us+f3`), returning mono float samples at `sampleRate` (default
 * 16000), band-limited resampled from 22050 Hz, edges trimmed unless
 * `trim: false`.
 */
export async function synthesizeSpeech(text, options = {}) {
  const { voice = 'en-us', wordsPerMinute, pitch, sampleRate = 16000, trim = true } = options;
  const key = JSON.stringify([text, voice, wordsPerMinute, pitch, sampleRate, trim]);
  let pending = resampledCache.get(key);
  if (!pending) {
    pending = synthesizeNative(text, voice, wordsPerMinute, pitch).then((native) => {
      let samples = resampleOffline(native.samples, native.sampleRate, sampleRate);
      if (trim) samples = trimSilence(samples, sampleRate);
      return { samples, sampleRate };
    });
    resampledCache.set(key, pending);
  }
  const result = await pending;
  return { samples: result.samples.slice(), sampleRate: result.sampleRate };
}
