/**
 * Field tables for the objects whose flat (beta) and nested (GA) shapes differ:
 * the session, the response, and `response.create`'s parameters.
 *
 * Each field has a canonical name (the beta one), a flat wire name and a GA
 * path (e.g. `voice` <-> `audio.output.voice`, `max_response_output_tokens`
 * <-> `max_output_tokens`). Decoding reads the GA path when present, else the
 * flat name, in every dialect (Parley is a superset). Encoding writes the GA
 * path for `openai`, the flat name otherwise. Everything the table does not
 * name is kept in `extra`, in wire shape, including unknown keys found under
 * `audio`, `audio.input` and `audio.output`.
 */
import Type, { type TSchema } from 'typebox';
import { DIALECT_DEFAULTS, type Dialect } from '../dialect.js';
import { type AudioDirection, audioFormatFromWire, audioFormatToWire, type AudioFormat } from './audio-format.js';
import { type Modality, ModalitySchema } from './common.js';
import { attachExtra, copyObject, type Extra, mergeExtra } from './extra.js';
import { type Item, itemsFromWire, itemsToWire } from './item.js';
import { isPlainObject, joinPath, type ObjectResult, success, wrongType } from './result.js';
import { type Tool, toolsFromWire, toolsToWire } from './tools.js';
import { type TurnDetection, turnDetectionFromWire, turnDetectionToWire } from './turn-detection.js';
import { lazy } from './validation.js';

export interface FieldSpec {
  /** Canonical (and flat wire) name. */
  readonly name: string;
  /** GA wire path, when it differs from `[name]`. */
  readonly ga?: readonly string[];
  /** Wire schema in the flat shape (also used for validation unless `decode` is given). */
  readonly flat: TSchema;
  /** Wire schema in the GA shape, when it differs. */
  readonly gaSchema?: TSchema;
  /** Custom decoding (wire value -> canonical value); `ga` tells which shape it came from. */
  readonly decode?: (value: unknown, path: string, ga: boolean) => ObjectResult<unknown>;
  /** Custom encoding (canonical value -> wire value). */
  readonly encode?: (value: never, dialect: Dialect) => unknown;
}

/** Plain field: validated against its schema, copied as it is. */
export function plain(name: string, schema: TSchema, ga?: readonly string[]): FieldSpec {
  return { name, flat: schema, ...(ga ? { ga } : {}) };
}

export function formatField(name: string, direction: AudioDirection, flat: TSchema, gaSchema: TSchema): FieldSpec {
  return {
    name,
    ga: ['audio', direction, 'format'],
    flat,
    gaSchema,
    decode: (value, path) => audioFormatFromWire(value, path),
    encode: (value: AudioFormat, dialect) => audioFormatToWire(value, dialect, direction),
  };
}

export function toolsField(schema: TSchema): FieldSpec {
  return {
    name: 'tools',
    flat: Type.Array(schema),
    decode: (value, path) => toolsFromWire(value, path),
    encode: (value: Tool[], dialect) => toolsToWire(value, dialect),
  };
}

export function turnDetectionField(schema: TSchema): FieldSpec {
  return {
    name: 'turn_detection',
    ga: ['audio', 'input', 'turn_detection'],
    flat: schema,
    decode: (value, path) => turnDetectionFromWire(value, path),
    encode: (value: TurnDetection | null) => turnDetectionToWire(value),
  };
}

export function itemsField(name: string, flat: TSchema, gaSchema: TSchema): FieldSpec {
  return {
    name,
    flat,
    gaSchema,
    decode: (value, path) => itemsFromWire(value, path),
    encode: (value: Item[], dialect) => itemsToWire(value, dialect),
  };
}

const modalitiesValidator = lazy(Type.Array(ModalitySchema));

/**
 * `modalities` <-> GA `output_modalities`. GA's `["audio"]` always comes with a
 * transcript, so it is canonical `["text","audio"]`; canonical `["audio"]`
 * (Volcengine: audio without transcript events) also encodes to GA `["audio"]`.
 */
export const modalitiesField: FieldSpec = {
  name: 'modalities',
  ga: ['output_modalities'],
  flat: Type.Array(ModalitySchema),
  decode: (value, path, ga) => {
    const error = modalitiesValidator.validate(value, path);
    if (error) return { ok: false, error };
    const list = value as Modality[];
    return success(ga && list.length === 1 && list[0] === 'audio' ? ['text', 'audio'] : [...list]);
  },
  encode: (value: Modality[], dialect) => {
    if (DIALECT_DEFAULTS[dialect].sessionShape !== 'nested' || value.length === 0) return [...value];
    return value.includes('audio') ? ['audio'] : ['text'];
  },
};

function gaPath(spec: FieldSpec): readonly string[] {
  return spec.ga ?? [spec.name];
}

function readPath(wire: Record<string, unknown>, path: readonly string[]): { found: boolean; value: unknown } {
  let node: unknown = wire;
  for (const key of path) {
    if (!isPlainObject(node) || !Object.hasOwn(node, key)) return { found: false, value: undefined };
    node = node[key];
  }
  return { found: true, value: node };
}

const validators = new WeakMap<TSchema, ReturnType<typeof lazy>>();
function validatorFor(schema: TSchema) {
  let validator = validators.get(schema);
  if (!validator) validators.set(schema, (validator = lazy(schema)));
  return validator;
}

function decodeOne(spec: FieldSpec, value: unknown, path: string, ga: boolean): ObjectResult<unknown> {
  if (spec.decode) return spec.decode(value, path, ga);
  const error = validatorFor(ga ? (spec.gaSchema ?? spec.flat) : spec.flat).validate(value, path);
  if (error) return { ok: false, error };
  if (Array.isArray(value)) return success([...value]);
  return success(isPlainObject(value) ? copyObject(value) : value);
}

/** Checks that `audio`, `audio.input`, `audio.output` are objects when present. */
function checkAudioContainers(wire: Record<string, unknown>, path: string): ObjectResult<null> {
  if (!Object.hasOwn(wire, 'audio')) return success(null);
  const audio = wire.audio;
  const audioPath = joinPath(path, 'audio');
  if (!isPlainObject(audio)) return wrongType(audioPath, 'an object', audio);
  for (const side of ['input', 'output']) {
    if (Object.hasOwn(audio, side) && !isPlainObject(audio[side])) {
      return wrongType(joinPath(audioPath, side), 'an object', audio[side]);
    }
  }
  return success(null);
}

function residue(wire: Record<string, unknown>, consumed: Set<string>): Extra | undefined {
  let extra: Extra | undefined;
  for (const key of Object.keys(wire)) {
    const value = wire[key];
    if (consumed.has(key) && !(key === 'audio' && isPlainObject(value))) continue;
    if (key === 'audio' && isPlainObject(value)) {
      const nested = audioResidue(value, consumed);
      if (nested === undefined) continue;
      extra ??= {};
      Object.defineProperty(extra, key, { value: nested, enumerable: true, writable: true, configurable: true });
      continue;
    }
    extra ??= {};
    Object.defineProperty(extra, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return extra;
}

function audioResidue(audio: Record<string, unknown>, consumed: Set<string>): Extra | undefined {
  const out: Extra = {};
  for (const key of Object.keys(audio)) {
    const value = audio[key];
    if ((key === 'input' || key === 'output') && isPlainObject(value)) {
      const rest: Extra = {};
      for (const inner of Object.keys(value)) {
        if (consumed.has(`audio.${key}.${inner}`)) continue;
        Object.defineProperty(rest, inner, { value: value[inner], enumerable: true, writable: true, configurable: true });
      }
      // An empty `input` / `output` object is kept so that it echoes unchanged.
      if (Object.keys(rest).length > 0 || Object.keys(value).length === 0) out[key] = rest;
      continue;
    }
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return Object.keys(out).length > 0 || Object.keys(audio).length === 0 ? out : undefined;
}

/** Decodes a flat or nested wire object with a field table. `path` prefixes error params. */
export function decodeFields<T extends object>(
  wire: unknown,
  specs: readonly FieldSpec[],
  path: string,
): ObjectResult<T & { extra?: Extra }> {
  if (!isPlainObject(wire)) return wrongType(path, 'an object', wire);
  const containers = checkAudioContainers(wire, path);
  if (!containers.ok) return containers;
  const out: Record<string, unknown> = {};
  const consumed = new Set<string>();
  for (const spec of specs) {
    const ga = gaPath(spec);
    const nested = ga.length > 1 || ga[0] !== spec.name;
    const fromGa = nested ? readPath(wire, ga) : { found: false, value: undefined };
    const useGa = fromGa.found;
    if (!useGa && !Object.hasOwn(wire, spec.name)) continue;
    const value = useGa ? fromGa.value : wire[spec.name];
    const fieldPath = (useGa ? ga : [spec.name]).reduce((acc: string, key) => joinPath(acc, key), path);
    const result = decodeOne(spec, value, fieldPath, useGa);
    if (!result.ok) return result;
    out[spec.name] = result.value;
    if (useGa) consumed.add(ga.join('.'));
    if (!useGa || Object.hasOwn(wire, spec.name)) consumed.add(spec.name);
    if (useGa && ga.length === 1) consumed.add(ga[0]);
  }
  consumed.add('audio');
  return success(attachExtra(out as T, residue(wire, consumed)));
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    if (!isPlainObject(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
}

/** Encodes a canonical object with a field table, in the dialect's shape. */
export function encodeFields(
  value: Record<string, unknown> & { extra?: Extra },
  specs: readonly FieldSpec[],
  dialect: Dialect,
): Record<string, unknown> {
  const nested = DIALECT_DEFAULTS[dialect].sessionShape === 'nested';
  const wire: Record<string, unknown> = {};
  for (const spec of specs) {
    if (!Object.hasOwn(value, spec.name) || value[spec.name] === undefined) continue;
    const raw = value[spec.name];
    const encoded = spec.encode
      ? (spec.encode as (v: unknown, d: Dialect) => unknown)(raw, dialect)
      : Array.isArray(raw)
        ? [...raw]
        : isPlainObject(raw)
          ? copyObject(raw)
          : raw;
    setPath(wire, nested ? gaPath(spec) : [spec.name], encoded);
  }
  return mergeExtra(wire, value.extra);
}

/** Builds the flat or GA wire schema of a field table (for JSON Schema output). */
export function wireSchemaOf(specs: readonly FieldSpec[], shape: 'flat' | 'nested', extra: Record<string, TSchema> = {}) {
  const top: Record<string, TSchema> = { ...extra };
  const audio: Record<'input' | 'output', Record<string, TSchema>> = { input: {}, output: {} };
  for (const spec of specs) {
    const path = shape === 'nested' ? gaPath(spec) : [spec.name];
    const schema = Type.Optional(shape === 'nested' ? (spec.gaSchema ?? spec.flat) : spec.flat);
    if (path.length === 3) audio[path[1] as 'input' | 'output'][path[2]] = schema;
    else top[path[0]] = schema;
  }
  if (shape === 'nested') {
    top.audio = Type.Optional(
      Type.Object({
        input: Type.Optional(Type.Object(audio.input)),
        output: Type.Optional(Type.Object(audio.output)),
      }),
    );
  }
  return Type.Object(top);
}
