// What every benchmark session says: a few phrases of real espeak-ng speech
// (synthesized once, at 24 kHz), each followed by a pause longer than server
// VAD's 500 ms of silence, looped. Precomputed as the exact text frames a
// client sends: one `input_audio_buffer.append` per 100 ms, so that sending
// costs the load generator nothing but `ws.send`.
import { bytesToBase64, pcm16ToBytes } from '@parley/audio';
import { createEspeakSynthesizer } from '@parley/engine-espeak';

export const RATE = 24_000;
export const CHUNK_MS = 100;

const PHRASES = [
  'Hello, I would like to know the weather for tomorrow.',
  'Could you please read me the latest news headlines?',
  'Set a timer for ten minutes and remind me to call home.',
  'What is the capital of Australia?',
];
const PAUSE_MS = 1400;

/** Quiet deterministic noise (about -60 dBFS): a room, not digital silence. */
function quiet(ms, seed) {
  const out = new Int16Array(Math.round((RATE * ms) / 1000));
  let state = seed >>> 0;
  for (let i = 0; i < out.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = ((state >>> 16) % 61) - 30;
  }
  return out;
}

async function speak(synthesizer, text) {
  const parts = [];
  for await (const part of synthesizer.synthesize(text, 'alloy', new AbortController().signal, { sampleRate: RATE })) {
    parts.push(part.pcm);
  }
  return parts;
}

function concat(parts) {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The loop as append frames (JSON text), its length in ms, and how many
 * turns (phrases) it holds.
 */
export async function buildSpeechLoop() {
  const synthesizer = createEspeakSynthesizer();
  await synthesizer.ready();
  const size = (RATE * CHUNK_MS) / 1000;
  const pieces = [];
  for (const [index, phrase] of PHRASES.entries()) {
    pieces.push(...(await speak(synthesizer, phrase)), quiet(PAUSE_MS, index + 1));
  }
  const pcm = concat(pieces);
  const usable = pcm.length - (pcm.length % size);
  const frames = [];
  for (let at = 0; at < usable; at += size) {
    const audio = bytesToBase64(pcm16ToBytes(pcm.subarray(at, at + size)));
    frames.push(JSON.stringify({ type: 'input_audio_buffer.append', audio }));
  }
  return { frames, loopMs: frames.length * CHUNK_MS, turns: PHRASES.length };
}
