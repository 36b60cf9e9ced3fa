// PCM16 conversions and base64, on the same ~10 MB of speech-like PCM16.
// Throughput is in MB/s of raw PCM bytes (10^6 bytes per second) in both
// directions, so encode and decode rows compare directly. Each figure is
// the median of several timed runs after warm-up runs.
import * as audio from '../dist/index.js';
import { detectNativeBase64 } from '../dist/format/base64-native.js';
import { decodeBase64Pure, encodeBase64Pure } from '../dist/format/base64-pure.js';

const SAMPLES = 5 * 1024 * 1024; // 10 MiB of PCM16
const WARMUP = 3;
const RUNS = 11;

/** Deterministic speech-like test signal: voiced harmonics under a syllable envelope, plus noise. */
function speechLike(n, rate = 24000) {
  const out = new Float32Array(n);
  let seed = 12345;
  for (let i = 0; i < n; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const t = i / rate;
    const pitch = 120 + 30 * Math.sin(2 * Math.PI * 0.7 * t);
    const envelope = Math.max(0, Math.sin(2 * Math.PI * 3 * t)) ** 2;
    const voiced = 0.5 * Math.sin(2 * Math.PI * pitch * t) + 0.2 * Math.sin(4 * Math.PI * pitch * t);
    out[i] = 0.6 * envelope * voiced + 0.02 * (seed / 2 ** 32 - 0.5);
  }
  return out;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/**
 * MB/s for each of `fns` (nulls skipped), counting `bytes` of PCM per call.
 * The candidates take turns run by run, so a burst of load from elsewhere on
 * the machine hits all of them alike rather than whichever ran at the time.
 */
function measureRow(fns, bytes) {
  const live = fns.filter(Boolean);
  for (let i = 0; i < WARMUP; i++) for (const fn of live) fn();
  const times = live.map(() => []);
  for (let r = 0; r < RUNS; r++) {
    live.forEach((fn, k) => {
      globalThis.gc?.();
      const start = performance.now();
      fn();
      times[k].push(performance.now() - start);
    });
  }
  const rates = times.map((t) => bytes / 1e6 / (median(t) / 1000));
  return fns.map((fn) => (fn ? rates.shift() : null));
}

function sameBytes(a, b) {
  return a.length === b.length && Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.length), Buffer.from(b.buffer, b.byteOffset, b.length)) === 0;
}

function check(condition, what) {
  if (!condition) throw new Error(`format bench: ${what} gave a wrong result; figures would be meaningless`);
}

export async function run() {
  const floats = speechLike(SAMPLES);
  const pcm = audio.floatToPcm16(floats);
  const bytes = audio.pcm16ToBytes(pcm);
  const pcmBytes = bytes.byteLength;
  const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

  check(sameBytes(audio.base64ToBytes(base64), bytes) && sameBytes(decodeBase64Pure(base64), bytes), 'base64 decode');
  check(audio.bytesToBase64(bytes) === base64 && encodeBase64Pure(bytes) === base64, 'base64 encode');
  check(sameBytes(audio.pcm16ToBytes(audio.pcm16FromBytes(bytes)), bytes), 'pcm16 bytes round trip');

  const wav = audio.encodeWav(pcm, { sampleRate: 24000 });
  check(audio.decodeWav(wav).channelData[0].length === SAMPLES, 'WAV round trip');

  const odd = new Uint8Array(pcmBytes + 1).subarray(1);
  odd.set(bytes);

  const rows = [
    // [operation, auto, pure, baseline, baseline label]
    ['pcm16FromBytes', () => audio.pcm16FromBytes(bytes), null, () => bytes.slice(), 'copy'],
    ['pcm16FromBytes (odd byteOffset)', () => audio.pcm16FromBytes(odd), null, () => odd.slice(), 'copy'],
    ['pcm16ToBytes', () => audio.pcm16ToBytes(pcm), null, () => pcm.slice(), 'copy'],
    ['floatToPcm16', () => audio.floatToPcm16(floats), null, null, ''],
    ['pcm16ToFloat', () => audio.pcm16ToFloat(pcm), null, null, ''],
    ['encodeWav (PCM16 mono)', () => audio.encodeWav(pcm, { sampleRate: 24000 }), null, null, ''],
    ['decodeWav (PCM16 mono)', () => audio.decodeWav(wav), null, null, ''],
    [
      'bytesToBase64',
      () => audio.bytesToBase64(bytes),
      () => encodeBase64Pure(bytes),
      () => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
      'Buffer',
    ],
    [
      'base64ToBytes',
      () => audio.base64ToBytes(base64),
      () => decodeBase64Pure(base64),
      () => Buffer.from(base64, 'base64'),
      'Buffer',
    ],
  ];

  const fmt = (v) => (v === null ? '—' : v.toFixed(0));
  const ratio = (a, b) => (a === null || b === null ? '—' : `${(a / b).toFixed(2)}x`);
  const native = detectNativeBase64() ? 'Uint8Array.fromBase64/toBase64' : 'pure TS (no native codec on this runtime)';
  console.log(`${(pcmBytes / 1e6).toFixed(1)} MB of PCM16 (${SAMPLES} samples); base64 text ${(base64.length / 1e6).toFixed(1)} MB.`);
  console.log(`Auto base64 path on ${process.version}: ${native}. MB/s counts PCM bytes, median of ${RUNS} runs.\n`);
  console.log('| operation | auto MB/s | pure TS MB/s | baseline MB/s | baseline | auto / baseline | pure / baseline |');
  console.log('|---|---:|---:|---:|---|---:|---:|');
  for (const [name, auto, pure, base, label] of rows) {
    const [a, p, b] = measureRow([auto, pure, base], pcmBytes);
    console.log(`| ${name} | ${fmt(a)} | ${fmt(p)} | ${fmt(b)} | ${label || '—'} | ${ratio(a, b)} | ${ratio(p, b)} |`);
  }
  console.log('\n"copy" is a plain typed-array copy of the same bytes: the floor for any conversion that allocates its result.');
}
