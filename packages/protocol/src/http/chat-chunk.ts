/**
 * Streamed Chat Completions chunks with audio (spec 000, spec 004, notes Part 2 §5.4, §7.3):
 * `delta.audio{id?, data (base64 PCM16), transcript, words[]}`, tool-call deltas,
 * `finish_reason`, and a last chunk that may carry only `usage`.
 */
import Type, { type Static } from 'typebox';
import type { DecodeResult, ProtocolError } from '../errors.js';
import { type ChatFinishReason, Nullable, ChatUsageSchema, ChatWireFinishReasonSchema, ChatWordTimingSchema } from './chat-common.js';
import { checker, decodeWith, encodeJson } from './decoding.js';
import { joinParam, missing } from './param-errors.js';

export const ChatAudioDeltaSchema = Type.Object({
  id: Type.Optional(Type.String()),
  data: Type.Optional(Type.String({ description: 'base64 PCM16 LE mono, 24 kHz unless audio.sample_rate' })),
  transcript: Type.Optional(Type.String()),
  words: Type.Optional(Type.Array(ChatWordTimingSchema)),
  expires_at: Type.Optional(Type.Integer()),
});
export type ChatAudioDelta = Static<typeof ChatAudioDeltaSchema>;

export const ChatToolCallDeltaSchema = Type.Object({
  index: Type.Integer({ minimum: 0 }),
  id: Type.Optional(Type.String()),
  type: Type.Optional(Type.Literal('function')),
  function: Type.Optional(
    Type.Object({
      name: Type.Optional(Type.String()),
      arguments: Type.Optional(Type.String({ description: 'a fragment of the JSON arguments' })),
    }),
  ),
});
export type ChatToolCallDelta = Static<typeof ChatToolCallDeltaSchema>;

export const ChatDeltaSchema = Type.Object({
  role: Type.Optional(Type.Literal('assistant')),
  content: Type.Optional(Nullable(Type.String())),
  audio: Type.Optional(Nullable(ChatAudioDeltaSchema)),
  tool_calls: Type.Optional(Nullable(Type.Array(ChatToolCallDeltaSchema))),
  refusal: Type.Optional(Nullable(Type.String())),
});
export type ChatDelta = Static<typeof ChatDeltaSchema>;

export const ChatChunkChoiceSchema = Type.Object({
  index: Type.Optional(Type.Integer({ minimum: 0 })),
  delta: ChatDeltaSchema,
  finish_reason: Type.Optional(ChatWireFinishReasonSchema),
  logprobs: Type.Optional(Type.Unknown()),
});
export type ChatChunkChoice = Static<typeof ChatChunkChoiceSchema>;

export const ChatChunkSchema = Type.Object({
  id: Type.Optional(Type.String()),
  object: Type.Optional(Type.Literal('chat.completion.chunk')),
  created: Type.Optional(Type.Integer()),
  model: Type.Optional(Type.String()),
  choices: Type.Array(ChatChunkChoiceSchema),
  usage: Type.Optional(Nullable(ChatUsageSchema)),
  system_fingerprint: Type.Optional(Nullable(Type.String())),
});
export type ChatChunk = Static<typeof ChatChunkSchema>;

const check = checker(ChatChunkSchema);

/**
 * Decodes one chunk (the JSON of one SSE `data:` line, not `[DONE]`). Never throws.
 * Tolerates what peers differ on: no root `id` (Agora), `finish_reason` `""` (StepFun)
 * or `null`, absent `choices[].index`. Each word needs `end_ts` or `duration` (spec 004).
 */
export function decodeChatChunk(data: unknown): DecodeResult<ChatChunk> {
  return decodeWith(data, check, { refine: checkWords });
}

export function encodeChatChunk(chunk: ChatChunk): string {
  return encodeJson(chunk);
}

function checkWords(chunk: ChatChunk): ProtocolError | null {
  for (const [c, choice] of chunk.choices.entries()) {
    const words = choice.delta.audio?.words ?? [];
    for (const [w, word] of words.entries()) {
      if (word.end_ts === undefined && word.duration === undefined) {
        return missing(joinParam('choices', c, 'delta', 'audio', 'words', w, 'end_ts') ?? 'end_ts');
      }
    }
  }
  return null;
}

/** `finish_reason` with StepFun's `""` read as "not finished". */
export function chatChunkFinishReason(choice: ChatChunkChoice): ChatFinishReason | null {
  return choice.finish_reason === '' || choice.finish_reason === undefined ? null : choice.finish_reason;
}
