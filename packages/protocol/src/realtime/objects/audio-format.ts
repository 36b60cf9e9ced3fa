/**
 * Audio formats.
 *
 * Canonical: `{ encoding: 'pcm16' | 'g711_ulaw' | 'g711_alaw', rate? }`.
 * `rate` is present only when the wire named one (GA `audio/pcm` carries it);
 * when absent the dialect's default applies (see `audioFormatSampleRate`).
 * G.711 is always 8 kHz.
 *
 * Wire: beta-style strings `pcm16 | g711_ulaw | g711_alaw`, or GA objects
 * `{type:'audio/pcm', rate}` | `{type:'audio/pcmu'}` | `{type:'audio/pcma'}`.
 * Both forms are accepted in every dialect.
 */
import Type, { type Static } from 'typebox';
import { DIALECT_DEFAULTS, type Dialect, G711_SAMPLE_RATE } from '../dialect.js';
import { ExtraSchema } from './common.js';
import { attachExtra, mergeExtra, unknownFields } from './extra.js';
import { badValue, isPlainObject, joinPath, missing, type ObjectResult, success, wrongType } from './result.js';

export const AudioEncodingSchema = Type.Enum(['pcm16', 'g711_ulaw', 'g711_alaw']);
export type AudioEncoding = 'pcm16' | 'g711_ulaw' | 'g711_alaw';

/** Canonical audio format. */
export const AudioFormatSchema = Type.Object({
  encoding: AudioEncodingSchema,
  rate: Type.Optional(Type.Integer({ minimum: 1 })),
  extra: Type.Optional(ExtraSchema),
});
export type AudioFormat = Static<typeof AudioFormatSchema> & { encoding: AudioEncoding };

/** Beta wire form (a string). */
export const BetaAudioFormatWireSchema = AudioEncodingSchema;

/** GA wire form (an object). */
export const GaAudioFormatWireSchema = Type.Union([
  Type.Object({ type: Type.Literal('audio/pcm'), rate: Type.Optional(Type.Integer({ minimum: 1 })) }),
  Type.Object({ type: Type.Literal('audio/pcmu') }),
  Type.Object({ type: Type.Literal('audio/pcma') }),
]);

/** Either wire form. */
export const AudioFormatWireSchema = Type.Union([BetaAudioFormatWireSchema, GaAudioFormatWireSchema]);

export type AudioDirection = 'input' | 'output';

const GA_TYPES: Readonly<Record<string, AudioEncoding>> = {
  'audio/pcm': 'pcm16',
  'audio/pcmu': 'g711_ulaw',
  'audio/pcma': 'g711_alaw',
};
const GA_TYPE_OF: Readonly<Record<AudioEncoding, string>> = {
  pcm16: 'audio/pcm',
  g711_ulaw: 'audio/pcmu',
  g711_alaw: 'audio/pcma',
};
const PCM_KNOWN = new Set(['type', 'rate']);
const G711_KNOWN = new Set(['type']);

function isEncoding(value: string): value is AudioEncoding {
  return value === 'pcm16' || value === 'g711_ulaw' || value === 'g711_alaw';
}

/** Maps a wire format (either form) to the canonical one. `path` names it in errors. */
export function audioFormatFromWire(wire: unknown, path: string): ObjectResult<AudioFormat> {
  if (typeof wire === 'string') {
    if (isEncoding(wire)) return success({ encoding: wire });
    return badValue(path, `unsupported audio format '${wire}' (expected pcm16, g711_ulaw or g711_alaw)`);
  }
  if (!isPlainObject(wire)) return wrongType(path, 'a string or an object', wire);
  const typePath = joinPath(path, 'type');
  if (!Object.hasOwn(wire, 'type')) return missing(typePath);
  const type = wire.type;
  if (typeof type !== 'string') return wrongType(typePath, 'a string', type);
  const encoding = Object.hasOwn(GA_TYPES, type) ? GA_TYPES[type] : undefined;
  if (encoding === undefined) {
    return badValue(typePath, `unsupported audio format type '${type}' (expected audio/pcm, audio/pcmu or audio/pcma)`);
  }
  const format: AudioFormat = { encoding };
  if (encoding === 'pcm16' && Object.hasOwn(wire, 'rate')) {
    const rate = wire.rate;
    const ratePath = joinPath(path, 'rate');
    if (typeof rate !== 'number') return wrongType(ratePath, 'an integer', rate);
    if (!Number.isInteger(rate) || rate < 1) return badValue(ratePath, 'must be a positive integer');
    format.rate = rate;
  }
  return success(attachExtra(format, unknownFields(wire, encoding === 'pcm16' ? PCM_KNOWN : G711_KNOWN)));
}

/**
 * Maps a canonical format to the dialect's wire form. GA gets the object form.
 * Flat dialects get the string form, unless the format names a rate other than
 * the dialect's default for that direction: then the object form is the only
 * way to say it, and Parley (a superset) writes it.
 */
export function audioFormatToWire(format: AudioFormat, dialect: Dialect, direction: AudioDirection): unknown {
  const defaults = DIALECT_DEFAULTS[dialect];
  const defaultRate = direction === 'input' ? defaults.inputSampleRate : defaults.outputSampleRate;
  const useObject =
    defaults.sessionShape === 'nested' ||
    format.extra !== undefined ||
    (format.encoding === 'pcm16' && format.rate !== undefined && format.rate !== defaultRate);
  if (!useObject) return format.encoding;
  const wire: Record<string, unknown> = { type: GA_TYPE_OF[format.encoding] };
  if (format.encoding === 'pcm16' && format.rate !== undefined) wire.rate = format.rate;
  return mergeExtra(wire, format.extra);
}

/** The sample rate in force for a format (or for no format) in a dialect. */
export function audioFormatSampleRate(
  format: AudioFormat | undefined,
  dialect: Dialect,
  direction: AudioDirection,
): number {
  if (format !== undefined && format.encoding !== 'pcm16') return G711_SAMPLE_RATE;
  if (format?.rate !== undefined) return format.rate;
  const defaults = DIALECT_DEFAULTS[dialect];
  return direction === 'input' ? defaults.inputSampleRate : defaults.outputSampleRate;
}
