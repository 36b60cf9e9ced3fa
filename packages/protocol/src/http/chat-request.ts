/**
 * `POST /v1/chat/completions` request with audio (spec 000, spec 004, notes Part 2 §5, §7).
 * Unknown fields (Agora's `context`, vendor extras) are tolerated and kept.
 */
import Type, { type Static } from 'typebox';
import type { DecodeResult, ProtocolError } from '../errors.js';
import {
  CHAT_AUDIO_FORMATS,
  CHAT_AUDIO_SAMPLE_RATES,
  type ChatAudioSampleRate,
  DEFAULT_CHAT_STREAM_SAMPLE_RATE,
  Nullable,
} from './chat-common.js';
import { type ChatMessage, ChatMessageSchema, chatMessageText } from './chat-messages.js';
import { checker, decodeWith, encodeJson } from './decoding.js';
import { parseInputAudioData } from './input-audio.js';
import { joinParam, wrongValue } from './param-errors.js';

export const ChatAudioParamsSchema = Type.Object({
  voice: Type.String(),
  format: Type.Enum([...CHAT_AUDIO_FORMATS]),
  sample_rate: Type.Optional(
    Type.Enum([...CHAT_AUDIO_SAMPLE_RATES], {
      description: 'Parley extension: PCM rate of streamed audio (default 24000)',
    }),
  ),
});
export type ChatAudioParams = Static<typeof ChatAudioParamsSchema>;

export const ChatToolSchema = Type.Object({
  type: Type.Literal('function'),
  function: Type.Object({
    name: Type.String({ minLength: 1 }),
    description: Type.Optional(Type.String()),
    parameters: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    strict: Type.Optional(Nullable(Type.Boolean())),
  }),
});
export type ChatTool = Static<typeof ChatToolSchema>;

export const ChatToolChoiceSchema = Type.Union([
  Type.Enum(['none', 'auto', 'required']),
  Type.Object({ type: Type.Literal('function'), function: Type.Object({ name: Type.String() }) }),
]);
export type ChatToolChoice = Static<typeof ChatToolChoiceSchema>;

const Penalty = Type.Optional(Nullable(Type.Number({ minimum: -2, maximum: 2 })));
const PositiveInt = Type.Optional(Nullable(Type.Integer({ minimum: 1 })));

export const ChatRequestSchema = Type.Object({
  model: Type.String(),
  messages: Type.Array(ChatMessageSchema, { minItems: 1 }),
  modalities: Type.Optional(Nullable(Type.Array(Type.Enum(['text', 'audio'])))),
  audio: Type.Optional(Nullable(ChatAudioParamsSchema)),
  tools: Type.Optional(Nullable(Type.Array(ChatToolSchema))),
  tool_choice: Type.Optional(Nullable(ChatToolChoiceSchema)),
  parallel_tool_calls: Type.Optional(Nullable(Type.Boolean())),
  stream: Type.Optional(Nullable(Type.Boolean())),
  stream_options: Type.Optional(Nullable(Type.Object({ include_usage: Type.Optional(Type.Boolean()) }))),
  temperature: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 2 }))),
  top_p: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1 }))),
  max_tokens: PositiveInt,
  max_completion_tokens: PositiveInt,
  n: PositiveInt,
  stop: Type.Optional(Nullable(Type.Union([Type.String(), Type.Array(Type.String())]))),
  frequency_penalty: Penalty,
  presence_penalty: Penalty,
  response_format: Type.Optional(Nullable(Type.Object({ type: Type.String() }))),
  seed: Type.Optional(Nullable(Type.Integer())),
  user: Type.Optional(Type.String()),
});
export type ChatRequest = Static<typeof ChatRequestSchema>;

const check = checker(ChatRequestSchema);

/**
 * Decodes a chat request body (JSON text, bytes or a parsed value). Never throws.
 * Besides the schema it checks every `input_audio.data` (base64 or a wav/mp3 data URL,
 * `invalid_audio`) and that a data URL's type agrees with `format` (`invalid_value`).
 */
export function decodeChatRequest(body: unknown): DecodeResult<ChatRequest> {
  return decodeWith(body, check, { refine: checkInputAudio });
}

export function encodeChatRequest(request: ChatRequest): string {
  return encodeJson(request);
}

function checkInputAudio(request: ChatRequest): ProtocolError | null {
  for (const [m, message] of request.messages.entries()) {
    if (message.role !== 'user' || typeof message.content === 'string') continue;
    for (const [p, part] of message.content.entries()) {
      if (part.type !== 'input_audio') continue;
      const param = joinParam('messages', m, 'content', p, 'input_audio');
      const parsed = parseInputAudioData(part.input_audio.data);
      if (!parsed.ok) return wrongValue(joinParam(param, 'data'), `${parsed.reason}.`, 'invalid_audio');
      const declared = part.input_audio.format;
      if (declared && parsed.format && declared !== parsed.format) {
        return wrongValue(
          joinParam(param, 'format'),
          `'${declared}' disagrees with the data URL's type '${parsed.mime}'.`,
        );
      }
    }
  }
  return null;
}

/** True when the caller asked for spoken output (`modalities` contains `audio`). */
export function chatWantsAudio(request: ChatRequest): boolean {
  return request.modalities?.includes('audio') ?? false;
}

/** PCM16 rate of streamed audio deltas: `audio.sample_rate`, else 24 kHz. */
export function chatStreamSampleRate(request: ChatRequest): ChatAudioSampleRate {
  return request.audio?.sample_rate ?? (DEFAULT_CHAT_STREAM_SAMPLE_RATE as ChatAudioSampleRate);
}

/**
 * Spec 004: when the last message is the assistant's, it is a directive to speak
 * that text as it is, with no model call. Returns the text, or `null` for a normal turn.
 */
export function chatAssistantDirective(request: ChatRequest): string | null {
  const last: ChatMessage | undefined = request.messages[request.messages.length - 1];
  if (last?.role !== 'assistant') return null;
  return chatMessageText(last);
}
