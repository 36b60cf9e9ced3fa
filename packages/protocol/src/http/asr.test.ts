import { describe, expect, it } from 'vitest';
import { createAsrEventFactory, decodeAsrEvent, encodeAsrEvent, isFinalAsrEvent } from './asr-events.js';
import { asrModel, decodeAsrRequest } from './asr-request.js';

const pcm = (format: Record<string, unknown>, transcription: Record<string, unknown> = {}) => ({
  audio: { data: 'AAAAAA==', input: { transcription, format: { type: 'pcm', ...format } } },
});
const errorOf = (result: ReturnType<typeof decodeAsrRequest> | ReturnType<typeof decodeAsrEvent>) => {
  if (result.ok) throw new Error('expected an error');
  return result.error;
};

describe('decodeAsrRequest', () => {
  it('needs audio data or a URL', () => {
    expect(errorOf(decodeAsrRequest({ audio: {} }))).toMatchObject({ code: 'missing_required_parameter', param: 'audio.data' });
    expect(errorOf(decodeAsrRequest({}))).toMatchObject({ code: 'missing_required_parameter', param: 'audio' });
    expect(decodeAsrRequest({ audio: { url: 'https://example.com/a.wav' } }).ok).toBe(true);
    expect(errorOf(decodeAsrRequest({ audio: { data: 'not*base64' } }))).toMatchObject({ code: 'invalid_audio', param: 'audio.data' });
  });

  it('never guesses the rate of raw pcm', () => {
    expect(errorOf(decodeAsrRequest(pcm({})))).toMatchObject({ code: 'missing_required_parameter', param: 'audio.input.format.rate' });
    expect(errorOf(decodeAsrRequest(pcm({ rate: 16000, bits: 8 })))).toMatchObject({ code: 'invalid_value', param: 'audio.input.format.bits' });
    expect(errorOf(decodeAsrRequest(pcm({ rate: 16000, codec: 'pcm_f32le' })))).toMatchObject({ param: 'audio.input.format.codec' });
    expect(errorOf(decodeAsrRequest(pcm({ rate: 16000, channel: 6 })))).toMatchObject({ param: 'audio.input.format.channel' });
    expect(decodeAsrRequest(pcm({ rate: 16000 })).ok).toBe(true);
    const wav = { audio: { data: 'AAAA', input: { format: { type: 'wav' } } } };
    expect(decodeAsrRequest(wav).ok).toBe(true);
    const flac = { audio: { data: 'AAAA', input: { format: { type: 'flac' } } } };
    expect(errorOf(decodeAsrRequest(flac))).toMatchObject({ code: 'invalid_value', param: 'audio.input.format.type' });
  });

  it('resolves the model, legacy alias included', () => {
    const decode = (transcription: Record<string, unknown>) => {
      const result = decodeAsrRequest(pcm({ rate: 16000 }, transcription));
      if (!result.ok) throw new Error(result.error.message);
      return asrModel(result.event);
    };
    expect(decode({})).toBe('stepaudio-2.5-asr');
    expect(decode({ model: 'step-asr-1.1-stream' })).toBe('stepaudio-2.5-asr');
    expect(decode({ model: 'stepaudio-2-asr-pro' })).toBe('stepaudio-2-asr-pro');
  });
});

describe('ASR SSE events', () => {
  it('builds a stream with meta from the injected clock', () => {
    let now = 1760000000123.7;
    const events = createAsrEventFactory({ sessionId: 'sse_1', now: () => now });
    const delta = events.delta('你好', { itemId: 'item_1', contentIndex: 0, startMs: 0, endMs: 479.6 });
    now += 333;
    const done = events.done('你好，世界', { type: 'realtime_asr', input_tokens: 120, output_tokens: 6, total_tokens: 126 });
    expect(delta).toMatchObject({ meta: { session_id: 'sse_1', timestamp: 1760000000123 }, start_time: 0, end_time: 480 });
    expect(done.meta.timestamp).toBe(1760000000456);
    expect(isFinalAsrEvent(delta)).toBe(false);
    expect(isFinalAsrEvent(done)).toBe(true);
    expect(isFinalAsrEvent(events.error('content blocked'))).toBe(true);
    for (const event of [delta, done, events.delta('plain'), events.error('x')]) {
      const decoded = decodeAsrEvent(encodeAsrEvent(event));
      expect(decoded.ok && decoded.event).toEqual(event);
    }
  });

  it('names what an event lacks', () => {
    expect(errorOf(decodeAsrEvent({ type: 'transcript.text.delta', delta: 'x' }))).toMatchObject({
      code: 'missing_required_parameter',
      param: 'meta',
    });
    expect(errorOf(decodeAsrEvent({ type: 'transcript.text.partial' }))).toMatchObject({ code: 'unknown_event' });
  });
});
