/**
 * The non-streamed Chat Completions response with audio: `message.audio` carries the
 * whole reply as a base64 WAV file plus its transcript (spec 000, notes Part 2 §5.3).
 */
import Type, { type Static } from 'typebox';
import type { DecodeResult } from '../errors.js';
import {
  type ChatFinishReason,
  Nullable,
  type ChatToolCall,
  ChatToolCallSchema,
  type ChatUsage,
  ChatUsageSchema,
  ChatWireFinishReasonSchema,
} from './chat-common.js';
import { checker, decodeWith, encodeJson } from './decoding.js';

export const ChatResponseAudioSchema = Type.Object({
  id: Type.Optional(Type.String()),
  data: Type.String({ description: 'base64 WAV file' }),
  transcript: Type.String(),
  expires_at: Type.Optional(Type.Integer({ description: 'Unix seconds' })),
});
export type ChatResponseAudio = Static<typeof ChatResponseAudioSchema>;

export const ChatResponseMessageSchema = Type.Object({
  role: Type.Literal('assistant'),
  content: Type.Optional(Nullable(Type.String())),
  audio: Type.Optional(Nullable(ChatResponseAudioSchema)),
  tool_calls: Type.Optional(Nullable(Type.Array(ChatToolCallSchema))),
  refusal: Type.Optional(Nullable(Type.String())),
});
export type ChatResponseMessage = Static<typeof ChatResponseMessageSchema>;

export const ChatResponseChoiceSchema = Type.Object({
  index: Type.Integer({ minimum: 0 }),
  message: ChatResponseMessageSchema,
  finish_reason: ChatWireFinishReasonSchema,
  logprobs: Type.Optional(Type.Unknown()),
});

export const ChatResponseSchema = Type.Object({
  id: Type.String(),
  object: Type.Optional(Type.Literal('chat.completion')),
  created: Type.Optional(Type.Integer({ description: 'Unix seconds' })),
  model: Type.Optional(Type.String()),
  choices: Type.Array(ChatResponseChoiceSchema),
  usage: Type.Optional(Nullable(ChatUsageSchema)),
  system_fingerprint: Type.Optional(Nullable(Type.String())),
});
export type ChatResponse = Static<typeof ChatResponseSchema>;

const check = checker(ChatResponseSchema);

/** Decodes a non-streamed response (for clients). Never throws. */
export function decodeChatResponse(body: unknown): DecodeResult<ChatResponse> {
  return decodeWith(body, check);
}

export function encodeChatResponse(response: ChatResponse): string {
  return encodeJson(response);
}

export interface ChatResponseInput {
  id: string;
  model: string;
  /** Unix seconds. */
  created: number;
  content?: string | null;
  audio?: { id: string; data: string; transcript: string; expires_at: number };
  toolCalls?: readonly ChatToolCall[];
  finishReason: ChatFinishReason;
  usage?: ChatUsage;
}

/** The response a Parley server sends: one choice, `object` and `created` always set. */
export function buildChatResponse(input: ChatResponseInput): ChatResponse {
  const message: ChatResponseMessage = { role: 'assistant', content: input.content ?? null };
  if (input.audio) message.audio = { ...input.audio };
  if (input.toolCalls && input.toolCalls.length > 0) message.tool_calls = input.toolCalls.map((c) => ({ ...c }));
  const response: ChatResponse = {
    id: input.id,
    object: 'chat.completion',
    created: input.created,
    model: input.model,
    choices: [{ index: 0, message, finish_reason: input.finishReason }],
  };
  if (input.usage) response.usage = input.usage;
  return response;
}
