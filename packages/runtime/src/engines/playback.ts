/**
 * Playing a clip back at another rate, in chunks of a fixed duration: the
 * echo engine's answer to an audio turn.
 */
import { Resampler } from '@parley/audio';
import type { Pcm } from '../engine/engine.js';

/**
 * The clip resampled to `outputRate` (delay-compensated, so the whole clip
 * comes out, aligned: the same samples `resample()` gives), in chunks of
 * `chunkMs` at the output rate; the last chunk may be shorter. Input is fed
 * a chunk at a time, so a caller that stops early does not pay for the rest.
 */
export function* playback(clip: Pcm, outputRate: number, chunkMs: number): Generator<Int16Array> {
  const outFrames = Math.max(1, Math.round((outputRate * chunkMs) / 1000));
  const inFrames = Math.max(1, Math.round((clip.sampleRate * chunkMs) / 1000));
  if (clip.pcm.length === 0) return;
  if (clip.sampleRate === outputRate) {
    for (let at = 0; at < clip.pcm.length; at += outFrames) yield clip.pcm.slice(at, at + outFrames);
    return;
  }
  const resampler = new Resampler({ inputRate: clip.sampleRate, outputRate, compensateDelay: true });
  const pending = new Int16Array(outFrames);
  let filled = 0;
  function* take(samples: Int16Array): Generator<Int16Array> {
    let at = 0;
    while (at < samples.length) {
      const n = Math.min(outFrames - filled, samples.length - at);
      pending.set(samples.subarray(at, at + n), filled);
      filled += n;
      at += n;
      if (filled === outFrames) {
        yield pending.slice();
        filled = 0;
      }
    }
  }
  for (let at = 0; at < clip.pcm.length; at += inFrames) {
    yield* take(resampler.process(clip.pcm.subarray(at, at + inFrames)));
  }
  yield* take(resampler.flush() as Int16Array);
  if (filled > 0) yield pending.slice(0, filled);
}
