/**
 * `input_audio_buffer.*` server events: commit/clear acknowledgements and the
 * server VAD notifications (spec 001, notes Part 3 §3.2).
 */
import Type, { type Static } from 'typebox';
import { AudioMs, NullableId, serverEvent } from './common.js';

export const InputAudioBufferCommittedEvent = serverEvent(
  'input_audio_buffer.committed',
  {
    previous_item_id: Type.Optional(NullableId),
    item_id: Type.String({ description: 'The user item that the committed audio becomes' }),
  },
  'The input audio buffer was committed, by the client or by server VAD.',
);
export type InputAudioBufferCommittedEvent = Static<typeof InputAudioBufferCommittedEvent>;

export const InputAudioBufferClearedEvent = serverEvent(
  'input_audio_buffer.cleared',
  {},
  'The input audio buffer was cleared.',
);
export type InputAudioBufferClearedEvent = Static<typeof InputAudioBufferClearedEvent>;

export const InputAudioBufferSpeechStartedEvent = serverEvent(
  'input_audio_buffer.speech_started',
  {
    audio_start_ms: AudioMs,
    item_id: Type.String({ description: 'The user item that will hold this speech' }),
  },
  'Server VAD heard speech begin (prefix padding included). Clients use it for barge-in.',
);
export type InputAudioBufferSpeechStartedEvent = Static<typeof InputAudioBufferSpeechStartedEvent>;

export const InputAudioBufferSpeechStoppedEvent = serverEvent(
  'input_audio_buffer.speech_stopped',
  { audio_end_ms: AudioMs, item_id: Type.String() },
  'Server VAD heard speech end (the configured silence included).',
);
export type InputAudioBufferSpeechStoppedEvent = Static<typeof InputAudioBufferSpeechStoppedEvent>;

export const InputAudioBufferTimeoutTriggeredEvent = serverEvent(
  'input_audio_buffer.timeout_triggered',
  { audio_start_ms: AudioMs, audio_end_ms: AudioMs, item_id: Type.String() },
  'server_vad.idle_timeout_ms expired; the silent audio is committed and a response follows (OpenAI GA).',
);
export type InputAudioBufferTimeoutTriggeredEvent = Static<typeof InputAudioBufferTimeoutTriggeredEvent>;

export const InputAudioBufferDtmfEventReceivedEvent = serverEvent(
  'input_audio_buffer.dtmf_event_received',
  { event: Type.String({ description: 'The keypad character' }), received_at: Type.Number() },
  'A DTMF key press arrived on a SIP call (OpenAI GA).',
);
export type InputAudioBufferDtmfEventReceivedEvent = Static<typeof InputAudioBufferDtmfEventReceivedEvent>;
