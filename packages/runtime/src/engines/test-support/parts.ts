/**
 * Helpers for engine tests: inputs, collecting parts, measuring audio.
 */
import type { Item } from '@parley/protocol';
import type { Pcm, ResponseInput, ResponsePart } from '../../engine/engine.js';

export function live(): AbortSignal {
  return new AbortController().signal;
}

/** A response input with defaults (audio, 24 kHz, voice `alloy`); `audio` serves `audioOf`. */
export function inputOf(items: Item[], overrides: Partial<ResponseInput> = {}, audio: Record<string, Pcm> = {}): ResponseInput {
  return {
    items,
    audioOf: (itemId, contentIndex) => audio[`${itemId}:${contentIndex}`],
    instructions: '',
    modalities: ['audio'],
    voice: 'alloy',
    outputSampleRate: 24_000,
    tools: [],
    ...overrides,
  };
}

export function userText(id: string, text: string): Item {
  return { type: 'message', id, role: 'user', content: [{ type: 'input_text', text }] };
}

export function userAudio(id: string, transcript?: string | null): Item {
  return { type: 'message', id, role: 'user', content: [{ type: 'input_audio', transcript }] };
}

export async function collect(parts: AsyncIterable<ResponsePart>): Promise<ResponsePart[]> {
  const out: ResponsePart[] = [];
  for await (const part of parts) out.push(part);
  return out;
}

export function audioParts(parts: readonly ResponsePart[]) {
  return parts.filter((p): p is Extract<ResponsePart, { type: 'audio' }> => p.type === 'audio');
}

export function transcriptOf(parts: readonly ResponsePart[]): string {
  return parts.map((p) => (p.type === 'transcript' ? p.delta : '')).join('');
}

export function textOf(parts: readonly ResponsePart[]): string {
  return parts.map((p) => (p.type === 'text' ? p.delta : '')).join('');
}

export function joinPcm(chunks: readonly Int16Array[]): Int16Array {
  const out = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** RMS level in dBFS (-Infinity for silence). */
export function levelDb(pcm: Int16Array): number {
  let e = 0;
  for (const v of pcm) e += (v / 32768) ** 2;
  return 10 * Math.log10(e / Math.max(1, pcm.length));
}

/** Normalised correlation of two equally long signals, in [-1, 1]. */
export function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return ab / Math.sqrt(aa * bb || 1);
}
