/**
 * The response object (`response.created`, `response.done`).
 *
 * Canonical names are the beta ones; GA writes `output_modalities`,
 * `audio.output.{format,voice}` and `max_output_tokens` (same table as the
 * session). `status_details.reason` is `turn_detected`, `client_cancelled`,
 * `max_output_tokens` or `content_filter`; usage carries StepFun's extra
 * counters too.
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
import { type Usage, UsageSchema, usageFromWire, usageToWire } from './usage.js';

export const ResponseStatusSchema = Type.Enum(['in_progress', 'completed', 'cancelled', 'failed', 'incomplete']);
export type ResponseStatus = 'in_progress' | 'completed' | 'cancelled' | 'failed' | 'incomplete';

/** `status_details`; unknown fields are kept in place. */
export const StatusDetailsSchema = Type.Object({
  type: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String()),
  error: Type.Optional(Nullable(AnyObject)),
});
export type StatusDetails = Static<typeof StatusDetailsSchema>;

/** Reasons Parley emits in `status_details.reason`. */
export type ResponseStatusReason = 'turn_detected' | 'client_cancelled' | 'max_output_tokens' | 'content_filter';

const O = Type.Optional;

export const ResponseObjectSchema = Type.Object({
  id: O(Type.String()),
  object: O(Type.String()),
  status: O(ResponseStatusSchema),
  status_details: O(Nullable(StatusDetailsSchema)),
  output: O(Type.Array(ItemSchema)),
  usage: O(Nullable(UsageSchema)),
  conversation_id: O(Nullable(Type.String())),
  modalities: O(Type.Array(ModalitySchema)),
  instructions: O(Nullable(Type.String())),
  voice: O(VoiceSchema),
  output_audio_format: O(AudioFormatSchema),
  tools: O(Type.Array(ToolSchema)),
  tool_choice: O(ToolChoiceSchema),
  temperature: O(Type.Number()),
  max_response_output_tokens: O(MaxOutputTokensSchema),
  metadata: O(Nullable(AnyObject)),
  extra: O(ExtraSchema),
});

export type ResponseObject = Omit<
  Static<typeof ResponseObjectSchema>,
  'status' | 'output' | 'usage' | 'modalities' | 'output_audio_format' | 'tools' | 'extra'
> & {
  status?: ResponseStatus;
  output?: Item[];
  usage?: Usage | null;
  modalities?: Modality[];
  output_audio_format?: AudioFormat;
  tools?: Tool[];
  extra?: Extra;
};

const usageField: FieldSpec = {
  name: 'usage',
  flat: Nullable(UsageSchema),
  decode: (value, path) => usageFromWire(value, path),
  encode: (value: Usage | null) => usageToWire(value),
};

export const RESPONSE_FIELDS: readonly FieldSpec[] = [
  plain('id', Type.String()),
  plain('object', Type.String()),
  plain('status', ResponseStatusSchema),
  plain('status_details', Nullable(StatusDetailsSchema)),
  itemsField('output', Type.Array(BetaItemWireSchema), Type.Array(GaItemWireSchema)),
  usageField,
  plain('conversation_id', Nullable(Type.String())),
  modalitiesField,
  plain('instructions', Nullable(Type.String())),
  plain('voice', VoiceSchema, ['audio', 'output', 'voice']),
  formatField('output_audio_format', 'output', BetaAudioFormatWireSchema, GaAudioFormatWireSchema),
  toolsField(ToolWireSchema),
  plain('tool_choice', ToolChoiceSchema),
  plain('temperature', Type.Number()),
  plain('max_response_output_tokens', MaxOutputTokensSchema, ['max_output_tokens']),
  plain('metadata', Nullable(AnyObject)),
];

/** Flat wire response. */
export const ResponseWireSchema = wireSchemaOf(RESPONSE_FIELDS, 'flat');
/** GA wire response. */
export const GaResponseWireSchema = wireSchemaOf(RESPONSE_FIELDS, 'nested');

/** Maps a wire response object (either shape, any dialect). `path` prefixes error params. */
export function responseFromWire(wire: unknown, _dialect: Dialect, path = 'response'): ObjectResult<ResponseObject> {
  return decodeFields<ResponseObject>(wire, RESPONSE_FIELDS, path);
}

/** Maps a canonical response object to the dialect's wire shape. */
export function responseToWire(response: ResponseObject, dialect: Dialect): Record<string, unknown> {
  return encodeFields(response as Record<string, unknown>, RESPONSE_FIELDS, dialect);
}
