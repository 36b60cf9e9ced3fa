export * from './errors.js';
export * from './clock.js';
export * from './ids.js';
export * from './engine/synthesizer.js';
export * from './engine/engine.js';
export * from './session/session.js';
export * from './session/store.js';
export * from './engines/index.js';
export * from './store/index.js';
export { RealtimeSession, type RealtimeSessionOptions } from './session/realtime-session.js';
export { createSessionFactory, type SessionFactoryOptions } from './session/session-factory.js';
export { type Base64Codec, defaultBase64 } from './input/audio-codec.js';
export { DEFAULT_LIMITS, type SessionLimits } from './session/limits.js';
export { DIALECT_VOICES } from './session/session-defaults.js';
export {
  energyVoiceDetector,
  detectorThreshold,
  type VadEvent,
  type VoiceDetector,
  type VoiceDetectorFactory,
  type VoiceDetectorOptions,
} from './turn/voice-detector.js';
