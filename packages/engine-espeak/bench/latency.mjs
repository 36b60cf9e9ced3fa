// First-audio latency and realtime factor of the espeak-ng synthesizer.
// Run after a build: `pnpm --filter @parley/engine-espeak build && pnpm --filter @parley/engine-espeak bench`.
import { EspeakRuntime, createEspeakSynthesizer, loadEspeakWasm } from '../dist/index.js';

const RATE = 24000;
const RUNS = 15;
const live = () => new AbortController().signal;

const texts = {
  en: {
    short: 'Hello there, how are you?',
    long:
      'The weather is lovely today. We could take a walk in the park, or sit by the river for a while. ' +
      'Later on, we might have dinner at the little place around the corner. What do you think? ' +
      'I would like that very much. Let us meet at six.',
  },
  zh: {
    short: '你好，今天过得怎么样？',
    long: '今天天气很好。我们可以去公园散步，或者在河边坐一会儿。晚上我们可以去街角的那家小饭馆吃饭。你觉得怎么样？我很喜欢这个主意。我们六点见吧。',
  },
};

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

async function firstPartMs(synth, text) {
  const started = performance.now();
  const iterator = synth.synthesize(text, 'linjiajiejie', live(), { sampleRate: RATE })[Symbol.asyncIterator]();
  await iterator.next();
  const ms = performance.now() - started;
  await iterator.return?.();
  return ms;
}

async function whole(synth, text) {
  const started = performance.now();
  let samples = 0;
  for await (const part of synth.synthesize(text, 'linjiajiejie', live(), { sampleRate: RATE })) samples += part.pcm.length;
  return { wallMs: performance.now() - started, audioMs: (samples * 1000) / RATE };
}

const coldStarted = performance.now();
const cold = createEspeakSynthesizer();
await firstPartMs(cold, texts.en.short);
const coldMs = performance.now() - coldStarted;

// What a fresh instance per sentence would cost (the alternative to re-using one).
const compiled = await loadEspeakWasm();
const instantiations = [];
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  await new EspeakRuntime(compiled).ready();
  instantiations.push(performance.now() - started);
}

const espeakMs = [];
const synth = createEspeakSynthesizer({ onSentence: (r) => espeakMs.push(r.synthMs) });
await synth.ready();
const rows = [];
for (const [lang, { short, long }] of Object.entries(texts)) {
  for (let i = 0; i < 3; i++) await firstPartMs(synth, short); // warm-up
  const firsts = [];
  espeakMs.length = 0;
  for (let i = 0; i < RUNS; i++) firsts.push(await firstPartMs(synth, short));
  const espeakShort = median(espeakMs);
  const rtfs = [];
  let audioMs = 0;
  for (let i = 0; i < 5; i++) {
    const r = await whole(synth, long);
    rtfs.push(r.wallMs / r.audioMs);
    audioMs = r.audioMs;
  }
  rows.push({
    lang,
    firstAudioMedianMs: median(firsts).toFixed(1),
    firstAudioP90Ms: percentile(firsts, 0.9).toFixed(1),
    espeakRunMs: espeakShort.toFixed(1),
    paragraphAudioS: (audioMs / 1000).toFixed(1),
    rtfMedian: median(rtfs).toFixed(3),
  });
}

console.log(`node ${process.version}, output ${RATE} Hz, voice linjiajiejie`);
console.log(`cold start (load + compile + instantiate + first sentence): ${coldMs.toFixed(0)} ms`);
console.log(`a new instance from the compiled module (median of 5): ${median(instantiations).toFixed(0)} ms`);
console.table(rows);
