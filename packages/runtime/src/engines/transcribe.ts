/**
 * Running a recognizer to the end: the transcript of one clip.
 */
import type { Pcm, Recognizer, TranscribeOptions } from '../engine/engine.js';
import { abortable } from './abortable.js';

/**
 * The recognizer's transcript of `audio`: its `completed` transcript, or the
 * deltas joined when it ends without one. `undefined` when `signal` aborted
 * first.
 */
export async function transcribe(
  recognizer: Recognizer,
  audio: Pcm,
  signal: AbortSignal,
  options: TranscribeOptions = {},
): Promise<string | undefined> {
  let deltas = '';
  let completed: string | undefined;
  for await (const part of abortable(recognizer.transcribe(audio, options, signal), signal)) {
    if (part.type === 'delta') deltas += part.delta;
    else completed = part.transcript;
  }
  if (signal.aborted) return undefined;
  return completed ?? deltas;
}
