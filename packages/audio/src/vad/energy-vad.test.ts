import { beforeAll, describe, expect, it } from 'vitest';
import { AudioFormatError } from '../errors.js';
import { frameScores, toGrid } from '../test-support/frame-metrics.mjs';
import { activeRuns } from '../test-support/frame-truth.mjs';
import { mixAtSnr, toPcm16 } from '../test-support/mix.mjs';
import { makeNoise } from '../test-support/noisy-corpus.mjs';
import { pinkNoise, whiteNoise } from '../test-support/noise.mjs';
import { seededRandom } from '../test-support/prng.mjs';
import { buildSpeechCorpus, type SpeechCorpus } from '../test-support/speech-corpus.mjs';
import { webRtcVadDecisions } from '../test-support/webrtc-vad.mjs';
import { EnergyVad } from './energy-vad.js';
import type { EnergyVadOptions, VadEvent, VadFrame } from './types.js';

const RATE = 16000;
let corpus: SpeechCorpus;
/** The corpus in pink noise at 10 dB, as PCM16 and as the same values in floats. */
let pcm: Int16Array;
let pcmAsFloat: Float32Array;

beforeAll(async () => {
  corpus = await buildSpeechCorpus({ sampleRate: RATE });
  const noise = pinkNoise(corpus.samples.length, 5);
  pcm = toPcm16(mixAtSnr(corpus.samples, noise, 10, corpus.truth.active, RATE));
  pcmAsFloat = Float32Array.from(pcm, (v) => v / 32768);
});

type Chunk = Float32Array | Int16Array;

function runChunks(chunks: Iterable<Chunk>, options: Partial<EnergyVadOptions> = {}) {
  const frames: Array<Omit<VadFrame, 'index'> & { index: number }> = [];
  const vad = new EnergyVad({ sampleRate: RATE, ...options, onFrame: (f) => frames.push({ ...f }) });
  const events: VadEvent[] = [];
  for (const c of chunks) events.push(...vad.process(c));
  return { events, frames, vad };
}

function* split<T extends Chunk>(x: T, sizes: () => number): Generator<T> {
  for (let i = 0; i < x.length; ) {
    const n = Math.max(1, sizes());
    yield x.subarray(i, i + n) as T;
    i += n;
  }
}

function turnsOf(corpusTruth: Uint8Array, frameMs: number, silenceMs = 500) {
  const turns: Array<{ startMs: number; endMs: number }> = [];
  for (const r of activeRuns(corpusTruth, frameMs)) {
    const last = turns[turns.length - 1];
    if (last && r.startMs - last.endMs < silenceMs) last.endMs = r.endMs;
    else turns.push({ ...r });
  }
  return turns;
}

describe('EnergyVad chunking', () => {
  it.each([10, 30] as const)('gives identical events and frames however the input is chunked (%i ms frames)', (frameMs) => {
    const whole = runChunks([pcmAsFloat], { frameMs });
    expect(whole.events.length).toBeGreaterThan(0);
    const random = seededRandom(11);
    const chunkings: Array<[string, () => number]> = [
      ['1 sample', () => 1],
      ['10 ms', () => RATE / 100],
      ['37 samples', () => 37],
      ['random', () => 1 + Math.floor(random() * 2000)],
    ];
    for (const [, sizes] of chunkings) {
      const chunked = runChunks(split(pcmAsFloat, sizes), { frameMs });
      expect(chunked.events).toEqual(whole.events);
      expect(chunked.frames).toEqual(whole.frames);
    }
  });

  it('gives the same results for PCM16 and for the same values as floats, even mixed', () => {
    const floats = runChunks([pcmAsFloat]);
    const ints = runChunks(split(pcm, () => 333));
    let toggle = false;
    const mixed = runChunks(
      (function* () {
        for (let i = 0; i < pcm.length; i += 250) {
          toggle = !toggle;
          yield toggle ? pcm.subarray(i, i + 250) : pcmAsFloat.subarray(i, i + 250);
        }
      })(),
    );
    expect(ints.events).toEqual(floats.events);
    expect(ints.frames).toEqual(floats.frames);
    expect(mixed.frames).toEqual(floats.frames);
  });

  it('keeps a partial frame until it is complete, and reports frames on the ms grid', () => {
    const vad = new EnergyVad({ sampleRate: 22050, frameMs: 10 });
    const starts: number[] = [];
    const probe = new EnergyVad({ sampleRate: 22050, frameMs: 10, onFrame: (f) => starts.push(f.startMs) });
    vad.process(new Float32Array(220));
    expect(vad.processedMs).toBe(0);
    vad.process(new Float32Array(1));
    expect(vad.processedMs).toBe(10);
    probe.process(new Float32Array(22050));
    expect(starts.length).toBe(100);
    expect(starts.slice(0, 3)).toEqual([0, 10, 20]);
  });
});

describe('EnergyVad state', () => {
  it('reports speaking between speech_started and speech_stopped', () => {
    const vad = new EnergyVad({ sampleRate: RATE });
    let speaking = false;
    for (const chunk of split(pcm, () => 480)) {
      for (const e of vad.process(chunk)) speaking = e.type === 'speech_started';
      expect(vad.speaking).toBe(speaking);
    }
  });

  it('exposes the last frame probability and decision', () => {
    const seen: VadFrame[] = [];
    const vad = new EnergyVad({ sampleRate: RATE, onFrame: (f) => seen.push(f) });
    expect(vad.lastProbability).toBe(0);
    vad.process(pcm.subarray(0, 24000));
    const last = seen[seen.length - 1]!;
    expect(vad.lastProbability).toBe(last.probability);
    expect(vad.lastFrameSpeech).toBe(last.speech);
    for (const f of seen) expect(f.probability >= 0 && f.probability <= 1).toBe(true);
  });

  it('starts over after reset(): time from 0, noise model and turn forgotten', () => {
    const fresh = runChunks([pcm]);
    const vad = new EnergyVad({ sampleRate: RATE });
    vad.process(pcm.subarray(0, 70000));
    vad.reset();
    expect(vad.speaking).toBe(false);
    expect(vad.processedMs).toBe(0);
    expect(vad.process(pcm)).toEqual(fresh.events);
  });

  it('needs a higher probability for speech at a higher threshold', () => {
    const share = (threshold: number) => {
      const { frames } = runChunks([pcm], { threshold });
      return frames.filter((f) => f.speech).length / frames.length;
    };
    const shares = [0.2, 0.5, 0.8].map(share);
    expect(shares[0]).toBeGreaterThan(shares[1]!);
    expect(shares[1]).toBeGreaterThan(shares[2]!);
  });

  it('rejects input that is not Float32Array or Int16Array', () => {
    const vad = new EnergyVad({ sampleRate: RATE });
    expect(() => vad.process(new Float64Array(10) as unknown as Float32Array)).toThrow(AudioFormatError);
    expect(() => vad.process([0, 1] as unknown as Float32Array)).toThrow(AudioFormatError);
  });
});

describe('EnergyVad on hard input', () => {
  it('stays silent on digital silence', () => {
    const { events, frames } = runChunks([new Float32Array(RATE * 10)]);
    expect(events).toEqual([]);
    expect(frames.every((f) => !f.speech)).toBe(true);
  });

  it.each(['white', 'pink'] as const)('never starts a turn in %s noise alone', async (type) => {
    for (const level of [0.001, 0.03, 0.3]) {
      const x = await makeNoise(type, RATE * 30, RATE, 21);
      for (let i = 0; i < x.length; i++) x[i]! *= level;
      expect(runChunks([x]).events).toEqual([]);
    }
  });

  it('calls far less of distant babble speech than WebRTC VAD does (babble is speech, just nobody near)', async () => {
    const x = await makeNoise('babble', RATE * 30, RATE, 21);
    for (let i = 0; i < x.length; i++) x[i]! *= 0.03;
    const { events, frames } = runChunks([x]);
    const ours = frames.filter((f) => f.speech).length / frames.length;
    const webrtc = await webRtcVadDecisions(toPcm16(x), RATE, { mode: 3, frameMs: 30 });
    const theirs = webrtc.reduce((a, b) => a + b, 0) / webrtc.length;
    expect(ours).toBeLessThan(0.25 * theirs);
    expect(events.filter((e) => e.type === 'speech_started').length).toBeLessThanOrEqual(6);
  });

  it('ignores a DC offset', () => {
    const plain = runChunks([pcmAsFloat]).events;
    const shifted = runChunks([pcmAsFloat.map((v) => v + 0.25)]).events;
    expect(shifted.length).toBe(plain.length);
    shifted.forEach((e, i) => {
      const a = e.type === 'speech_started' ? e.audioStartMs : e.audioEndMs;
      const p = plain[i]!;
      expect(e.type).toBe(p.type);
      expect(Math.abs(a - (p.type === 'speech_started' ? p.audioStartMs : p.audioEndMs))).toBeLessThanOrEqual(30);
    });
  });

  it('finds the same turns in heavily clipped speech', () => {
    const turns = turnsOf(corpus.truth.active, corpus.truth.frameMs);
    const clipped = corpus.samples.map((v) => Math.max(-1, Math.min(1, v * 40)));
    const { events } = runChunks([clipped], { prefixPaddingMs: 0 });
    const starts = events.filter((e) => e.type === 'speech_started');
    expect(starts.length).toBe(turns.length);
    starts.forEach((s, i) => {
      if (s.type === 'speech_started') expect(Math.abs(s.audioStartMs - turns[i]!.startMs)).toBeLessThanOrEqual(100);
    });
  });

  it('survives NaN and infinite samples (those frames count as noise)', () => {
    const poisoned = pcmAsFloat.slice();
    poisoned.fill(Number.NaN, 1000, 3000);
    poisoned[5000] = Number.POSITIVE_INFINITY;
    const { events, frames } = runChunks([poisoned]);
    for (const f of frames) expect(Number.isFinite(f.probability)).toBe(true);
    const clean = runChunks([pcmAsFloat]).events;
    expect(events.filter((e) => e.type === 'speech_started').length).toBe(
      clean.filter((e) => e.type === 'speech_started').length,
    );
  });

  it('does not start a turn on a short click unless minSpeechMs allows it', () => {
    const x = whiteNoise(RATE * 4, 8);
    for (let i = 0; i < x.length; i++) x[i]! *= 0.002;
    for (let i = 2 * RATE; i < 2 * RATE + 160; i++) x[i] = 0.5 * Math.sin(i);
    expect(runChunks([x]).events).toEqual([]);
    expect(runChunks([x], { minSpeechMs: 0 }).events[0]).toMatchObject({ type: 'speech_started' });
  });
});

describe.each([8000, 22050, 44100, 48000])('EnergyVad at %i Hz', (rate) => {
  it('finds every turn start within 100 ms in white noise at 20 dB, with a good F1', async () => {
    const c = await buildSpeechCorpus({ sampleRate: rate });
    const noisy = mixAtSnr(c.samples, whiteNoise(c.samples.length, 3), 20, c.truth.active, rate);
    const { events, frames, vad } = runChunks([noisy], { sampleRate: rate, prefixPaddingMs: 0 });
    const decided = toGrid(frames.map((f) => (f.speech ? 1 : 0)), vad.frameMs, c.truth.frameMs, c.truth.active.length);
    expect(frameScores(c.truth.active, decided).f1).toBeGreaterThan(0.93);
    const starts = events.flatMap((e) => (e.type === 'speech_started' ? [e.audioStartMs] : []));
    const turns = turnsOf(c.truth.active, c.truth.frameMs);
    expect(starts.length).toBe(turns.length);
    turns.forEach((t, i) => {
      expect(Math.abs(starts[i]! - t.startMs)).toBeLessThanOrEqual(100);
    });
  });
});
