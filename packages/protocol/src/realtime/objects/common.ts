/**
 * Small schema pieces shared by the realtime objects.
 */
import Type, { type TSchema } from 'typebox';

/** Unknown wire fields kept verbatim (see `extra.ts`). */
export const ExtraSchema = Type.Record(Type.String(), Type.Unknown(), {
  description: 'Wire fields the canonical model does not interpret, kept in their wire shape and written back on encode.',
});

/** `T | null`. */
export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** An object accepted as-is (free-form), e.g. a JSON Schema or metadata. */
export const AnyObject = Type.Record(Type.String(), Type.Unknown());

/** `modalities` entry. */
export const ModalitySchema = Type.Enum(['text', 'audio']);
export type Modality = 'text' | 'audio';

/** `voice`: a voice id, or GA's `{ id }` form for custom voices. */
export const VoiceSchema = Type.Union([Type.String(), Type.Object({ id: Type.String() })]);

/**
 * `max_response_output_tokens` (GA `max_output_tokens`): an integer, `"inf"`, or
 * a decimal string such as StepFun's `"4096"` (kept as a string so it echoes unchanged).
 */
export const MaxOutputTokensSchema = Type.Union([
  Type.Integer({ minimum: 1 }),
  Type.Literal('inf'),
  Type.String({ pattern: '^[0-9]+$' }),
]);

/** `tool_choice`: `auto` | `none` | `required`, or an object naming a tool. */
export const ToolChoiceSchema = Type.Union([
  Type.Enum(['auto', 'none', 'required']),
  Type.Object({ type: Type.String(), name: Type.Optional(Type.String()) }),
]);

/** `input_audio_transcription` (GA `audio.input.transcription`). Unknown fields are kept in place. */
export const InputAudioTranscriptionSchema = Type.Object({
  model: Type.Optional(Type.String()),
  language: Type.Optional(Type.String()),
  prompt: Type.Optional(Type.String()),
});

/** `input_audio_noise_reduction` (GA `audio.input.noise_reduction`). */
export const NoiseReductionSchema = Type.Object({ type: Type.Enum(['near_field', 'far_field']) });

/** `tracing`: `auto` or a configuration object. */
export const TracingSchema = Type.Union([Type.Literal('auto'), AnyObject]);

/** The numeric value of a `max_response_output_tokens` setting (`"4096"` is 4096). */
export function maxOutputTokensValue(value: number | string | undefined): number | 'inf' | undefined {
  if (value === undefined || value === 'inf') return value;
  return typeof value === 'number' ? value : Number(value);
}
