import { type ResamplerQuality, floatToPcm16 } from '@parley/audio';
import { type AudioPart, RuntimeError, type SynthesizeOptions, type Synthesizer, type VoiceInfo, type WordTiming } from '@parley/runtime';
import { EspeakRuntime, type EspeakRuntimeStats, type WasmSource } from './espeak-runtime.js';
import type { EspeakLanguage } from './language.js';
import { LEAD_MS, TAIL_MS, pauseAfterMs, speakSentence } from './sentence-audio.js';
import type { BoundaryKind, SentenceSplitterOptions } from './sentence-splitter.js';
import { inputTooLong, sentencesOf } from './text-source.js';
import { type EspeakVoice, listEspeakVoices, resolveEspeakVoice } from './voices.js';
import { loadEspeakWasm } from './wasm-loader.js';
import { estimateWordTimings } from './word-timings.js';

/** What the synthesizer reports after speaking each sentence (for metrics). */
export interface SentenceReport {
  text: string;
  language: EspeakLanguage;
  voice: string;
  /** Time spent in espeak-ng for this sentence, ms. */
  synthMs: number;
  /** Length of the sentence's audio, pause included, ms. */
  audioMs: number;
}

export interface EspeakSynthesizerOptions {
  /**
   * The compiled espeak-ng WebAssembly module, a promise of it, or a function
   * returning either. Default: the `espeak-ng.wasm` of the installed package,
   * read and compiled once per process (Node only; a browser passes its own,
   * e.g. `() => WebAssembly.compileStreaming(fetch(url))`).
   */
  wasm?: WasmSource;
  /** Most characters one `synthesize` call speaks; more is `invalid_value` (`param: "input"`). Default 10 000. */
  maxInputChars?: number;
  /** Longest audio part, ms; a sentence's audio is cut into parts this long. 0 = one part per sentence. Default 200. */
  chunkMs?: number;
  /** Resampler preset for the conversion from espeak-ng's 22 050 Hz. Default `voice`. */
  quality?: ResamplerQuality;
  /** Estimated word timings on the parts (`words`). Default true. */
  wordTimings?: boolean;
  /** How text is cut into sentences. */
  splitter?: SentenceSplitterOptions;
  /** Called after each sentence is synthesized, before its audio is yielded. */
  onSentence?: (report: SentenceReport) => void;
}

const MIN_RATE = 4000;
const MAX_RATE = 192_000;

/** Lets timers and I/O (an abort, say) run between two sentences. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Local text to speech on espeak-ng (WebAssembly): English and Mandarin, any
 * output rate, sentence by sentence. See the package README.
 */
export class EspeakSynthesizer implements Synthesizer {
  readonly #runtime: EspeakRuntime;
  readonly #maxChars: number;
  readonly #chunkMs: number;
  readonly #quality: ResamplerQuality;
  readonly #wordTimings: boolean;
  readonly #splitter: SentenceSplitterOptions | undefined;
  readonly #onSentence: ((report: SentenceReport) => void) | undefined;

  constructor(options: EspeakSynthesizerOptions = {}) {
    this.#runtime = new EspeakRuntime(options.wasm ?? loadEspeakWasm);
    this.#maxChars = options.maxInputChars ?? 10_000;
    this.#chunkMs = Math.max(0, options.chunkMs ?? 200);
    this.#quality = options.quality ?? 'voice';
    this.#wordTimings = options.wordTimings ?? true;
    this.#splitter = options.splitter;
    this.#onSentence = options.onSentence;
  }

  voices(): readonly VoiceInfo[] {
    return listEspeakVoices();
  }

  /** Loads and starts espeak-ng now, so that the first sentence does not wait for it. */
  ready(): Promise<void> {
    return this.#runtime.ready();
  }

  /** Instances created and runs completed by the underlying espeak-ng runtime. */
  get stats(): Readonly<EspeakRuntimeStats> {
    return { ...this.#runtime.stats };
  }

  /**
   * Speaks `text` (a string, or a stream of deltas) in `voice`. Checks its
   * arguments at once: an unknown voice, a bad rate or speed, or a string
   * over the cap throws `RuntimeError` `invalid_value` here; a stream over
   * the cap throws it from the iteration. Empty text yields nothing.
   * Aborting `signal` ends the iteration quietly: no further part is yielded
   * and no further sentence is started.
   */
  synthesize(
    text: string | AsyncIterable<string>,
    voice: string,
    signal: AbortSignal,
    options: SynthesizeOptions,
  ): AsyncIterable<AudioPart> {
    const espeakVoice = resolveEspeakVoice(voice);
    const sampleRate = options?.sampleRate;
    if (!Number.isInteger(sampleRate) || sampleRate < MIN_RATE || sampleRate > MAX_RATE) {
      throw new RuntimeError('invalid_value', `sample_rate must be an integer from ${MIN_RATE} to ${MAX_RATE} Hz, got ${String(sampleRate)}.`, {
        param: 'sample_rate',
      });
    }
    const speed = options.speed ?? 1;
    if (typeof speed !== 'number' || !Number.isFinite(speed) || speed <= 0) {
      throw new RuntimeError('invalid_value', `speed must be a positive number, got ${String(speed)}.`, { param: 'speed' });
    }
    if (typeof text === 'string') {
      if (text.length > this.#maxChars) throw inputTooLong(this.#maxChars);
    } else if (typeof text?.[Symbol.asyncIterator] !== 'function') {
      throw new RuntimeError('invalid_type', 'Text must be a string or an async iterable of strings.', { param: 'input' });
    }
    return this.#stream(text, voice, espeakVoice, signal, sampleRate, speed);
  }

  async *#stream(
    text: string | AsyncIterable<string>,
    voiceId: string,
    voice: Readonly<EspeakVoice>,
    signal: AbortSignal,
    sampleRate: number,
    speed: number,
  ): AsyncGenerator<AudioPart> {
    let written = 0; // samples yielded so far, at sampleRate
    let previous: BoundaryKind | undefined;
    const msAt = (samples: number): number => (samples * 1000) / sampleRate;
    for await (const sentence of sentencesOf(text, signal, { maxChars: this.#maxChars, splitter: this.#splitter })) {
      await nextTask();
      if (signal.aborted) return;
      const audio = await speakSentence(this.#runtime, sentence.text, voice, {
        sampleRate,
        speed,
        quality: this.#quality,
      });
      if (signal.aborted) return;
      const pause = previous === undefined ? 0 : Math.round((pauseAfterMs(previous, speed) * sampleRate) / 1000);
      previous = sentence.boundary;
      const pcm = new Int16Array(pause + audio.samples.length);
      pcm.set(floatToPcm16(audio.samples), pause);
      const soundStart = written + pause;
      const words = this.#wordTimings
        ? estimateWordTimings(sentence.text, msAt(soundStart) + LEAD_MS, msAt(audio.samples.length) - LEAD_MS - TAIL_MS)
        : undefined;
      this.#onSentence?.({
        text: sentence.text,
        language: audio.language,
        voice: voiceId,
        synthMs: audio.synthMs,
        audioMs: msAt(pcm.length),
      });
      for (const part of this.#parts(pcm, sampleRate, sentence.text, words, written)) {
        if (signal.aborted) return;
        yield part;
        written += part.pcm.length;
      }
    }
  }

  /**
   * Cuts one sentence's audio into parts of at most `chunkMs`. The first part
   * carries the sentence's text; each word goes with the part it starts in.
   */
  *#parts(pcm: Int16Array, sampleRate: number, text: string, words: WordTiming[] | undefined, offset: number): Generator<AudioPart> {
    const size = this.#chunkMs > 0 ? Math.max(1, Math.round((this.#chunkMs * sampleRate) / 1000)) : pcm.length;
    let w = 0;
    for (let at = 0; at < pcm.length || at === 0; at += size) {
      const end = Math.min(pcm.length, at + size);
      const part: AudioPart = { pcm: pcm.slice(at, end), sampleRate };
      if (at === 0) part.text = text;
      if (words) {
        const last = end >= pcm.length;
        const endMs = ((offset + end) * 1000) / sampleRate;
        const mine: WordTiming[] = [];
        while (w < words.length && (last || words[w]!.startMs < endMs)) mine.push(words[w++]!);
        if (mine.length) part.words = mine;
      }
      yield part;
      if (end >= pcm.length) break;
    }
  }
}

/** A new espeak-ng synthesizer (see {@link EspeakSynthesizer}). */
export function createEspeakSynthesizer(options?: EspeakSynthesizerOptions): EspeakSynthesizer {
  return new EspeakSynthesizer(options);
}
