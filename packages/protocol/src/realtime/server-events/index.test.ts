import { Compile } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../dialect.js';
import { decodeServerEvent } from '../server-codec/decode.js';
import { encodeServerEvent } from '../server-codec/encode.js';
import { isServerEventType, realtimeServerSchemas, SERVER_EVENT_TYPES, type ServerEvent, type ServerEventType } from './index.js';

/** The server events the issue asks for, by their canonical names. */
const REQUIRED: readonly string[] = [
  'error',
  'session.created',
  'session.updated',
  'transcription_session.updated',
  'conversation.created',
  'input_audio_buffer.committed',
  'input_audio_buffer.cleared',
  'input_audio_buffer.speech_started',
  'input_audio_buffer.speech_stopped',
  'input_audio_buffer.timeout_triggered',
  'conversation.item.created',
  'conversation.item.done',
  'conversation.item.retrieved',
  'conversation.item.truncated',
  'conversation.item.deleted',
  'conversation.item.input_audio_transcription.delta',
  'conversation.item.input_audio_transcription.completed',
  'conversation.item.input_audio_transcription.failed',
  'response.created',
  'response.done',
  'response.cancelled',
  'response.output_item.added',
  'response.output_item.done',
  'response.content_part.added',
  'response.content_part.done',
  'response.text.delta',
  'response.text.done',
  'response.audio.delta',
  'response.audio.done',
  'response.audio_transcript.delta',
  'response.audio_transcript.done',
  'response.function_call_arguments.delta',
  'response.function_call_arguments.done',
  'rate_limits.updated',
  'response.thinking.delta',
  'response.thinking.done',
  'output_audio_buffer.started',
  'output_audio_buffer.stopped',
  'output_audio_buffer.cleared',
];

const at = { response_id: 'resp_1', item_id: 'item_2', output_index: 0, content_index: 0 };
const message = {
  id: 'item_2',
  object: 'realtime.item',
  type: 'message' as const,
  status: 'completed',
  role: 'assistant' as const,
  content: [{ type: 'text' as const, text: 'Hi' }],
};
const response = { id: 'resp_1', object: 'realtime.response', status: 'completed' as const, status_details: null, output: [message], usage: null };

/** One canonical event of every type, as a Parley server would build it. */
const EXAMPLES: { [T in ServerEventType]: Extract<ServerEvent, { type: T }> } = {
  error: { type: 'error', event_id: 'e', error: { type: 'invalid_request_error', code: 'invalid_value', message: 'no', param: 'voice', event_id: 'c1' } },
  'session.created': { type: 'session.created', event_id: 'e', session: { id: 'sess_1', modalities: ['text', 'audio'], voice: 'alloy' } },
  'session.updated': { type: 'session.updated', event_id: 'e', session: { instructions: 'Be brief.', turn_detection: null } },
  'transcription_session.updated': { type: 'transcription_session.updated', event_id: 'e', session: { input_audio_transcription: { model: 'any' } } },
  'conversation.created': { type: 'conversation.created', event_id: 'e', conversation: { id: 'conv_1', object: 'realtime.conversation' } },
  'rate_limits.updated': { type: 'rate_limits.updated', event_id: 'e', rate_limits: [{ name: 'tokens', limit: 100, remaining: 90, reset_seconds: 1.5 }] },
  'input_audio_buffer.committed': { type: 'input_audio_buffer.committed', event_id: 'e', previous_item_id: null, item_id: 'item_1' },
  'input_audio_buffer.cleared': { type: 'input_audio_buffer.cleared', event_id: 'e' },
  'input_audio_buffer.speech_started': { type: 'input_audio_buffer.speech_started', event_id: 'e', audio_start_ms: 120, item_id: 'item_1' },
  'input_audio_buffer.speech_stopped': { type: 'input_audio_buffer.speech_stopped', event_id: 'e', audio_end_ms: 900, item_id: 'item_1' },
  'input_audio_buffer.timeout_triggered': { type: 'input_audio_buffer.timeout_triggered', event_id: 'e', audio_start_ms: 0, audio_end_ms: 5000, item_id: 'item_1' },
  'input_audio_buffer.dtmf_event_received': { type: 'input_audio_buffer.dtmf_event_received', event_id: 'e', event: '5', received_at: 1700000000 },
  'conversation.item.created': { type: 'conversation.item.created', event_id: 'e', previous_item_id: 'item_1', item: message },
  'conversation.item.done': { type: 'conversation.item.done', event_id: 'e', previous_item_id: 'item_1', item: message },
  'conversation.item.retrieved': { type: 'conversation.item.retrieved', event_id: 'e', item: message },
  'conversation.item.truncated': { type: 'conversation.item.truncated', event_id: 'e', item_id: 'item_2', content_index: 0, audio_end_ms: 1500 },
  'conversation.item.deleted': { type: 'conversation.item.deleted', event_id: 'e', item_id: 'item_2' },
  'conversation.item.input_audio_transcription.delta': { type: 'conversation.item.input_audio_transcription.delta', event_id: 'e', item_id: 'item_1', content_index: 0, delta: 'Hel' },
  'conversation.item.input_audio_transcription.completed': { type: 'conversation.item.input_audio_transcription.completed', event_id: 'e', item_id: 'item_1', content_index: 0, transcript: 'Hello' },
  'conversation.item.input_audio_transcription.failed': { type: 'conversation.item.input_audio_transcription.failed', event_id: 'e', item_id: 'item_1', content_index: 0, error: { type: 'server_error', code: 'upstream_error', message: 'asr down', param: null } },
  'conversation.item.input_audio_transcription.segment': { type: 'conversation.item.input_audio_transcription.segment', event_id: 'e', id: 'seg_1', item_id: 'item_1', content_index: 0, text: 'Hello', speaker: 'A', start: 0, end: 0.6 },
  'response.created': { type: 'response.created', event_id: 'e', response: { ...response, status: 'in_progress', output: [] } },
  'response.done': { type: 'response.done', event_id: 'e', response },
  'response.cancelled': { type: 'response.cancelled', event_id: 'e', response_id: 'resp_1' },
  'response.output_item.added': { type: 'response.output_item.added', event_id: 'e', response_id: 'resp_1', output_index: 0, item: { ...message, status: 'in_progress', content: [] } },
  'response.output_item.done': { type: 'response.output_item.done', event_id: 'e', response_id: 'resp_1', output_index: 0, item: message },
  'response.content_part.added': { type: 'response.content_part.added', event_id: 'e', ...at, part: { type: 'text', text: '' } },
  'response.content_part.done': { type: 'response.content_part.done', event_id: 'e', ...at, part: { type: 'text', text: 'Hi' } },
  'response.text.delta': { type: 'response.text.delta', event_id: 'e', ...at, delta: 'Hi' },
  'response.text.done': { type: 'response.text.done', event_id: 'e', ...at, text: 'Hi' },
  'response.audio.delta': { type: 'response.audio.delta', event_id: 'e', ...at, delta: 'AAABAP//' },
  'response.audio.done': { type: 'response.audio.done', event_id: 'e', ...at },
  'response.audio_transcript.delta': { type: 'response.audio_transcript.delta', event_id: 'e', ...at, delta: 'Hi' },
  'response.audio_transcript.done': { type: 'response.audio_transcript.done', event_id: 'e', ...at, transcript: 'Hi' },
  'response.thinking.delta': { type: 'response.thinking.delta', event_id: 'e', ...at, delta: 'Let me see' },
  'response.thinking.done': { type: 'response.thinking.done', event_id: 'e', ...at, thinking: 'Let me see.' },
  'response.function_call_arguments.delta': { type: 'response.function_call_arguments.delta', event_id: 'e', response_id: 'resp_1', item_id: 'item_3', output_index: 0, call_id: 'call_1', delta: '{"city":' },
  'response.function_call_arguments.done': { type: 'response.function_call_arguments.done', event_id: 'e', response_id: 'resp_1', item_id: 'item_3', output_index: 0, call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
  'output_audio_buffer.started': { type: 'output_audio_buffer.started', event_id: 'e', response_id: 'resp_1' },
  'output_audio_buffer.stopped': { type: 'output_audio_buffer.stopped', event_id: 'e', response_id: 'resp_1' },
  'output_audio_buffer.cleared': { type: 'output_audio_buffer.cleared', event_id: 'e', response_id: 'resp_1' },
};

describe('realtimeServerSchemas', () => {
  it('covers every server event the issue names', () => {
    for (const type of REQUIRED) expect(isServerEventType(type), type).toBe(true);
  });

  it('keys each schema by the type it describes', () => {
    for (const [type, schema] of Object.entries(realtimeServerSchemas)) {
      expect((schema as { title?: string }).title).toBe(type);
      expect((schema.properties.type as { const?: string }).const).toBe(type);
      expect(schema.required).toContain('type');
      expect(schema.required).not.toContain('event_id');
    }
    expect(Object.keys(realtimeServerSchemas).sort()).toEqual([...SERVER_EVENT_TYPES].sort());
  });

  it('serialises to plain JSON Schema', () => {
    for (const schema of Object.values(realtimeServerSchemas)) {
      expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    }
  });

  it('accepts a canonical event of every type and refuses one with another type', () => {
    for (const type of SERVER_EVENT_TYPES) {
      const validator = Compile(realtimeServerSchemas[type]);
      expect(validator.Check(EXAMPLES[type]), type).toBe(true);
      expect(validator.Check({ ...EXAMPLES[type], type: 'something.else' })).toBe(false);
    }
  });
});

/** GA sessions always say their `type` (`realtime` unless set), so it comes back from the wire. */
function expected(event: ServerEvent, dialect: string): ServerEvent {
  const gaSession = dialect === 'openai' && (event.type === 'session.created' || event.type === 'session.updated');
  return gaSession && event.session.type === undefined ? { ...event, session: { ...event.session, type: 'realtime' } } : event;
}

describe('every canonical server event survives encode -> decode in every dialect', () => {
  for (const type of SERVER_EVENT_TYPES) {
    it(type, () => {
      for (const dialect of DIALECTS) {
        const wire = encodeServerEvent(EXAMPLES[type], dialect);
        if (wire === null) {
          expect(type).toBe('conversation.item.done');
          continue;
        }
        expect(decodeServerEvent(JSON.stringify(wire), dialect)).toEqual({ ok: true, event: expected(EXAMPLES[type], dialect) });
      }
    });
  }
});
