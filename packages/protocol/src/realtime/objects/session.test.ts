import { describe, expect, it } from 'vitest';
import { DIALECTS, type Dialect } from '../dialect.js';
import { type SessionConfig, sessionFromWire, sessionToWire } from './session.js';

function decode(wire: unknown, dialect: Dialect = 'stepfun'): SessionConfig {
  const result = sessionFromWire(wire, dialect);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const gaWire = {
  type: 'realtime',
  model: 'gpt-realtime',
  output_modalities: ['audio'],
  instructions: 'Be brief.',
  audio: {
    input: {
      format: { type: 'audio/pcm', rate: 24000 },
      noise_reduction: { type: 'near_field' },
      transcription: { model: 'gpt-4o-mini-transcribe', language: 'en' },
      turn_detection: { type: 'semantic_vad', eagerness: 'high', create_response: true },
    },
    output: { format: { type: 'audio/pcmu' }, voice: 'marin', speed: 1.1 },
  },
  tools: [{ type: 'function', name: 'lookup', parameters: { type: 'object' } }],
  tool_choice: 'auto',
  max_output_tokens: 'inf',
  tracing: 'auto',
  truncation: { type: 'retention_ratio', retention_ratio: 0.5 },
  include: ['item.input_audio_transcription.logprobs'],
};

const betaWire = {
  modalities: ['text', 'audio'],
  instructions: 'Be brief.',
  voice: 'marin',
  speed: 1.1,
  input_audio_format: 'pcm16',
  output_audio_format: 'g711_ulaw',
  input_audio_noise_reduction: { type: 'near_field' },
  input_audio_transcription: { model: 'gpt-4o-mini-transcribe', language: 'en' },
  turn_detection: { type: 'semantic_vad', eagerness: 'high', create_response: true },
  tools: [{ type: 'function', name: 'lookup', parameters: { type: 'object' } }],
  tool_choice: 'auto',
  temperature: 0.8,
  max_response_output_tokens: 'inf',
};

describe('session mapping', () => {
  it('maps the GA nested session to beta names', () => {
    const session = decode(gaWire, 'openai');
    expect(session).toMatchObject({
      type: 'realtime',
      modalities: ['text', 'audio'],
      voice: 'marin',
      speed: 1.1,
      input_audio_format: { encoding: 'pcm16', rate: 24000 },
      output_audio_format: { encoding: 'g711_ulaw' },
      input_audio_noise_reduction: { type: 'near_field' },
      turn_detection: { type: 'semantic_vad', eagerness: 'high' },
      max_response_output_tokens: 'inf',
    });
    expect(session.extra).toBeUndefined();
  });

  it('round-trips each shape in its own dialect', () => {
    expect(sessionToWire(decode(gaWire, 'openai'), 'openai')).toEqual(gaWire);
    for (const dialect of ['stepfun', 'volcengine', 'openai-beta'] as const) {
      expect(sessionToWire(decode(betaWire, dialect), dialect)).toEqual(betaWire);
    }
  });

  it('converts beta to GA and back', () => {
    const ga = sessionToWire(decode(betaWire, 'openai-beta'), 'openai');
    expect(ga).toMatchObject({
      type: 'realtime',
      output_modalities: ['audio'],
      max_output_tokens: 'inf',
      audio: { input: { format: { type: 'audio/pcm' } }, output: { format: { type: 'audio/pcmu' }, voice: 'marin' } },
    });
    expect(ga).not.toHaveProperty('voice');
    expect(ga).not.toHaveProperty('modalities');
    expect(sessionToWire(decode(ga, 'openai'), 'openai-beta')).toEqual({ ...betaWire, type: 'realtime' });
  });

  it('maps text-only and audio-only modalities between shapes', () => {
    expect(decode({ output_modalities: ['text'] }).modalities).toEqual(['text']);
    expect(sessionToWire({ modalities: ['text'] }, 'openai')).toMatchObject({ output_modalities: ['text'] });
    // Volcengine's ["audio"] (no transcript events) stays ["audio"] in flat dialects.
    expect(sessionToWire(decode({ modalities: ['audio'] }, 'volcengine'), 'volcengine')).toEqual({ modalities: ['audio'] });
    expect(sessionToWire({ modalities: ['audio'] }, 'openai')).toMatchObject({ output_modalities: ['audio'] });
  });

  it('keeps unknown fields, nested ones included, and writes them back', () => {
    const wire = { type: 'realtime', vendor: { a: 1 }, audio: { input: { echo_cancel: true }, spatial: false } };
    const session = decode(wire, 'openai');
    expect(session.extra).toEqual({ vendor: { a: 1 }, audio: { input: { echo_cancel: true }, spatial: false } });
    expect(sessionToWire(session, 'openai')).toEqual(wire);
    const hostile = decode(JSON.parse('{"voice":"x","speaker_id":7,"__proto__":{"polluted":true}}'));
    expect(hostile.voice).toBe('x');
    expect(Object.keys(hostile.extra ?? {})).toEqual(['speaker_id', '__proto__']);
    expect(Object.getPrototypeOf(hostile.extra)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const echoed = sessionToWire(hostile, 'stepfun');
    expect(JSON.parse(JSON.stringify(echoed))).toEqual(JSON.parse('{"voice":"x","speaker_id":7,"__proto__":{"polluted":true}}'));
    expect(Object.getPrototypeOf(echoed)).toBe(Object.prototype);
    expect(Object.hasOwn(echoed, '__proto__')).toBe(true);
  });

  it('accepts GA fields in flat dialects and flat fields in GA (a superset)', () => {
    expect(decode({ audio: { output: { voice: 'v' } } }, 'volcengine').voice).toBe('v');
    expect(decode({ type: 'realtime', voice: 'v', input_audio_format: 'g711_alaw' }, 'openai')).toMatchObject({
      voice: 'v',
      input_audio_format: { encoding: 'g711_alaw' },
    });
  });

  it('requires type only when asked (GA session.update)', () => {
    expect(sessionFromWire({ voice: 'x' }, 'openai', 'session', { requireType: true })).toMatchObject({
      ok: false,
      error: { code: 'missing_required_parameter', param: 'session.type' },
    });
    expect(sessionFromWire({ voice: 'x' }, 'openai').ok).toBe(true);
  });

  it("keeps StepFun's string token limit as it came", () => {
    const wire = { max_response_output_tokens: '4096', modalities: ['text', 'audio'] };
    for (const dialect of DIALECTS.filter((d) => d !== 'openai')) expect(sessionToWire(decode(wire), dialect)).toEqual(wire);
  });

  it('always writes a type for GA', () => {
    expect(sessionToWire({ instructions: 'x' }, 'openai')).toEqual({ type: 'realtime', instructions: 'x' });
    expect(sessionToWire({ instructions: 'x' }, 'stepfun')).toEqual({ instructions: 'x' });
  });
});
