import { type ResamplerQuality, decodeWav, resample } from '@parley/audio';
import type { EspeakRuntime } from './espeak-runtime.js';
import { type EspeakLanguage, pickLanguage } from './language.js';
import type { BoundaryKind } from './sentence-splitter.js';
import { trimSilence } from './silence.js';
import type { EspeakVoice } from './voices.js';

/** espeak-ng's default speaking rate, words per minute. */
const BASE_WPM = 175;
/** The rates espeak-ng accepts without its (absent) sonic speed-up. */
const MIN_WPM = 80;
const MAX_WPM = 450;

/** Silence kept around the sound of each sentence when trimming, ms. */
export const LEAD_MS = 10;
export const TAIL_MS = 40;

/** Pause after a piece of text at speed 1, by how it ended, ms. */
const PAUSE_MS: Readonly<Record<BoundaryKind, number>> = {
  sentence: 250,
  line: 250,
  clause: 150,
  split: 40,
  end: 0,
};

/** espeak-ng's `-s` for a voice at a speed factor, clamped to what it can do. */
function wordsPerMinute(voice: Readonly<EspeakVoice>, speed: number): number {
  return Math.min(MAX_WPM, Math.max(MIN_WPM, Math.round(BASE_WPM * voice.rate * speed)));
}

/** The pause to insert after a piece that ended with `boundary`, in ms (shorter when faster). */
export function pauseAfterMs(boundary: BoundaryKind, speed: number): number {
  return PAUSE_MS[boundary] / Math.min(4, Math.max(0.25, speed));
}

/** The espeak-ng command-line options for one sentence (without input and output). */
function espeakArgs(voice: Readonly<EspeakVoice>, language: EspeakLanguage, speed: number): string[] {
  return [
    '-D', // deterministic: the same text gives the same samples
    '-z', // no pause at the end: the synthesizer adds its own between sentences
    '-b',
    '1', // the input file is UTF-8
    '-v',
    `${language}+${voice.variant}`,
    '-p',
    String(voice.pitch),
    '-P',
    String(voice.pitchRange),
    '-s',
    String(wordsPerMinute(voice, speed)),
  ];
}

/** One sentence, spoken and ready to send. */
export interface SentenceAudio {
  /** The sound, trimmed of silence (but `LEAD_MS` / `TAIL_MS`), at the output rate. */
  samples: Float32Array;
  language: EspeakLanguage;
  /** Time spent in espeak-ng, ms. */
  synthMs: number;
}

export interface SentenceAudioOptions {
  sampleRate: number;
  speed: number;
  quality: ResamplerQuality;
}

const CONTROL = /\p{Cc}/gu;

/** Speaks one sentence with espeak-ng and converts it to the output rate. */
export async function speakSentence(
  runtime: EspeakRuntime,
  text: string,
  voice: Readonly<EspeakVoice>,
  options: SentenceAudioOptions,
): Promise<SentenceAudio> {
  const language = pickLanguage(text);
  const started = performance.now();
  const wav = await runtime.synthesizeWav(espeakArgs(voice, language, options.speed), text.replace(CONTROL, ' ').trim());
  const synthMs = performance.now() - started;
  const decoded = decodeWav(wav);
  const mono = decoded.channelData[0] ?? new Float32Array(0);
  const sound = trimSilence(mono, decoded.sampleRate, { leadMs: LEAD_MS, tailMs: TAIL_MS });
  const samples =
    decoded.sampleRate === options.sampleRate
      ? sound.slice()
      : resample(sound, decoded.sampleRate, options.sampleRate, { quality: options.quality });
  return { samples, language, synthMs };
}
