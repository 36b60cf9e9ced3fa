/**
 * Content parts of message items.
 *
 * Canonical types are the beta names: `input_text`, `input_audio`,
 * `input_image` (GA), `item_reference` (beta), `text`, `audio`, and StepFun's
 * `thinking`. GA names assistant parts `output_text` / `output_audio`; both
 * spellings are accepted in every dialect, and encoding uses the dialect's.
 * (GA's `response.content_part.*` events still say `text` / `audio`: pass
 * `{ names: 'beta' }` when encoding those.)
 *
 * StepFun's user items may carry the text in `transcript` instead of `text`
 * (`{"type":"input_text","transcript":"你好"}`): accepted and kept as sent.
 */
import Type, { type Static, type TProperties } from 'typebox';
import type { Dialect } from '../dialect.js';
import { audioBase64Error } from './base64.js';
import { ExtraSchema, Nullable } from './common.js';
import { attachExtra, copyObject, type Extra, mergeExtra, unknownFields } from './extra.js';
import {
  badValue,
  isPlainObject,
  joinPath,
  missing,
  type ObjectResult,
  success,
  wrongType,
} from './result.js';
import { type LazyValidator, lazy } from './validation.js';

const S = Type.String();
const fields = {
  input_text: { text: Type.Optional(S), transcript: Type.Optional(S) },
  input_audio: { audio: Type.Optional(S), transcript: Type.Optional(Nullable(S)) },
  input_image: { image_url: Type.Optional(S), detail: Type.Optional(S) },
  item_reference: { id: S },
  text: { text: S },
  audio: { audio: Type.Optional(S), transcript: Type.Optional(Nullable(S)) },
  thinking: { thinking: Type.Optional(S), text: Type.Optional(S) },
} as const;

export type ContentPartType = keyof typeof fields;
export const CONTENT_PART_TYPES = Object.keys(fields) as ContentPartType[];

function wire(type: string, properties: TProperties) {
  return Type.Object({ type: Type.Literal(type), ...properties });
}
const X = { extra: Type.Optional(ExtraSchema) };

export const InputTextPartSchema = Type.Object({ type: Type.Literal('input_text'), ...fields.input_text, ...X });
export const InputAudioPartSchema = Type.Object({ type: Type.Literal('input_audio'), ...fields.input_audio, ...X });
export const InputImagePartSchema = Type.Object({ type: Type.Literal('input_image'), ...fields.input_image, ...X });
export const ItemReferencePartSchema = Type.Object({
  type: Type.Literal('item_reference'),
  ...fields.item_reference,
  ...X,
});
export const TextPartSchema = Type.Object({ type: Type.Literal('text'), ...fields.text, ...X });
export const AudioPartSchema = Type.Object({ type: Type.Literal('audio'), ...fields.audio, ...X });
export const ThinkingPartSchema = Type.Object({ type: Type.Literal('thinking'), ...fields.thinking, ...X });
/** Canonical content part. */
export const ContentPartSchema = Type.Union([
  InputTextPartSchema,
  InputAudioPartSchema,
  InputImagePartSchema,
  ItemReferencePartSchema,
  TextPartSchema,
  AudioPartSchema,
  ThinkingPartSchema,
]);
export type InputTextPart = Static<typeof InputTextPartSchema>;
export type InputAudioPart = Static<typeof InputAudioPartSchema>;
export type InputImagePart = Static<typeof InputImagePartSchema>;
export type ItemReferencePart = Static<typeof ItemReferencePartSchema>;
export type TextPart = Static<typeof TextPartSchema>;
export type AudioPart = Static<typeof AudioPartSchema>;
export type ThinkingPart = Static<typeof ThinkingPartSchema>;
export type ContentPart =
  | InputTextPart
  | InputAudioPart
  | InputImagePart
  | ItemReferencePart
  | TextPart
  | AudioPart
  | ThinkingPart;

/** Wire content part, beta names (StepFun, Volcengine, OpenAI beta). */
export const BetaContentPartWireSchema = Type.Union(
  CONTENT_PART_TYPES.map((type) => wire(type, fields[type])),
);
/** Wire content part, GA names (`output_text`, `output_audio`). */
export const GaContentPartWireSchema = Type.Union([
  wire('input_text', fields.input_text),
  wire('input_audio', fields.input_audio),
  wire('input_image', fields.input_image),
  wire('item_reference', fields.item_reference),
  wire('output_text', fields.text),
  wire('output_audio', fields.audio),
  wire('thinking', fields.thinking),
]);

const GA_ALIASES: Readonly<Record<string, ContentPartType>> = { output_text: 'text', output_audio: 'audio' };
const GA_NAMES: Readonly<Partial<Record<ContentPartType, string>>> = { text: 'output_text', audio: 'output_audio' };

const validators = new Map<ContentPartType, LazyValidator>(
  CONTENT_PART_TYPES.map((type) => [type, lazy(Type.Object(fields[type]))]),
);
const known = new Map<ContentPartType, Set<string>>(
  CONTENT_PART_TYPES.map((type) => [type, new Set(['type', ...Object.keys(fields[type])])]),
);

function canonicalType(type: string): ContentPartType | undefined {
  if (Object.hasOwn(fields, type)) return type as ContentPartType;
  return Object.hasOwn(GA_ALIASES, type) ? GA_ALIASES[type] : undefined;
}

/** Maps one wire content part (either spelling) to the canonical one. */
export function contentPartFromWire(wire: unknown, path: string): ObjectResult<ContentPart> {
  if (!isPlainObject(wire)) return wrongType(path, 'an object', wire);
  const typePath = joinPath(path, 'type');
  if (!Object.hasOwn(wire, 'type')) return missing(typePath);
  if (typeof wire.type !== 'string') return wrongType(typePath, 'a string', wire.type);
  const type = canonicalType(wire.type);
  if (type === undefined) return badValue(typePath, `unknown content part type '${wire.type}'`);
  const error = validators.get(type)!.validate(wire, path);
  if (error) return { ok: false, error };
  if (type === 'input_text' && wire.text === undefined && wire.transcript === undefined) {
    return missing(joinPath(path, 'text'));
  }
  if ((type === 'input_audio' || type === 'audio') && typeof wire.audio === 'string') {
    const audioError = audioBase64Error(wire.audio, joinPath(path, 'audio'));
    if (audioError) return { ok: false, error: audioError };
  }
  const part: Record<string, unknown> = {};
  const knownFields = known.get(type)!;
  for (const key of Object.keys(wire)) if (knownFields.has(key)) part[key] = wire[key];
  part.type = type;
  return success(attachExtra(part as ContentPart, unknownFields(wire, knownFields)));
}

/** Maps a wire `content` array. */
export function contentFromWire(wire: unknown, path: string): ObjectResult<ContentPart[]> {
  if (!Array.isArray(wire)) return wrongType(path, 'an array', wire);
  const parts: ContentPart[] = [];
  for (let i = 0; i < wire.length; i++) {
    const result = contentPartFromWire(wire[i], joinPath(path, i));
    if (!result.ok) return result;
    parts.push(result.value);
  }
  return success(parts);
}

export interface ContentPartEncodeOptions {
  /** Assistant part names: `ga` (`output_text` / `output_audio`) or `beta` (`text` / `audio`). Default: the dialect's. */
  names?: 'ga' | 'beta';
}

/** Maps a canonical content part to the dialect's wire form. */
export function contentPartToWire(
  part: ContentPart,
  dialect: Dialect,
  options: ContentPartEncodeOptions = {},
): Record<string, unknown> {
  const names = options.names ?? (dialect === 'openai' ? 'ga' : 'beta');
  const { extra, ...rest } = part as ContentPart & { extra?: Extra };
  const out = copyObject(rest);
  if (names === 'ga') out.type = GA_NAMES[part.type] ?? part.type;
  return mergeExtra(out, extra);
}

export function contentToWire(
  parts: readonly ContentPart[],
  dialect: Dialect,
  options: ContentPartEncodeOptions = {},
): Record<string, unknown>[] {
  return parts.map((part) => contentPartToWire(part, dialect, options));
}
