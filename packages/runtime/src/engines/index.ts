export { EchoEngine, type EchoEngineOptions } from './echo-engine.js';
export { CascadeEngine, type CascadeEngineOptions } from './cascade-engine.js';
export {
  ScriptedEngine,
  type Script,
  type ScriptStep,
  type ScriptedCall,
  type ScriptedEngineOptions,
  type SpeakingOptions,
  type TurnScript,
} from './scripted-engine.js';
export { toChatMessages, type PartTranscriber } from './chat-history.js';
export { tone, type ToneOptions } from './tone.js';
export {
  CHARS_PER_TEXT_TOKEN,
  INPUT_AUDIO_TOKENS_PER_SECOND,
  OUTPUT_AUDIO_TOKENS_PER_SECOND,
  addUsage,
  audioTokens,
  estimateInput,
  textTokens,
  usageOf,
  type TokenCounts,
} from './usage.js';
