import type { AudioPart } from '@parley/runtime';

/** All parts of a synthesis, in order. */
export async function collect(parts: AsyncIterable<AudioPart>): Promise<AudioPart[]> {
  const out: AudioPart[] = [];
  for await (const part of parts) out.push(part);
  return out;
}

/** The parts' PCM joined into one buffer. */
export function joinPcm(parts: readonly AudioPart[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.pcm.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p.pcm, at);
    at += p.pcm.length;
  }
  return out;
}

/** RMS level of PCM16 samples in dBFS (-Infinity for silence). */
export function levelDb(pcm: Int16Array): number {
  let e = 0;
  for (const v of pcm) e += (v / 32768) ** 2;
  return 10 * Math.log10(e / Math.max(1, pcm.length));
}

/** An async iterable of text deltas, each delivered after a macrotask. */
export async function* deltas(pieces: readonly string[]): AsyncGenerator<string> {
  for (const piece of pieces) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    yield piece;
  }
}
