/**
 * Input audio buffer events, and GA's `output_audio_buffer.clear` (WebRTC/SIP
 * only on OpenAI; accepted everywhere by Parley).
 *
 * `input_audio_buffer.append` carries base64 audio in the session's input
 * format, at most 15 MiB decoded per event; the server sends no
 * acknowledgement.
 */
import Type, { type Static } from 'typebox';
import { clientEvent, clientEventWire } from './common.js';

const audio = Type.String({
  description: 'Base64 audio in the input format (standard alphabet, padded), at most 15 MiB decoded.',
  contentEncoding: 'base64',
});

export const InputAudioBufferAppendEvent = clientEvent(
  'input_audio_buffer.append',
  { audio },
  'Appends audio to the input buffer. No acknowledgement.',
);
export type InputAudioBufferAppendEvent = Static<typeof InputAudioBufferAppendEvent>;

export const InputAudioBufferCommitEvent = clientEvent(
  'input_audio_buffer.commit',
  {},
  'Commits the input buffer as a user item; an error when it is empty.',
);
export type InputAudioBufferCommitEvent = Static<typeof InputAudioBufferCommitEvent>;

export const InputAudioBufferClearEvent = clientEvent(
  'input_audio_buffer.clear',
  {},
  'Clears the input buffer; answered by input_audio_buffer.cleared.',
);
export type InputAudioBufferClearEvent = Static<typeof InputAudioBufferClearEvent>;

export const OutputAudioBufferClearEvent = clientEvent(
  'output_audio_buffer.clear',
  {},
  'GA: cuts the audio the server is playing out; answered by output_audio_buffer.cleared.',
);
export type OutputAudioBufferClearEvent = Static<typeof OutputAudioBufferClearEvent>;

export const InputAudioBufferAppendWire = clientEventWire('input_audio_buffer.append', { audio }, 'Appends audio.');
export const InputAudioBufferCommitWire = clientEventWire('input_audio_buffer.commit', {}, 'Commits the input buffer.');
export const InputAudioBufferClearWire = clientEventWire('input_audio_buffer.clear', {}, 'Clears the input buffer.');
export const OutputAudioBufferClearWire = clientEventWire('output_audio_buffer.clear', {}, 'Cuts output playback.');
