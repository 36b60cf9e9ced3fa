/**
 * Schema validation with stable error codes.
 *
 * Validators are TypeBox compiled validators, built on first use. Where the
 * environment forbids code generation (a Content-Security-Policy without
 * `unsafe-eval`), TypeBox detects it at run time and interprets the schema
 * instead; results are the same, only slower.
 *
 * A failed check is turned into one `ProtocolError`: the deepest failing path
 * wins; a missing property is `missing_required_parameter`, a JSON type
 * mismatch is `invalid_type`, anything else (enum, range, pattern, a number
 * that is not an integer) is `invalid_value`. `param` is the dotted path with
 * `[n]` for array indices.
 */
import type { TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';
import { invalidRequest, type ProtocolError } from '../../errors.js';
import { describeType, joinPath } from './result.js';

interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

/** A validator compiled on first use. */
export class LazyValidator {
  private compiled: Validator | undefined;

  constructor(readonly schema: TSchema) {}

  private validator(): Validator {
    this.compiled ??= Compile(this.schema);
    return this.compiled;
  }

  /** Whether checks run as generated code (false where the environment forbids code generation). */
  accelerated(): boolean {
    return this.validator().IsAccelerated();
  }

  check(value: unknown): boolean {
    return this.validator().Check(value);
  }

  /** `null` when `value` is valid, else the error, its `param` prefixed with `path`. */
  validate(value: unknown, path: string): ProtocolError | null {
    const validator = this.validator();
    if (validator.Check(value)) return null;
    return errorFromSchemaErrors(validator.Errors(value) as unknown as SchemaError[], value, path);
  }
}

/** Compiles `schema` lazily. */
export function lazy(schema: TSchema): LazyValidator {
  return new LazyValidator(schema);
}

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

interface Located {
  value: unknown;
  path: string;
  depth: number;
}

function locate(root: unknown, pointer: string, prefix: string): Located {
  let value = root;
  let path = prefix;
  const segments = pointerSegments(pointer);
  for (const segment of segments) {
    if (Array.isArray(value)) {
      const index = Number(segment);
      path = joinPath(path, index);
      value = value[index];
    } else {
      path = joinPath(path, segment);
      value =
        value !== null && typeof value === 'object' && Object.hasOwn(value, segment)
          ? (value as Record<string, unknown>)[segment]
          : undefined;
    }
  }
  return { value, path, depth: segments.length };
}

const SUMMARY_KEYWORDS = new Set(['anyOf', 'oneOf', 'allOf', 'not', 'if', 'then', 'else']);

type Rank = 0 | 1 | 2;

function allowedTypeMatches(error: SchemaError, actual: unknown): boolean {
  const allowed = error.keyword === 'const' ? [error.params.allowedValue] : (error.params.allowedValues as unknown[]);
  if (!Array.isArray(allowed)) return true;
  return allowed.some((candidate) => typeof candidate === typeof actual && (candidate === null) === (actual === null));
}

function isTypeMismatch(error: SchemaError, actual: unknown): boolean {
  if (error.keyword === 'type') {
    // A number where an integer is expected has the right JSON type and a wrong value.
    return !(error.params.type === 'integer' && typeof actual === 'number');
  }
  if (error.keyword === 'const' || error.keyword === 'enum') return !allowedTypeMatches(error, actual);
  return false;
}

/** Turns TypeBox errors into one protocol error (see the module comment). */
export function errorFromSchemaErrors(errors: readonly SchemaError[], root: unknown, prefix: string): ProtocolError {
  let best: { error: SchemaError; at: Located; depth: number; rank: Rank } | undefined;
  for (const error of errors) {
    if (SUMMARY_KEYWORDS.has(error.keyword)) continue;
    const at = locate(root, error.instancePath, prefix);
    const required = error.keyword === 'required';
    const depth = at.depth + (required ? 1 : 0);
    // At equal depth: a missing field beats a wrong value, which beats a wrong type
    // (a value error means some alternative accepted the type).
    const rank: Rank = required ? 2 : isTypeMismatch(error, at.value) ? 0 : 1;
    if (best === undefined || depth > best.depth || (depth === best.depth && rank > best.rank)) {
      best = { error, at, depth, rank };
    }
  }
  if (best === undefined) {
    const first = errors[0];
    const at = locate(root, first?.instancePath ?? '', prefix);
    return invalidRequest('invalid_value', `Invalid value for '${at.path}'.`, at.path || null);
  }
  const { error, at } = best;
  if (error.keyword === 'required') {
    const names = (error.params.requiredProperties as string[] | undefined) ?? [];
    const holder = at.value as Record<string, unknown> | undefined;
    const name = names.find((candidate) => holder === undefined || !Object.hasOwn(holder, candidate)) ?? names[0] ?? '';
    const path = joinPath(at.path, name);
    return invalidRequest('missing_required_parameter', `Missing required parameter: '${path}'.`, path);
  }
  const param = at.path === '' ? null : at.path;
  if (best.rank === 0) {
    const expected = error.keyword === 'type' ? String(error.params.type) : 'another type';
    return invalidRequest(
      'invalid_type',
      `Invalid type for '${at.path}': expected ${expected}, got ${describeType(at.value)}.`,
      param,
    );
  }
  const detail =
    error.keyword === 'const' || error.keyword === 'enum'
      ? 'not one of the accepted values'
      : error.keyword === 'type'
        ? 'must be an integer'
        : error.message;
  return invalidRequest('invalid_value', `Invalid value for '${at.path}': ${detail}.`, param);
}
