import { describe, expect, it } from 'vitest';
import {
  DIALECT_DEFAULTS,
  DIALECTS,
  detectDialect,
  dialectFromSessionShape,
  isDialect,
  readHeader,
  sessionShapeOf,
} from './dialect.js';

describe('detectDialect', () => {
  it('takes ?dialect= first, whatever else the connection says', () => {
    for (const dialect of DIALECTS) {
      expect(
        detectDialect({ dialect, model: 'gpt-realtime', headers: { 'OpenAI-Beta': 'realtime=v1', 'X-Conversation-Id': 's' } }),
      ).toBe(dialect);
    }
  });

  it('ignores an unknown ?dialect= value and falls through', () => {
    expect(detectDialect({ dialect: 'OpenAI', model: 'gpt-4o-realtime' })).toBe('openai');
    expect(detectDialect({ dialect: 'klingon' })).toBe('stepfun');
  });

  it('selects openai-beta from the OpenAI-Beta header, in any case and among other values', () => {
    expect(detectDialect({ headers: { 'openai-beta': 'realtime=v1' } })).toBe('openai-beta');
    expect(detectDialect({ headers: { 'OpenAI-Beta': 'assistants=v2, realtime=v1' }, model: 'gpt-4o' })).toBe('openai-beta');
    expect(detectDialect({ headers: new Headers({ 'OpenAI-Beta': 'realtime=v1' }) })).toBe('openai-beta');
    expect(detectDialect({ headers: { 'OpenAI-Beta': 'realtime=v2' } })).toBe('stepfun');
  });

  it('selects openai-beta from the browser subprotocol form of the header', () => {
    const headers = { 'sec-websocket-protocol': 'realtime, openai-insecure-api-key.k, openai-beta.realtime-v1' };
    expect(detectDialect({ headers, model: 'gpt-4o-realtime-preview' })).toBe('openai-beta');
    expect(detectDialect({ headers: { 'sec-websocket-protocol': 'realtime' }, model: 'gpt-realtime' })).toBe('openai');
  });

  it('selects GA for gpt- models, Volcengine for AG- models and X-Conversation-Id', () => {
    expect(detectDialect({ model: 'gpt-realtime' })).toBe('openai');
    expect(detectDialect({ model: 'AG-voice-chat-agent' })).toBe('volcengine');
    expect(detectDialect({ model: 'step-1o-audio', headers: { 'x-conversation-id': 'sess_1' } })).toBe('volcengine');
    expect(detectDialect({ model: 'step-1o-audio', headers: { 'x-conversation-id': '  ' } })).toBe('stepfun');
    expect(detectDialect({ model: 'gpt-realtime', headers: { 'X-Conversation-Id': 'sess_1' } })).toBe('openai');
    expect(detectDialect({ model: 'ag-lowercase' })).toBe('stepfun');
  });

  it("falls back to the route's default, else stepfun", () => {
    expect(detectDialect({})).toBe('stepfun');
    expect(detectDialect({ model: 'stepaudio-2.5-realtime', routeDefault: 'openai-beta' })).toBe('openai-beta');
  });
});

describe('readHeader', () => {
  it('joins repeated values and ignores missing ones', () => {
    expect(readHeader({ 'X-A': ['1', '2'] }, 'x-a')).toBe('1,2');
    expect(readHeader({ 'X-A': undefined }, 'x-a')).toBeUndefined();
    expect(readHeader(null, 'x-a')).toBeUndefined();
  });
});

describe('session shape', () => {
  it('recognises GA markers', () => {
    expect(sessionShapeOf({ type: 'realtime' })).toBe('nested');
    expect(sessionShapeOf({ audio: { output: { voice: 'marin' } } })).toBe('nested');
    expect(sessionShapeOf({ output_modalities: ['audio'] })).toBe('nested');
    expect(sessionShapeOf({ max_output_tokens: 10 })).toBe('nested');
  });

  it('recognises flat fields, and says nothing about neutral or non-object sessions', () => {
    expect(sessionShapeOf({ voice: 'alloy' })).toBe('flat');
    expect(sessionShapeOf({ turn_detection: null })).toBe('flat');
    expect(sessionShapeOf({ instructions: 'hi', tools: [] })).toBeNull();
    expect(sessionShapeOf([])).toBeNull();
    expect(sessionShapeOf(null)).toBeNull();
    expect(sessionShapeOf({ audio: 'x' })).toBeNull();
  });

  it('switches to GA on a nested session and to beta on a flat session sent to GA', () => {
    expect(dialectFromSessionShape({ type: 'realtime' }, 'stepfun')).toBe('openai');
    expect(dialectFromSessionShape({ type: 'realtime' })).toBe('openai');
    expect(dialectFromSessionShape({ voice: 'alloy' }, 'openai')).toBe('openai-beta');
    expect(dialectFromSessionShape({ voice: 'alloy' }, 'volcengine')).toBeNull();
    expect(dialectFromSessionShape({ instructions: 'x' }, 'openai')).toBeNull();
  });
});

describe('defaults table', () => {
  it('follows notes Part 1', () => {
    expect(DIALECT_DEFAULTS.volcengine).toMatchObject({ inputSampleRate: 16_000, outputSampleRate: 16_000, historyTurns: 10, idleTimeoutMs: 120_000 });
    expect(DIALECT_DEFAULTS.stepfun).toMatchObject({ inputSampleRate: 24_000, turnDetectionOnConnect: 'off', sessionShape: 'flat' });
    expect(DIALECT_DEFAULTS.openai).toMatchObject({ sessionShape: 'nested', turnDetectionOnConnect: 'server_vad' });
    expect(DIALECT_DEFAULTS['openai-beta'].encodings).toContain('g711_ulaw');
    for (const dialect of DIALECTS) expect(isDialect(dialect)).toBe(true);
    expect(isDialect('openai-ga')).toBe(false);
  });
});
