// The speech corpus for VAD tests and benchmarks: English and Mandarin espeak
// phrases (several voices) joined by pauses of known length, with a silent
// lead-in and tail, at any sample rate, plus its ground truth: phrase
// segments and frame-level activity (see frame-truth.mjs).
import { frameTruth } from './frame-truth.mjs';
import { synthesizeSpeech } from './speech-synth.mjs';

export const CORPUS_PHRASES = [
  { lang: 'en', voice: 'en-us', text: 'Hello there, how are you doing today?' },
  { lang: 'zh', voice: 'cmn', text: '你好，请问今天北京的天气怎么样？' },
  { lang: 'en', voice: 'en-us+f4', text: 'Please book a table for four people at seven tonight.' },
  { lang: 'zh', voice: 'cmn+f1', text: '我想预订明天上午十点的会议室。' },
  { lang: 'en', voice: 'en', text: 'Six sharp fish swam past the station.' },
  { lang: 'zh', voice: 'cmn', text: '好的。' },
  { lang: 'en', voice: 'en-us+m3', text: 'Could you stop the music and read me my messages?' },
  { lang: 'zh', voice: 'cmn+f4', text: '请帮我把音乐的声音调小一点。' },
  { lang: 'en', voice: 'en-us', text: 'Yes.' },
  { lang: 'zh', voice: 'cmn+m3', text: '这家餐厅的菜很好吃，我们下次再来吧。' },
  { lang: 'en', voice: 'en+f1', text: 'Thanks, that is all for now.' },
  { lang: 'zh', voice: 'cmn', text: '谢谢，没有别的问题了。' },
];

/** Pauses between consecutive phrases, used in turn. */
export const CORPUS_PAUSES_MS = [200, 400, 700, 1200];

/** Active speech level the corpus is scaled to, in dB relative to full scale (RMS). */
export const CORPUS_LEVEL_DB = -26;

const cache = new Map();

/**
 * @param {{ sampleRate?: number, leadMs?: number, tailMs?: number, pausesMs?: number[],
 *   phrases?: typeof CORPUS_PHRASES, levelDb?: number }} [options]
 */
export function buildSpeechCorpus(options = {}) {
  const key = JSON.stringify(options);
  let pending = cache.get(key);
  if (!pending) {
    pending = assemble(options);
    cache.set(key, pending);
  }
  return pending.then(copyCorpus);
}

function copyCorpus(c) {
  return { ...c, samples: c.samples.slice(), segments: c.segments.map((s) => ({ ...s })), truth: { ...c.truth, active: c.truth.active.slice() } };
}

async function assemble(options) {
  const {
    sampleRate = 16000,
    leadMs = 1000,
    tailMs = 1000,
    pausesMs = CORPUS_PAUSES_MS,
    phrases = CORPUS_PHRASES,
    levelDb = CORPUS_LEVEL_DB,
  } = options;
  const toSamples = (ms) => Math.round((ms * sampleRate) / 1000);
  const spoken = [];
  for (const phrase of phrases) {
    const { samples } = await synthesizeSpeech(phrase.text, {
      voice: phrase.voice,
      pitch: phrase.pitch,
      wordsPerMinute: phrase.wordsPerMinute,
      sampleRate,
    });
    spoken.push(samples);
  }
  const gaps = phrases.map((_, i) => (i === 0 ? leadMs : pausesMs[(i - 1) % pausesMs.length]));
  let length = toSamples(tailMs);
  for (let i = 0; i < phrases.length; i++) length += toSamples(gaps[i]) + spoken[i].length;
  const samples = new Float32Array(length);
  const segments = [];
  let at = 0;
  for (let i = 0; i < phrases.length; i++) {
    at += toSamples(gaps[i]);
    samples.set(spoken[i], at);
    const { lang, voice, text } = phrases[i];
    segments.push({
      lang,
      voice,
      text,
      pauseBeforeMs: gaps[i],
      startMs: (at * 1000) / sampleRate,
      endMs: ((at + spoken[i].length) * 1000) / sampleRate,
    });
    at += spoken[i].length;
  }
  const before = frameTruth(samples, sampleRate);
  const gain = Math.sqrt(10 ** (levelDb / 10) / before.activeLevel);
  for (let i = 0; i < length; i++) samples[i] *= gain;
  const truth = frameTruth(samples, sampleRate);
  return { samples, sampleRate, segments, truth };
}
