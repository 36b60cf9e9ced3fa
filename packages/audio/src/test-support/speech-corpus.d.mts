import type { FrameTruth } from './frame-truth.mjs';

export interface CorpusPhrase {
  lang: 'en' | 'zh';
  voice: string;
  text: string;
  pitch?: number;
  wordsPerMinute?: number;
}

export interface CorpusSegment extends CorpusPhrase {
  /** Silence inserted before this phrase (the lead-in for the first one). */
  pauseBeforeMs: number;
  startMs: number;
  endMs: number;
}

export interface SpeechCorpus {
  /** Clean speech, active level at `levelDb` (default -26 dB re full scale). */
  samples: Float32Array;
  sampleRate: number;
  /** One per phrase, in order; start/end are the trimmed phrase edges. */
  segments: CorpusSegment[];
  /** Frame-level activity (10 ms grid) of the clean track. */
  truth: FrameTruth;
}

export declare const CORPUS_PHRASES: readonly CorpusPhrase[];
export declare const CORPUS_PAUSES_MS: readonly number[];
export declare const CORPUS_LEVEL_DB: number;

/** Phrases joined by the pauses in turn, lead-in and tail silent; cached per options. */
export declare function buildSpeechCorpus(options?: {
  sampleRate?: number;
  leadMs?: number;
  tailMs?: number;
  pausesMs?: readonly number[];
  phrases?: readonly CorpusPhrase[];
  levelDb?: number;
}): Promise<SpeechCorpus>;
