/**
 * Vendor variants of server events that the decoder normalises and the
 * encoder reproduces:
 *
 * - the flat `error` form some StepFun pages show (fields of the error object
 *   at the top level, no `error` wrapper); Parley always emits the wrapped one;
 * - StepFun's `response.function_call_arguments.delta`, whose guide puts the
 *   piece in `arguments`: decoding reads `delta`, else `arguments`; the
 *   `stepfun` encoder writes the piece under both names (notes Part 1);
 * - GA's transcription session, which is `session.updated` with
 *   `session.type: "transcription"` (beta `transcription_session.updated`).
 */
import type { Dialect } from '../dialect.js';
import { put } from '../objects/extra.js';
import { isPlainObject } from '../objects/result.js';

/**
 * The flat error form, wrapped: `{type:"error", code, message, …}` or
 * `{type:"invalid_request_error", code, message, param, event_id}`. Returns
 * null when `wire` is not a flat error.
 *
 * When `type` is the error's type (`…_error`), every other error field
 * belongs to the error object, `event_id` included (the offending client
 * event, as in the wrapped form). When `type` is `"error"`, `event_id` is the
 * event's own id and the error type, which that form does not say, is
 * `server_error`.
 */
export function wrapFlatError(wire: Record<string, unknown>): Record<string, unknown> | null {
  if (typeof wire.message !== 'string' || isPlainObject(wire.error)) return null;
  const type = wire.type;
  if (typeof type !== 'string') return null;
  const typeIsErrorType = type !== 'error' && type.endsWith('_error');
  if (type !== 'error' && !typeIsErrorType) return null;
  const fields = typeIsErrorType ? ['code', 'message', 'param', 'event_id'] : ['code', 'message', 'param'];
  const error: Record<string, unknown> = { type: typeIsErrorType ? type : 'server_error' };
  const event: Record<string, unknown> = { type: 'error' };
  for (const key of Object.keys(wire)) {
    if (key === 'type') continue;
    // Defined, not assigned: a `__proto__` key stays a plain field.
    put(fields.includes(key) ? error : event, key, wire[key]);
  }
  event.error = error;
  return event;
}

/**
 * Normalises a function-call arguments delta: the piece goes to `delta`.
 * `arguments` is dropped when it repeats `delta` (what the `stepfun` encoder
 * writes) and kept, as an extra field, when it says something else.
 */
export function normaliseArgumentsDelta(wire: Record<string, unknown>): Record<string, unknown> {
  if (!Object.hasOwn(wire, 'arguments')) return wire;
  const { arguments: pieceOrMore, ...rest } = wire;
  if (!Object.hasOwn(wire, 'delta')) return typeof pieceOrMore === 'string' ? { ...rest, delta: pieceOrMore } : wire;
  return pieceOrMore === wire.delta ? rest : wire;
}

/** The `stepfun` encoder's arguments delta: `delta` and `arguments` carry the same piece. */
export function withStepfunArguments(wire: Record<string, unknown>, dialect: Dialect): Record<string, unknown> {
  if (dialect !== 'stepfun' || Object.hasOwn(wire, 'arguments')) return wire;
  return { ...wire, arguments: wire.delta };
}

/** Whether a GA `session.updated` wire event is about a transcription session. */
export function isGaTranscriptionSession(wire: Record<string, unknown>): boolean {
  return wire.type === 'session.updated' && isPlainObject(wire.session) && wire.session.type === 'transcription';
}
