// Quality on real speech: the espeak corpus (English and Mandarin phrases,
// pauses of 200, 400, 700 and 1200 ms) in white, pink and babble noise at 20,
// 10 and 5 dB SNR, judged against the clean track's frame activity and
// against WebRTC VAD (libfvad, every mode and frame size, best F1 kept).
import { beforeAll, describe, expect, it } from 'vitest';
import { frameScores, toGrid } from '../test-support/frame-metrics.mjs';
import { activeRuns } from '../test-support/frame-truth.mjs';
import { buildNoisyConditions, NOISE_TYPES, type NoisyCondition, SNRS_DB } from '../test-support/noisy-corpus.mjs';
import type { SpeechCorpus } from '../test-support/speech-corpus.mjs';
import { bestWebRtcVad } from '../test-support/webrtc-vad.mjs';
import { EnergyVad } from './energy-vad.js';
import type { VadEvent } from './types.js';

const SILENCE_MS = 500;
let corpus: SpeechCorpus;
let conditions: NoisyCondition[];
/** Truth turns: active runs joined across gaps shorter than the silence duration. */
let turns: Array<{ startMs: number; endMs: number }>;

beforeAll(async () => {
  ({ corpus, conditions } = await buildNoisyConditions());
  turns = [];
  for (const run of activeRuns(corpus.truth.active, corpus.truth.frameMs)) {
    const last = turns[turns.length - 1];
    if (last && run.startMs - last.endMs < SILENCE_MS) last.endMs = run.endMs;
    else turns.push({ ...run });
  }
});

function condition(noise: string, snrDb: number): NoisyCondition {
  return conditions.find((c) => c.noise === noise && c.snrDb === snrDb)!;
}

function detect(samples: Int16Array | Float32Array, prefixPaddingMs = 0) {
  const frames: number[] = [];
  const vad = new EnergyVad({
    sampleRate: corpus.sampleRate,
    prefixPaddingMs,
    silenceDurationMs: SILENCE_MS,
    onFrame: (f) => frames.push(f.speech ? 1 : 0),
  });
  const events = vad.process(samples);
  const starts = events.filter((e): e is Extract<VadEvent, { type: 'speech_started' }> => e.type === 'speech_started');
  const stops = events.filter((e): e is Extract<VadEvent, { type: 'speech_stopped' }> => e.type === 'speech_stopped');
  return { frames, frameMs: vad.frameMs, events, starts, stops };
}

function nearest(values: number[], target: number): number {
  return values.reduce((best, v) => (Math.abs(v - target) < Math.abs(best - target) ? v : best), Number.POSITIVE_INFINITY);
}

describe('the corpus', () => {
  it('has six turns, two languages and the pauses it promises', () => {
    expect(turns.length).toBe(6);
    expect(new Set(corpus.segments.map((s) => s.lang))).toEqual(new Set(['en', 'zh']));
    for (let i = 1; i < corpus.segments.length; i++) {
      const gap = corpus.segments[i]!.startMs - corpus.segments[i - 1]!.endMs;
      expect(gap).toBeCloseTo(corpus.segments[i]!.pauseBeforeMs, 6);
    }
  });
});

describe.each(NOISE_TYPES.flatMap((noise) => SNRS_DB.map((snrDb) => [noise, snrDb] as const)))(
  'EnergyVad in %s noise at %i dB SNR',
  (noise, snrDb) => {
    it('has a frame-level F1 at least that of WebRTC VAD in its best mode', async () => {
      const c = condition(noise, snrDb);
      const truth = corpus.truth.active;
      const ours = detect(c.pcm16);
      const mine = frameScores(truth, toGrid(ours.frames, ours.frameMs, corpus.truth.frameMs, truth.length));
      const webrtc = await bestWebRtcVad(c.pcm16, corpus.sampleRate, truth, corpus.truth.frameMs);
      expect(mine.f1).toBeGreaterThanOrEqual(webrtc.scores.f1);
    });

    it('finds every turn start within 100 ms', () => {
      const { starts } = detect(condition(noise, snrDb).pcm16);
      const tolerance = 100;
      for (const t of turns) {
        expect(Math.abs(nearest(starts.map((s) => s.audioStartMs), t.startMs) - t.startMs)).toBeLessThanOrEqual(tolerance);
      }
    });

    // Held only where the turns are clear enough to count: in babble at 10 dB
    // and below the quiet edges of phrases drown, so a 400 ms pause can
    // measure longer than the 500 ms silence and split a turn (documented in
    // the README's limits).
    const clearEnough = snrDb >= 20 || (snrDb >= 10 && noise !== 'babble');
    if (clearEnough) it('gives one start and one stop per turn, never stopping in a pause under 500 ms', () => {
      const { events, starts, stops } = detect(condition(noise, snrDb).pcm16);
      expect(starts.length).toBe(turns.length);
      expect(stops.length).toBe(turns.length);
      expect(events.map((e) => e.type)).toEqual(turns.flatMap(() => ['speech_started', 'speech_stopped']));
      stops.forEach((s, i) => {
        // Where the speech ended: at most 200 ms before the truth (a weak
        // tail drowned in noise), never inside the turn.
        expect(s.audioEndMs).toBeGreaterThanOrEqual(turns[i]!.endMs - 200);
        expect(s.audioEndMs).toBeLessThanOrEqual(turns[i]!.endMs + 60);
      });
    });
  },
);

describe('EnergyVad turn timing', () => {
  it('dates speech_started prefixPaddingMs before the onset, clamped at 0', () => {
    const c = condition('pink', 20);
    const bare = detect(c.pcm16, 0).starts.map((s) => s.audioStartMs);
    const padded = detect(c.pcm16, 300).starts.map((s) => s.audioStartMs);
    const huge = detect(c.pcm16, 5000).starts.map((s) => s.audioStartMs);
    expect(padded).toEqual(bare.map((t) => Math.max(0, t - 300)));
    expect(huge[0]).toBe(0);
  });
});
