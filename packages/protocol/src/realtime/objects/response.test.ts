import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../dialect.js';
import { responseParamsFromWire, responseParamsToWire } from './response-params.js';
import { type ResponseObject, responseFromWire, responseToWire } from './response.js';

function decode(wire: unknown): ResponseObject {
  const result = responseFromWire(wire, 'stepfun');
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const stepfunDone = {
  id: 'resp_001',
  object: 'realtime.response',
  status: 'completed',
  status_details: null,
  output: [
    {
      id: 'msg_006',
      object: 'realtime.item',
      type: 'message',
      status: 'completed',
      role: 'assistant',
      content: [{ type: 'text', text: 'Sure, how can I assist you today?' }],
    },
  ],
  usage: { total_tokens: 275, total_asr_time: 256, total_audio_characters: 256, input_tokens: 127, output_tokens: 148 },
};

describe('response objects', () => {
  it("keeps StepFun's usage counters and round-trips in flat dialects", () => {
    const response = decode(stepfunDone);
    expect(response.usage).toMatchObject({ total_asr_time: 256, total_audio_characters: 256 });
    for (const dialect of DIALECTS.filter((d) => d !== 'openai')) expect(responseToWire(response, dialect)).toEqual(stepfunDone);
  });

  it('nests audio output settings and renames fields for GA', () => {
    const response: ResponseObject = {
      id: 'r',
      status: 'cancelled',
      status_details: { type: 'cancelled', reason: 'turn_detected' },
      modalities: ['text', 'audio'],
      voice: 'marin',
      output_audio_format: { encoding: 'pcm16', rate: 24000 },
      max_response_output_tokens: 4096,
      usage: { total_tokens: 1, input_token_details: { cached_tokens: 0, audio_tokens: 1 } },
    };
    const wire = responseToWire(response, 'openai');
    expect(wire).toEqual({
      id: 'r',
      status: 'cancelled',
      status_details: { type: 'cancelled', reason: 'turn_detected' },
      output_modalities: ['audio'],
      audio: { output: { voice: 'marin', format: { type: 'audio/pcm', rate: 24000 } } },
      max_output_tokens: 4096,
      usage: { total_tokens: 1, input_token_details: { cached_tokens: 0, audio_tokens: 1 } },
    });
    expect(responseFromWire(wire, 'openai')).toEqual({ ok: true, value: response });
  });

  it('rejects an unknown status and names output item paths', () => {
    expect(responseFromWire({ status: 'paused' }, 'openai')).toMatchObject({ ok: false, error: { code: 'invalid_value', param: 'response.status' } });
    expect(responseFromWire({ output: [{ type: 'message', role: 'assistant' }] }, 'openai')).toMatchObject({
      ok: false,
      error: { code: 'missing_required_parameter', param: 'response.output[0].content' },
    });
  });
});

describe('response.create parameters', () => {
  it('map between flat and GA shapes', () => {
    const flat = { modalities: ['text'], voice: 'alloy', output_audio_format: 'pcm16', max_response_output_tokens: 200, conversation: 'none' };
    const decoded = responseParamsFromWire(flat, 'openai-beta');
    if (!decoded.ok) throw new Error('decode');
    const ga = responseParamsToWire(decoded.value, 'openai');
    expect(ga).toEqual({
      output_modalities: ['text'],
      audio: { output: { voice: 'alloy', format: { type: 'audio/pcm' } } },
      max_output_tokens: 200,
      conversation: 'none',
    });
    const back = responseParamsFromWire(ga, 'openai');
    if (!back.ok) throw new Error('decode');
    expect(responseParamsToWire(back.value, 'openai-beta')).toEqual(flat);
  });

  it('keep unknown parameters (e.g. StepFun stateless history) in extra', () => {
    const wire = { modalities: ['text', 'audio'], history: [{ role: 'user', content: 'hi' }], speed_ratio: 1.2 };
    const decoded = responseParamsFromWire(wire, 'stepfun');
    if (!decoded.ok) throw new Error('decode');
    expect(decoded.value.extra).toEqual({ history: wire.history, speed_ratio: 1.2 });
    expect(responseParamsToWire(decoded.value, 'stepfun')).toEqual(wire);
  });
});
