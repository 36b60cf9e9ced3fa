/**
 * Speaking text as response parts: the synthesizer's audio, each chunk
 * preceded by the transcript of what it speaks, with word timings moved to
 * the response's own time line.
 */
import { Resampler } from '@parley/audio';
import type { ResponsePart } from '../engine/engine.js';
import type { Synthesizer, WordTiming } from '../engine/synthesizer.js';
import { abortable } from './abortable.js';

/** Counts the audio a response has sent, so later speech can place its word timings. */
export class AudioMeter {
  samples = 0;
  constructor(readonly sampleRate: number) {}
  get ms(): number {
    return (this.samples * 1000) / this.sampleRate;
  }
}

export interface SpeakOptions {
  synthesizer: Synthesizer;
  voice: string;
  sampleRate: number;
  speed?: number;
  signal: AbortSignal;
  meter: AudioMeter;
}

/**
 * Speaks `text` (one string or a stream of deltas). A part that carries
 * `text` yields a transcript delta first (with its words); a part with words
 * but no text yields a transcript part whose delta is empty. When the
 * synthesizer tells no text at all, the whole text follows the audio as one
 * transcript delta. Audio at another rate than asked is resampled. Ends
 * quietly when `signal` aborts.
 */
export async function* speak(text: string | AsyncIterable<string>, options: SpeakOptions): AsyncGenerator<ResponsePart> {
  const { synthesizer, voice, sampleRate, signal, meter } = options;
  if (typeof text === 'string' && text.trim() === '') return;
  const heard = typeof text === 'string' ? { text } : { text: '' };
  const source = typeof text === 'string' ? text : tee(text, heard);
  const offsetMs = Math.round(meter.ms);
  const synthesizeOptions = options.speed === undefined ? { sampleRate } : { sampleRate, speed: options.speed };
  let toldText = false;
  let converter: Resampler | undefined;
  for await (const part of abortable(synthesizer.synthesize(source, voice, signal, synthesizeOptions), signal)) {
    const words = part.words && part.words.length > 0 ? shift(part.words, offsetMs) : undefined;
    if (part.text || words) {
      toldText ||= Boolean(part.text);
      yield words ? { type: 'transcript', delta: part.text ?? '', words } : { type: 'transcript', delta: part.text ?? '' };
    }
    let pcm = part.pcm;
    if (part.sampleRate !== sampleRate) {
      if (converter?.inputRate !== part.sampleRate) converter = new Resampler({ inputRate: part.sampleRate, outputRate: sampleRate });
      pcm = converter.process(pcm);
    }
    if (pcm.length === 0) continue;
    meter.samples += pcm.length;
    yield { type: 'audio', pcm, sampleRate };
  }
  if (!toldText && !signal.aborted && heard.text.trim() !== '') yield { type: 'transcript', delta: heard.text };
}

function shift(words: readonly WordTiming[], offsetMs: number): WordTiming[] {
  return words.map((w) => ({ word: w.word, startMs: w.startMs + offsetMs, durationMs: w.durationMs }));
}

/** Passes a text stream through, remembering what went by. */
async function* tee(source: AsyncIterable<string>, heard: { text: string }): AsyncGenerator<string> {
  for await (const delta of source) {
    heard.text += delta;
    yield delta;
  }
}
