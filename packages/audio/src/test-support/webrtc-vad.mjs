// WebRTC VAD (libfvad compiled to WASM, the `@echogarden/fvad-wasm`
// devDependency) as the reference detector for tests and the benchmark.
import fvad from '@echogarden/fvad-wasm';
import { frameScores, toGrid } from './frame-metrics.mjs';

export const WEBRTC_RATES = [8000, 16000, 32000, 48000];
export const WEBRTC_FRAME_MS = [10, 20, 30];
export const WEBRTC_MODES = [0, 1, 2, 3];

let modulePromise;
function loadFvad() {
  modulePromise ??= fvad();
  return modulePromise;
}

/**
 * Runs libfvad over a whole PCM16 track, one decision (0/1) per `frameMs`
 * frame; a trailing partial frame is dropped.
 */
export async function webRtcVadDecisions(pcm16, sampleRate, options = {}) {
  const { mode = 3, frameMs = 30 } = options;
  const m = await loadFvad();
  return runFvad(m, pcm16, sampleRate, mode, frameMs);
}

function runFvad(m, pcm16, sampleRate, mode, frameMs) {
  const handle = m._fvad_new();
  if (!handle) throw new Error('fvad_new failed');
  const frame = (sampleRate * frameMs) / 1000;
  const ptr = m._malloc(frame * 2);
  try {
    if (m._fvad_set_sample_rate(handle, sampleRate) !== 0) throw new Error(`fvad: unsupported rate ${sampleRate}`);
    if (m._fvad_set_mode(handle, mode) !== 0) throw new Error(`fvad: bad mode ${mode}`);
    const count = Math.floor(pcm16.length / frame);
    const out = new Uint8Array(count);
    for (let k = 0; k < count; k++) {
      m.HEAP16.set(pcm16.subarray(k * frame, (k + 1) * frame), ptr >> 1);
      const r = m._fvad_process(handle, ptr, frame);
      if (r < 0) throw new Error('fvad_process failed');
      out[k] = r;
    }
    return out;
  } finally {
    m._free(ptr);
    m._fvad_free(handle);
  }
}

/**
 * Every mode and frame size of WebRTC VAD on `pcm16`, scored on the truth's
 * grid; returns the best F1 configuration and all results.
 */
export async function bestWebRtcVad(pcm16, sampleRate, truth, gridMs = 10) {
  const m = await loadFvad();
  const all = [];
  for (const frameMs of WEBRTC_FRAME_MS) {
    for (const mode of WEBRTC_MODES) {
      const decisions = runFvad(m, pcm16, sampleRate, mode, frameMs);
      const scores = frameScores(truth, toGrid(decisions, frameMs, gridMs, truth.length));
      all.push({ mode, frameMs, scores });
    }
  }
  const best = all.reduce((a, b) => (b.scores.f1 > a.scores.f1 ? b : a));
  return { ...best, all };
}
