/**
 * Real speech for turn-detection tests: a phrase spoken by espeak-ng (through
 * the audio package's test helper, cached per process), placed between
 * stretches of quiet noise, with the truth of where the speech is.
 */
import { floatToPcm16 } from '@parley/audio';
import { synthesizeSpeech } from '../../../../audio/src/test-support/speech-synth.mjs';

export interface SpokenPhrase {
  pcm: Int16Array;
  sampleRate: number;
  /** Where the voice starts and ends in `pcm`, ms. */
  speechStartMs: number;
  speechEndMs: number;
}

/** Deterministic low noise (about -60 dBFS), so the input is never digital silence. */
function noise(n: number, seed: number): Int16Array {
  const out = new Int16Array(n);
  let state = seed >>> 0;
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = ((state >>> 16) % 61) - 30;
  }
  return out;
}

export async function spokenPhrase(
  text: string,
  sampleRate: number,
  options: { leadMs?: number; tailMs?: number } = {},
): Promise<SpokenPhrase> {
  const { leadMs = 1000, tailMs = 1500 } = options;
  const speech = await synthesizeSpeech(text, { sampleRate });
  const voice = floatToPcm16(speech.samples);
  const lead = Math.round((sampleRate * leadMs) / 1000);
  const tail = Math.round((sampleRate * tailMs) / 1000);
  const pcm = noise(lead + voice.length + tail, 7);
  for (let i = 0; i < voice.length; i++) pcm[lead + i] = Math.max(-32768, Math.min(32767, pcm[lead + i]! + voice[i]!));
  return { pcm, sampleRate, speechStartMs: leadMs, speechEndMs: leadMs + (voice.length * 1000) / sampleRate };
}

/** Splits PCM into chunks of `ms`. */
export function chunks(pcm: Int16Array, sampleRate: number, ms: number): Int16Array[] {
  const size = Math.max(1, Math.round((sampleRate * ms) / 1000));
  const out: Int16Array[] = [];
  for (let at = 0; at < pcm.length; at += size) out.push(pcm.slice(at, at + size));
  return out;
}
