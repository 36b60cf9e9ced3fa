// EnergyVad against WebRTC VAD (libfvad compiled to WASM) on the same audio:
// the espeak speech corpus (English and Mandarin phrases with known pauses,
// see src/test-support/speech-corpus.mjs) mixed with white, pink and babble
// noise at 20, 10 and 5 dB SNR.
//
// Quality: frame-level F1 on a 10 ms grid against the clean track's activity.
// WebRTC VAD is run in every mode (0..3) at every frame size (10/20/30 ms)
// and its best F1 per condition is shown. EnergyVad runs with its defaults.
//
// Speed: x realtime over all nine noisy tracks, PCM16 fed as it arrives from
// a socket (20 ms chunks) for EnergyVad and frame by frame for libfvad (its
// API). Each figure is the median of interleaved timed runs after warm-up.
//
// The corpus comes from the test-support modules (plain .mjs, so the tests
// and this bench share one implementation; they need the espeak-ng and
// @echogarden/fvad-wasm devDependencies, never the published package).
import { EnergyVad } from '../dist/index.js';
import { frameScores, toGrid } from '../src/test-support/frame-metrics.mjs';
import { buildNoisyConditions } from '../src/test-support/noisy-corpus.mjs';
import { bestWebRtcVad, webRtcVadDecisions } from '../src/test-support/webrtc-vad.mjs';

const WARMUP = 2;
const RUNS = 9;
const CHUNK_MS = 20;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

function energyDecisions(samples, sampleRate, options = {}) {
  const decisions = [];
  const vad = new EnergyVad({ sampleRate, ...options, onFrame: (f) => decisions.push(f.speech ? 1 : 0) });
  vad.process(samples);
  return { decisions, frameMs: vad.frameMs };
}

/**
 * One detector per configuration, reset() per track: created afresh for each
 * timed run, the instances of the previous run would die, and V8 drops
 * optimized code tied to dead objects at the full GC taken between runs;
 * a detector serving a stream stays alive and its code stays hot.
 */
function energyRunner(sampleRate, frameMs) {
  const vad = new EnergyVad({ sampleRate, frameMs });
  return (tracks, chunk) => runEnergy(vad, tracks, chunk);
}

function runEnergy(vad, tracks, chunk) {
  let events = 0;
  for (const track of tracks) {
    vad.reset();
    if (!chunk) events += vad.process(track).length;
    else for (let i = 0; i < track.length; i += chunk) events += vad.process(track.subarray(i, i + chunk)).length;
  }
  return events;
}

/** x realtime for each candidate; candidates take turns so load bursts hit all alike. */
async function measure(candidates, audioSeconds) {
  for (let i = 0; i < WARMUP; i++) for (const c of candidates) await c.fn();
  const times = candidates.map(() => []);
  for (let r = 0; r < RUNS; r++) {
    for (let k = 0; k < candidates.length; k++) {
      globalThis.gc?.();
      const start = performance.now();
      await candidates[k].fn();
      times[k].push(performance.now() - start);
    }
  }
  return times.map((t) => audioSeconds / (median(t) / 1000));
}

const f3 = (x) => x.toFixed(3);
const fx = (x) => `${Math.round(x).toLocaleString('en-US')}x`;

export async function run() {
  const { corpus, conditions } = await buildNoisyConditions();
  const { sampleRate, truth } = corpus;
  const seconds = corpus.samples.length / sampleRate;
  console.log(
    `Corpus: ${corpus.segments.length} phrases (English and Mandarin), ${seconds.toFixed(1)} s at ${sampleRate} Hz, ` +
      `${((100 * truth.active.reduce((a, b) => a + b, 0)) / truth.active.length).toFixed(0)}% of 10 ms frames speech.\n`,
  );
  console.log('| noise | SNR | EnergyVad F1 (P / R) | WebRTC VAD best F1 (P / R) | WebRTC best mode, frame | Δ F1 |');
  console.log('|---|---|---|---|---|---|');
  let worst = Number.POSITIVE_INFINITY;
  for (const c of conditions) {
    const ours = energyDecisions(c.pcm16, sampleRate);
    const s = frameScores(truth.active, toGrid(ours.decisions, ours.frameMs, truth.frameMs, truth.active.length));
    const w = await bestWebRtcVad(c.pcm16, sampleRate, truth.active, truth.frameMs);
    const delta = s.f1 - w.scores.f1;
    worst = Math.min(worst, delta);
    console.log(
      `| ${c.noise} | ${c.snrDb} dB | ${f3(s.f1)} (${f3(s.precision)} / ${f3(s.recall)}) | ` +
        `${f3(w.scores.f1)} (${f3(w.scores.precision)} / ${f3(w.scores.recall)}) | ${w.mode}, ${w.frameMs} ms | ` +
        `${delta >= 0 ? '+' : ''}${f3(delta)} |`,
    );
  }
  console.log(`\nSmallest F1 margin over WebRTC VAD's best: ${worst >= 0 ? '+' : ''}${f3(worst)}.`);

  const pcm = conditions.map((c) => c.pcm16);
  const floats = conditions.map((c) => c.samples);
  const audioSeconds = pcm.reduce((a, t) => a + t.length, 0) / sampleRate;
  const chunk = (sampleRate * CHUNK_MS) / 1000;
  const webrtc = (frameMs) => async () => {
    for (const track of pcm) await webRtcVadDecisions(track, sampleRate, { mode: 3, frameMs });
  };
  const e30 = energyRunner(sampleRate, 30);
  const e20 = energyRunner(sampleRate, 20);
  const e10 = energyRunner(sampleRate, 10);
  const e30f = energyRunner(sampleRate, 30);
  const candidates = [
    { name: `EnergyVad, 30 ms frames (default), PCM16 in ${CHUNK_MS} ms chunks`, fn: () => e30(pcm, chunk) },
    { name: `EnergyVad, 20 ms frames, PCM16 in ${CHUNK_MS} ms chunks`, fn: () => e20(pcm, chunk) },
    { name: `EnergyVad, 10 ms frames, PCM16 in ${CHUNK_MS} ms chunks`, fn: () => e10(pcm, chunk) },
    { name: 'EnergyVad, 30 ms frames, Float32, whole tracks', fn: () => e30f(floats, 0) },
    { name: 'WebRTC VAD (fvad-wasm), 30 ms frames', fn: webrtc(30) },
    { name: 'WebRTC VAD (fvad-wasm), 20 ms frames', fn: webrtc(20) },
    { name: 'WebRTC VAD (fvad-wasm), 10 ms frames', fn: webrtc(10) },
  ];
  const rates = await measure(candidates, audioSeconds);
  const fastestWebRtc = Math.max(...rates.slice(4));
  console.log(`\nThroughput on the same ${audioSeconds.toFixed(0)} s of 16 kHz audio (median of ${RUNS} runs):\n`);
  console.log('| detector | x realtime | vs fastest WebRTC VAD |');
  console.log('|---|---|---|');
  candidates.forEach((c, k) => {
    console.log(`| ${c.name} | ${fx(rates[k])} | ${(rates[k] / fastestWebRtc).toFixed(1)}x |`);
  });
  console.log(
    `\nAt equal frame size: 30 ms ${(rates[0] / rates[4]).toFixed(1)}x, 20 ms ${(rates[1] / rates[5]).toFixed(1)}x, ` +
      `10 ms ${(rates[2] / rates[6]).toFixed(1)}x faster than WebRTC VAD.`,
  );
}
