export {
  EspeakSynthesizer,
  createEspeakSynthesizer,
  type EspeakSynthesizerOptions,
  type SentenceReport,
} from './synthesizer.js';
export { espeakVoices, espeakVoiceIds, listEspeakVoices, resolveEspeakVoice, type EspeakVoice } from './voices.js';
export { EspeakRuntime, type EspeakRuntimeStats, type WasmSource } from './espeak-runtime.js';
export { loadEspeakWasm, espeakWasmPath } from './wasm-loader.js';
export { pickLanguage, type EspeakLanguage } from './language.js';
export {
  SentenceSplitter,
  splitSentences,
  type Sentence,
  type BoundaryKind,
  type SentenceSplitterOptions,
} from './sentence-splitter.js';
export { estimateWordTimings } from './word-timings.js';
export type { AudioPart, SynthesizeOptions, Synthesizer, VoiceInfo, WordTiming } from '@parley/runtime';
