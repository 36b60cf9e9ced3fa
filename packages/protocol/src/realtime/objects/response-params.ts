/**
 * The parameters of `response.create` (`response` field): per-response
 * overrides of the session. Beta names are canonical; GA writes
 * `output_modalities`, `audio.output.{format,voice}`, `max_output_tokens`.
 * StepFun also lists `input_audio_format`. `conversation: "none"` makes an
 * out-of-band response; `input` replaces the conversation as context.
 */
import Type, { type Static } from 'typebox';
import type { Dialect } from '../dialect.js';
import { type AudioFormat, AudioFormatSchema, BetaAudioFormatWireSchema, GaAudioFormatWireSchema } from './audio-format.js';
import { AnyObject, ExtraSchema, MaxOutputTokensSchema, type Modality, ModalitySchema, Nullable, ToolChoiceSchema, VoiceSchema } from './common.js';
import { decodeFields, encodeFields, type FieldSpec, formatField, itemsField, modalitiesField, plain, toolsField, wireSchemaOf } from './config-fields.js';
import type { Extra } from './extra.js';
import { BetaItemWireSchema, GaItemWireSchema, type Item, ItemSchema } from './item.js';
import type { ObjectResult } from './result.js';
import { type Tool, ToolSchema, ToolWireSchema } from './tools.js';

const O = Type.Optional;

export const ResponseCreateParamsSchema = Type.Object({
  modalities: O(Type.Array(ModalitySchema)),
  instructions: O(Type.String()),
  voice: O(VoiceSchema),
  input_audio_format: O(AudioFormatSchema),
  output_audio_format: O(AudioFormatSchema),
  tools: O(Type.Array(ToolSchema)),
  tool_choice: O(ToolChoiceSchema),
  temperature: O(Type.Number()),
  max_response_output_tokens: O(MaxOutputTokensSchema),
  conversation: O(Type.String()),
  input: O(Type.Array(ItemSchema)),
  metadata: O(Nullable(AnyObject)),
  prompt: O(Nullable(AnyObject)),
  extra: O(ExtraSchema),
});

export type ResponseCreateParams = Omit<
  Static<typeof ResponseCreateParamsSchema>,
  'modalities' | 'input_audio_format' | 'output_audio_format' | 'tools' | 'input' | 'extra'
> & {
  modalities?: Modality[];
  input_audio_format?: AudioFormat;
  output_audio_format?: AudioFormat;
  tools?: Tool[];
  input?: Item[];
  extra?: Extra;
};

export const RESPONSE_PARAMS_FIELDS: readonly FieldSpec[] = [
  modalitiesField,
  plain('instructions', Type.String()),
  plain('voice', VoiceSchema, ['audio', 'output', 'voice']),
  formatField('input_audio_format', 'input', BetaAudioFormatWireSchema, GaAudioFormatWireSchema),
  formatField('output_audio_format', 'output', BetaAudioFormatWireSchema, GaAudioFormatWireSchema),
  toolsField(ToolWireSchema),
  plain('tool_choice', ToolChoiceSchema),
  plain('temperature', Type.Number()),
  plain('max_response_output_tokens', MaxOutputTokensSchema, ['max_output_tokens']),
  plain('conversation', Type.String()),
  itemsField('input', Type.Array(BetaItemWireSchema), Type.Array(GaItemWireSchema)),
  plain('metadata', Nullable(AnyObject)),
  plain('prompt', Nullable(AnyObject)),
];

/** Flat wire `response.create` parameters. */
export const ResponseCreateParamsWireSchema = wireSchemaOf(RESPONSE_PARAMS_FIELDS, 'flat');
/** GA wire `response.create` parameters. */
export const GaResponseCreateParamsWireSchema = wireSchemaOf(RESPONSE_PARAMS_FIELDS, 'nested');

/** Maps wire `response.create` parameters (either shape). `path` prefixes error params. */
export function responseParamsFromWire(
  wire: unknown,
  _dialect: Dialect,
  path = 'response',
): ObjectResult<ResponseCreateParams> {
  return decodeFields<ResponseCreateParams>(wire, RESPONSE_PARAMS_FIELDS, path);
}

export function responseParamsToWire(params: ResponseCreateParams, dialect: Dialect): Record<string, unknown> {
  return encodeFields(params as Record<string, unknown>, RESPONSE_PARAMS_FIELDS, dialect);
}
