/**
 * Real speech for the conformance tests (espeak-ng through the audio
 * package's test helper), the pieces a client streams (100 ms base64 chunks
 * of PCM16), and what a test reads back from the server's audio deltas.
 */
import { base64ToBytes, bytesToBase64, floatToPcm16, pcm16FromBytes, pcm16ToBytes } from '@parley/audio';
import { synthesizeSpeech } from '../../../../audio/src/test-support/speech-synth.mjs';

/** `text` spoken by espeak-ng (`en-us`, or `cmn` for Mandarin) as PCM16 at `sampleRate`, edges trimmed. */
export async function spokenPcm(text: string, sampleRate: number, voice = 'en-us'): Promise<Int16Array> {
  const speech = await synthesizeSpeech(text, { sampleRate, voice });
  return floatToPcm16(speech.samples);
}

/** Low deterministic noise (about -60 dBFS): a quiet room, never digital silence. */
export function quiet(ms: number, sampleRate: number, seed = 7): Int16Array {
  const out = new Int16Array(Math.round((sampleRate * ms) / 1000));
  let state = seed >>> 0;
  for (let i = 0; i < out.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = ((state >>> 16) % 61) - 30;
  }
  return out;
}

export function concat(...parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** `pcm` cut into chunks of `ms` (the last may be shorter), each base64 PCM16 little-endian. */
export function base64Chunks(pcm: Int16Array, sampleRate: number, ms = 100): string[] {
  const size = Math.round((sampleRate * ms) / 1000);
  const out: string[] = [];
  for (let at = 0; at < pcm.length; at += size) out.push(bytesToBase64(pcm16ToBytes(pcm.subarray(at, at + size))));
  return out;
}

/** The audio of base64 PCM16 deltas, joined. */
export function decodeAudio(deltas: readonly string[]): Int16Array {
  return concat(...deltas.map((delta) => pcm16FromBytes(base64ToBytes(delta))));
}

export function durationMs(pcm: Int16Array, sampleRate: number): number {
  return (pcm.length * 1000) / sampleRate;
}

/**
 * Where `clip` occurs sample for sample in `stream`, searching offsets within
 * `radius` of `near`; -1 when it does not.
 */
export function offsetOf(clip: Int16Array, stream: Int16Array, near: number, radius: number): number {
  const from = Math.max(0, near - radius);
  const to = Math.min(stream.length - clip.length, near + radius);
  for (let offset = from; offset <= to; offset++) {
    let same = true;
    for (let i = 0; i < clip.length && same; i++) same = clip[i] === stream[offset + i];
    if (same) return offset;
  }
  return -1;
}
