/**
 * Token usage of a response (`response.usage`). Same names in every dialect:
 * OpenAI's counts and details, plus StepFun's `total_asr_time` and
 * `total_audio_characters`. Unknown fields are kept in place.
 */
import Type, { type Static } from 'typebox';
import { copyObject } from './extra.js';
import { isPlainObject, type ObjectResult, success } from './result.js';
import { lazy } from './validation.js';

const Count = Type.Number({ minimum: 0 });

export const UsageSchema = Type.Object({
  total_tokens: Type.Optional(Count),
  input_tokens: Type.Optional(Count),
  output_tokens: Type.Optional(Count),
  input_token_details: Type.Optional(
    Type.Object({
      cached_tokens: Type.Optional(Count),
      text_tokens: Type.Optional(Count),
      audio_tokens: Type.Optional(Count),
      image_tokens: Type.Optional(Count),
      cached_tokens_details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
  ),
  output_token_details: Type.Optional(
    Type.Object({ text_tokens: Type.Optional(Count), audio_tokens: Type.Optional(Count) }),
  ),
  /** StepFun: speech recognised, as the vendor counts it. */
  total_asr_time: Type.Optional(Count),
  /** StepFun: characters synthesised. */
  total_audio_characters: Type.Optional(Count),
});
export type Usage = Static<typeof UsageSchema>;

const validator = lazy(UsageSchema);

/** Validates a wire usage (object or `null`) and copies it. */
export function usageFromWire(wire: unknown, path: string): ObjectResult<Usage | null> {
  if (wire === null) return success(null);
  const error = validator.validate(wire, path);
  if (error) return { ok: false, error };
  const usage = copyObject(wire as Record<string, unknown>);
  for (const key of ['input_token_details', 'output_token_details']) {
    if (isPlainObject(usage[key])) usage[key] = copyObject(usage[key] as Record<string, unknown>);
  }
  return success(usage as Usage);
}

/** The wire form of a canonical usage: the same fields, copied. */
export function usageToWire(usage: Usage | null): Record<string, unknown> | null {
  if (usage === null) return null;
  const wire = copyObject(usage as Record<string, unknown>);
  for (const key of ['input_token_details', 'output_token_details']) {
    if (isPlainObject(wire[key])) wire[key] = copyObject(wire[key] as Record<string, unknown>);
  }
  return wire;
}
