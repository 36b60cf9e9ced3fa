/**
 * Pieces shared by the Chat Completions request, response and stream chunks:
 * tool calls, usage, finish reasons, word timings and the audio vocabularies.
 */
import Type, { type Static, type TSchema } from 'typebox';

/** `T | null`, for fields OpenAI-style clients send as `null` to mean "not set". */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Output audio formats a chat request may ask for (StepFun: `wav`, `pcm`; OpenAI adds the rest). */
export const CHAT_AUDIO_FORMATS = ['wav', 'pcm', 'pcm16', 'mp3', 'flac', 'opus', 'aac'] as const;
export type ChatAudioFormat = (typeof CHAT_AUDIO_FORMATS)[number];

/** Parley's `audio.sample_rate` extension: the PCM rate of streamed audio. */
export const CHAT_AUDIO_SAMPLE_RATES = [8000, 16000, 24000, 48000] as const;
export type ChatAudioSampleRate = (typeof CHAT_AUDIO_SAMPLE_RATES)[number];

/** Streamed chat audio is PCM16 mono at this rate unless `audio.sample_rate` says otherwise. */
export const DEFAULT_CHAT_STREAM_SAMPLE_RATE = 24000;

export const ChatFinishReasonSchema = Type.Enum(['stop', 'length', 'tool_calls', 'content_filter', 'function_call']);
export type ChatFinishReason = Static<typeof ChatFinishReasonSchema>;

/** What peers put in `finish_reason`: StepFun sends `""` on non-final chunks, others `null`. */
export const ChatWireFinishReasonSchema = Type.Union([ChatFinishReasonSchema, Type.Literal(''), Type.Null()]);
export type ChatWireFinishReason = Static<typeof ChatWireFinishReasonSchema>;

/** A complete function call (request history, non-streamed response). */
export const ChatToolCallSchema = Type.Object({
  id: Type.String(),
  type: Type.Literal('function'),
  function: Type.Object({
    name: Type.String(),
    arguments: Type.String({ description: 'JSON text of the arguments' }),
  }),
});
export type ChatToolCall = Static<typeof ChatToolCallSchema>;

const TokenCount = Type.Integer({ minimum: 0 });
const Details = Nullable(Type.Record(Type.String(), Type.Unknown()));

export const ChatUsageSchema = Type.Object({
  prompt_tokens: TokenCount,
  completion_tokens: TokenCount,
  total_tokens: TokenCount,
  cached_tokens: Type.Optional(Nullable(TokenCount)),
  prompt_tokens_details: Type.Optional(Details),
  completion_tokens_details: Type.Optional(Details),
});
export type ChatUsage = Static<typeof ChatUsageSchema>;

/**
 * One word's place in the streamed PCM (spec 004): times are milliseconds from
 * the start of this response's audio. `text` and `start_ts` are required, plus
 * `end_ts` or `duration`; Parley always sends all four.
 */
export const ChatWordTimingSchema = Type.Object({
  text: Type.String(),
  start_ts: Type.Number({ minimum: 0, description: 'ms from the start of this response’s PCM' }),
  end_ts: Type.Optional(Type.Number({ minimum: 0, description: 'ms from the start of this response’s PCM' })),
  duration: Type.Optional(Type.Number({ minimum: 0, description: 'ms the word plays' })),
});
export type ChatWordTiming = Static<typeof ChatWordTimingSchema>;

/** A word timing with all four keys, as Parley emits it. */
export function chatWordTiming(text: string, startMs: number, endMs: number): Required<ChatWordTiming> {
  const start = Math.max(0, startMs);
  const end = Math.max(start, endMs);
  return { text, start_ts: start, end_ts: end, duration: end - start };
}

export function chatUsage(promptTokens: number, completionTokens: number): ChatUsage {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
}
