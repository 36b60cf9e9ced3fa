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

/** An async iterable of text deltas, each delivered after a macrotask. */
export async function* deltas(pieces: readonly string[]): AsyncGenerator<string> {
  for (const piece of pieces) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    yield piece;
  }
}
