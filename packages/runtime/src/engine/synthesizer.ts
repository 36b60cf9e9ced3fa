/** One word's timing inside an audio stream, in ms from the start of that stream. */
export interface WordTiming {
  word: string;
  startMs: number;
  durationMs: number;
}

/** A chunk of synthesized speech: PCM16 mono at an explicit rate. */
export interface AudioPart {
  pcm: Int16Array;
  sampleRate: number;
  /** The text this chunk speaks (a sentence, say), when the synthesizer knows it. */
  text?: string;
  /** Word timings relative to the start of the whole synthesize() stream. */
  words?: WordTiming[];
}

export interface VoiceInfo {
  id: string;
  name?: string;
  gender?: 'female' | 'male' | 'neutral';
  languages?: string[];
  description?: string;
}

export interface SynthesizeOptions {
  /** Output rate in Hz; the synthesizer resamples to it. */
  sampleRate: number;
  /** Playback speed factor, 1 = normal. */
  speed?: number;
}

/**
 * Text to speech. `text` may be one string or a stream of text deltas (an LLM's
 * output); a streaming synthesizer starts speaking before the text is complete.
 * An unknown voice throws `RuntimeError` `invalid_value` with `param: "voice"`.
 * Aborting `signal` ends the stream promptly without an error.
 */
export interface Synthesizer {
  voices(): readonly VoiceInfo[];
  synthesize(
    text: string | AsyncIterable<string>,
    voice: string,
    signal: AbortSignal,
    options: SynthesizeOptions,
  ): AsyncIterable<AudioPart>;
}
