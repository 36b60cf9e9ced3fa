/**
 * `output_audio_buffer.*` server events: server-side playback on WebRTC/SIP
 * (notes Part 3 §3.5). They do not occur on a plain WebSocket, where the client
 * plays the audio itself; they are typed so relays can carry them.
 */
import Type, { type Static } from 'typebox';
import { serverEvent } from './common.js';

const responseId = { response_id: Type.String() };

export const OutputAudioBufferStartedEvent = serverEvent(
  'output_audio_buffer.started',
  responseId,
  'The server began playing a response to the peer.',
);
export type OutputAudioBufferStartedEvent = Static<typeof OutputAudioBufferStartedEvent>;

export const OutputAudioBufferStoppedEvent = serverEvent(
  'output_audio_buffer.stopped',
  responseId,
  'The output buffer drained.',
);
export type OutputAudioBufferStoppedEvent = Static<typeof OutputAudioBufferStoppedEvent>;

export const OutputAudioBufferClearedEvent = serverEvent(
  'output_audio_buffer.cleared',
  responseId,
  'The output buffer was cut (barge-in or output_audio_buffer.clear).',
);
export type OutputAudioBufferClearedEvent = Static<typeof OutputAudioBufferClearedEvent>;
