/**
 * The session configuration (`session.update`'s `session`, `session.created`
 * and `session.updated`).
 *
 * Canonical: the flat beta names of spec 001, extended with spec 003
 * (Volcengine) and the GA fields. Flat dialects read and write it nearly as it
 * is; GA (`openai`) nests audio settings under `audio.input` / `audio.output`,
 * renames `modalities` -> `output_modalities` and `max_response_output_tokens`
 * -> `max_output_tokens`, and requires `type` in `session.update`.
 *
 * | canonical | flat wire | GA wire |
 * |---|---|---|
 * | `modalities` | `modalities` | `output_modalities` |
 * | `voice`, `speed` | same | `audio.output.voice`, `audio.output.speed` |
 * | `input_audio_format` | `"pcm16"` ... | `audio.input.format` `{type:"audio/pcm",rate}` ... |
 * | `output_audio_format` | `"pcm16"` ... | `audio.output.format` |
 * | `input_audio_transcription` | same | `audio.input.transcription` |
 * | `input_audio_noise_reduction` | same | `audio.input.noise_reduction` |
 * | `turn_detection` | same | `audio.input.turn_detection` |
 * | `max_response_output_tokens` | same | `max_output_tokens` |
 */
import Type, { type Static } from 'typebox';
import type { Dialect } from '../dialect.js';
import { type AudioFormat, AudioFormatSchema, BetaAudioFormatWireSchema, GaAudioFormatWireSchema } from './audio-format.js';
import {
  AnyObject,
  ExtraSchema,
  InputAudioTranscriptionSchema,
  MaxOutputTokensSchema,
  type Modality,
  ModalitySchema,
  NoiseReductionSchema,
  Nullable,
  ToolChoiceSchema,
  TracingSchema,
  VoiceSchema,
} from './common.js';
import {
  decodeFields,
  encodeFields,
  type FieldSpec,
  formatField,
  modalitiesField,
  plain,
  toolsField,
  turnDetectionField,
  wireSchemaOf,
} from './config-fields.js';
import type { Extra } from './extra.js';
import { joinPath, missing, type ObjectResult, success } from './result.js';
import { type Tool, ToolSchema, ToolWireSchema } from './tools.js';
import { type TurnDetection, TurnDetectionSchema } from './turn-detection.js';

export const SessionTypeSchema = Type.Enum(['realtime', 'transcription']);
export type SessionType = 'realtime' | 'transcription';

const O = Type.Optional;

/** Canonical session configuration. Every field is optional: an update names only what changes. */
export const SessionConfigSchema = Type.Object({
  type: O(SessionTypeSchema),
  id: O(Type.String()),
  object: O(Type.String()),
  model: O(Type.String()),
  expires_at: O(Type.Number()),
  modalities: O(Type.Array(ModalitySchema)),
  instructions: O(Nullable(Type.String())),
  voice: O(VoiceSchema),
  speed: O(Type.Number()),
  input_audio_format: O(AudioFormatSchema),
  output_audio_format: O(AudioFormatSchema),
  input_audio_transcription: O(Nullable(InputAudioTranscriptionSchema)),
  input_audio_noise_reduction: O(Nullable(NoiseReductionSchema)),
  turn_detection: O(Nullable(TurnDetectionSchema)),
  tools: O(Type.Array(ToolSchema)),
  tool_choice: O(ToolChoiceSchema),
  temperature: O(Type.Number()),
  max_response_output_tokens: O(MaxOutputTokensSchema),
  tracing: O(Nullable(TracingSchema)),
  truncation: O(Type.Unknown()),
  prompt: O(Nullable(AnyObject)),
  include: O(Type.Array(Type.String())),
  client_secret: O(AnyObject),
  reasoning: O(AnyObject),
  parallel_tool_calls: O(Type.Boolean()),
  extra: O(ExtraSchema),
});

export type SessionConfig = Omit<
  Static<typeof SessionConfigSchema>,
  'type' | 'modalities' | 'input_audio_format' | 'output_audio_format' | 'turn_detection' | 'tools' | 'extra'
> & {
  type?: SessionType;
  modalities?: Modality[];
  input_audio_format?: AudioFormat;
  output_audio_format?: AudioFormat;
  turn_detection?: TurnDetection | null;
  tools?: Tool[];
  extra?: Extra;
};

/** The session's fields, shared with the response parameters where names agree. */
export const SESSION_FIELDS: readonly FieldSpec[] = [
  plain('type', SessionTypeSchema),
  plain('id', Type.String()),
  plain('object', Type.String()),
  plain('model', Type.String()),
  plain('expires_at', Type.Number()),
  modalitiesField,
  plain('instructions', Nullable(Type.String())),
  plain('voice', VoiceSchema, ['audio', 'output', 'voice']),
  plain('speed', Type.Number({ minimum: 0 }), ['audio', 'output', 'speed']),
  formatField('input_audio_format', 'input', BetaAudioFormatWireSchema, GaAudioFormatWireSchema),
  formatField('output_audio_format', 'output', BetaAudioFormatWireSchema, GaAudioFormatWireSchema),
  plain('input_audio_transcription', Nullable(InputAudioTranscriptionSchema), ['audio', 'input', 'transcription']),
  plain('input_audio_noise_reduction', Nullable(NoiseReductionSchema), ['audio', 'input', 'noise_reduction']),
  turnDetectionField(Nullable(TurnDetectionSchema)),
  toolsField(ToolWireSchema),
  plain('tool_choice', ToolChoiceSchema),
  plain('temperature', Type.Number()),
  plain('max_response_output_tokens', MaxOutputTokensSchema, ['max_output_tokens']),
  plain('tracing', Nullable(TracingSchema)),
  plain('truncation', Type.Union([Type.String(), AnyObject])),
  plain('prompt', Nullable(AnyObject)),
  plain('include', Type.Array(Type.String())),
  plain('client_secret', AnyObject),
  plain('reasoning', AnyObject),
  plain('parallel_tool_calls', Type.Boolean()),
];

/** Flat wire session (StepFun, Volcengine, OpenAI beta). */
export const SessionWireSchema = wireSchemaOf(SESSION_FIELDS, 'flat');
/** GA wire session (`type` is required in `session.update`). */
export const GaSessionWireSchema = wireSchemaOf(SESSION_FIELDS, 'nested');
/** GA wire session as `session.update` sends it: `type` required. */
export const GaSessionUpdateWireSchema = Type.Object({ ...GaSessionWireSchema.properties, type: SessionTypeSchema });
/** What any dialect accepts: flat or nested, formats in either form. */
export const AnySessionWireSchema = Type.Union([SessionWireSchema, GaSessionWireSchema]);

export interface SessionDecodeOptions {
  /** Require `type`, as GA's `session.update` does. Default `false`. */
  requireType?: boolean;
}

/**
 * Maps a wire session to the canonical one. Both shapes are read in every
 * dialect (Parley is a superset), so `dialect` does not change the result
 * today; it is part of the signature so that it can. `path` prefixes error
 * params (`session` by default).
 */
export function sessionFromWire(
  wire: unknown,
  _dialect: Dialect,
  path = 'session',
  options: SessionDecodeOptions = {},
): ObjectResult<SessionConfig> {
  const result = decodeFields<SessionConfig>(wire, SESSION_FIELDS, path);
  if (!result.ok) return result;
  const requireType = options.requireType ?? false;
  if (requireType && result.value.type === undefined) return missing(joinPath(path, 'type'));
  return success(result.value);
}

/** Maps a canonical session to the dialect's wire shape. GA always carries `type` (default `realtime`). */
export function sessionToWire(session: SessionConfig, dialect: Dialect): Record<string, unknown> {
  const source = dialect === 'openai' && session.type === undefined ? { ...session, type: 'realtime' as const } : session;
  return encodeFields(source as Record<string, unknown>, SESSION_FIELDS, dialect);
}
