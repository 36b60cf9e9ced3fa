/**
 * The hot path: `input_audio_buffer.append`, hundreds of sessions times tens of
 * events a second. It skips the generic schema machinery: a few property
 * checks, the size from the length, and one linear scan of the base64
 * alphabet (skipped with `audioCheck: 'size'`, when the session decodes the
 * audio at once and refuses bad base64 itself). The audio is not decoded here.
 */
import type { InputAudioBufferAppendEvent } from '../client-events/audio-buffer-events.js';
import { type AudioCheck, audioBase64Error } from '../objects/base64.js';
import { attachExtra, unknownFields } from '../objects/extra.js';
import { missing, type ObjectResult, success, wrongType } from '../objects/result.js';

const KNOWN = new Set(['type', 'event_id', 'audio']);

export function decodeAppend(
  wire: Record<string, unknown>,
  audioCheck: AudioCheck = 'full',
): ObjectResult<InputAudioBufferAppendEvent> {
  if (!Object.hasOwn(wire, 'audio')) return missing('audio');
  const audio = wire.audio;
  if (typeof audio !== 'string') return wrongType('audio', 'a base64 string', audio);
  const audioError = audioBase64Error(audio, 'audio', {
    check: audioCheck,
    tooLargeHint: ' (15 MiB); send smaller chunks',
    invalidHint: ' (standard alphabet, padded)',
  });
  if (audioError) return { ok: false, error: audioError };
  const event: InputAudioBufferAppendEvent = { type: 'input_audio_buffer.append', audio };
  if (typeof wire.event_id === 'string') event.event_id = wire.event_id;
  // Most appends carry only type, event_id and audio: skip the scan for unknown fields then.
  const keys = Object.keys(wire).length;
  if (keys > 3 || (keys === 3 && !Object.hasOwn(wire, 'event_id'))) attachExtra(event, unknownFields(wire, KNOWN));
  return success(event);
}
