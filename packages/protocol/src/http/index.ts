/**
 * HTTP voice APIs and streaming TTS: Chat Completions with audio, `/v1/audio/speech`,
 * voices, ASR over SSE, and the `tts.*` WebSocket events.
 */
export * from './asr-events.js';
export * from './asr-request.js';
export * from './chat-chunk-builder.js';
export * from './chat-chunk.js';
export {
  CHAT_AUDIO_FORMATS,
  CHAT_AUDIO_SAMPLE_RATES,
  ChatFinishReasonSchema,
  ChatToolCallSchema,
  ChatUsageSchema,
  ChatWireFinishReasonSchema,
  ChatWordTimingSchema,
  DEFAULT_CHAT_STREAM_SAMPLE_RATE,
  chatUsage,
  chatWordTiming,
} from './chat-common.js';
export type {
  ChatAudioFormat,
  ChatAudioSampleRate,
  ChatFinishReason,
  ChatToolCall,
  ChatUsage,
  ChatWireFinishReason,
  ChatWordTiming,
} from './chat-common.js';
export {
  CHAT_LIMITS,
  audioSegmentsFor,
  chatAudioClips,
  checkChatLimits,
} from './chat-limits.js';
export type {
  ChatAudioClip,
  ChatClipSeconds,
  ChatLimitName,
  ChatLimitOptions,
  ChatLimitReport,
  ChatLimitViolation,
  ChatLimits,
} from './chat-limits.js';
export * from './chat-messages.js';
export * from './chat-request.js';
export * from './chat-response.js';
export { HTTP_FIXTURE_CODECS } from './fixture-codecs.js';
export type { HttpCodec, HttpFixtureKind } from './fixture-codecs.js';
export { CHAT_INPUT_AUDIO_FORMATS, parseInputAudioData } from './input-audio.js';
export type { ChatInputAudioFormat, ParsedInputAudio } from './input-audio.js';
export * from './schemas.js';
export * from './speech-request.js';
export * from './speech-stream-events.js';
export * from './sse.js';
export * from './stepfun-voices.js';
export * from './tts-client-events.js';
export * from './tts-event-factory.js';
export * from './tts-options.js';
export * from './tts-server-events.js';
export * from './voices.js';
