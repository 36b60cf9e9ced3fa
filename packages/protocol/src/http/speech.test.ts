import { describe, expect, it } from 'vitest';
import { decodeSpeechRequest } from './speech-request.js';
import {
  decodeSpeechStreamEvent,
  encodeSpeechStreamEvent,
  speechAudioDelta,
  speechAudioDone,
  speechAudioError,
} from './speech-stream-events.js';

const base = { model: 'stepaudio-2.5-tts', input: '今天天气不错。', voice: 'cixingnansheng' };
const errorOf = (body: unknown) => {
  const result = decodeSpeechRequest(body);
  if (result.ok) throw new Error('expected an error');
  return result.error;
};

describe('decodeSpeechRequest', () => {
  it('accepts the documented options and leaves defaults to the server', () => {
    const body = { ...base, response_format: 'pcm', speed: 0.5, volume: 2, sample_rate: 22050, stream_format: 'sse', voice_label: { style: '慢速' } };
    const result = decodeSpeechRequest(JSON.stringify(body));
    expect(result.ok && result.event).toEqual(body);
  });

  it('names missing and out-of-range fields', () => {
    const { voice: _voice, ...noVoice } = base;
    expect(errorOf(noVoice)).toMatchObject({ code: 'missing_required_parameter', param: 'voice' });
    const format = errorOf({ ...base, response_format: 'ogg' });
    expect(format).toMatchObject({ code: 'invalid_value', param: 'response_format' });
    for (const f of ['wav', 'mp3', 'flac', 'opus', 'pcm']) expect(format.message).toContain(f);
    expect(errorOf({ ...base, speed: 2.5 })).toMatchObject({ code: 'invalid_value', param: 'speed' });
    expect(errorOf({ ...base, volume: 0 })).toMatchObject({ code: 'invalid_value', param: 'volume' });
    expect(errorOf({ ...base, stream_format: 'chunked' })).toMatchObject({ code: 'invalid_value', param: 'stream_format' });
    expect(errorOf({ ...base, input: '' })).toMatchObject({ code: 'invalid_value', param: 'input' });
    expect(errorOf({ ...base, input: 'a'.repeat(1001) })).toMatchObject({ code: 'invalid_value', param: 'input' });
    expect(errorOf({ ...base, voice_label: {} })).toMatchObject({ code: 'invalid_value', param: 'voice_label' });
  });
});

describe('speech SSE events', () => {
  it('round-trips the events a server sends', () => {
    for (const event of [speechAudioDelta('SUQzBAAAAAAA'), speechAudioDone(), speechAudioError('upstream_error', 'synthesis failed')]) {
      const decoded = decodeSpeechStreamEvent(encodeSpeechStreamEvent(event));
      expect(decoded.ok && decoded.event).toEqual(event);
    }
  });

  it('requires the audio of a delta', () => {
    const result = decodeSpeechStreamEvent({ type: 'speech.audio.delta' });
    expect(result.ok || result.error).toMatchObject({ code: 'missing_required_parameter', param: 'audio' });
  });
});
