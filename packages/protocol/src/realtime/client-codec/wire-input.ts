/**
 * Turning what a transport received into a JSON object, without throwing:
 * text, UTF-8 bytes, or an already parsed value.
 */
import { invalidRequest, type ProtocolError } from '../../errors.js';
import { isPlainObject } from '../objects/result.js';

// Fatal: invalid UTF-8 is refused rather than silently replaced. Created on first use.
let utf8: TextDecoder | undefined;

/** Why `parseJsonText` refused its input: bad UTF-8 bytes or bad JSON text (with the parser's message). */
export type JsonTextFailure = { ok: false; reason: 'utf8' | 'json'; detail: string };

/**
 * The text/bytes-to-JSON step shared by every decoder. A `string` is JSON
 * text, a `Uint8Array` or `ArrayBuffer` is UTF-8 JSON text (decoded strictly),
 * anything else is taken as the already parsed value. Never throws.
 */
export function parseJsonText(raw: unknown): { ok: true; value: unknown } | JsonTextFailure {
  if (typeof raw !== 'string' && !(raw instanceof Uint8Array) && !(raw instanceof ArrayBuffer)) {
    return { ok: true, value: raw };
  }
  let text: string;
  try {
    text = typeof raw === 'string' ? raw : (utf8 ??= new TextDecoder('utf-8', { fatal: true })).decode(raw);
  } catch (cause) {
    return { ok: false, reason: 'utf8', detail: errorDetail(cause) };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (cause) {
    return { ok: false, reason: 'json', detail: errorDetail(cause) };
  }
}

function errorDetail(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

function notJson(detail: string): { ok: false; error: ProtocolError } {
  return { ok: false, error: invalidRequest('invalid_json', `The event is not a JSON object: ${detail}.`) };
}

/**
 * Parses a frame. A `string` is wire text, bytes are UTF-8 wire text, anything
 * else is taken as the parsed value. The result must be a JSON object.
 */
export function parseWireObject(
  wire: unknown,
): { ok: true; value: Record<string, unknown> } | { ok: false; error: ProtocolError } {
  const parsed = parseJsonText(wire);
  if (!parsed.ok) {
    return notJson(parsed.reason === 'utf8' ? 'the frame is not valid UTF-8' : 'the text is not valid JSON');
  }
  const value = parsed.value;
  if (!isPlainObject(value)) {
    return notJson(value === null ? 'got null' : Array.isArray(value) ? 'got an array' : `got a ${typeof value}`);
  }
  return { ok: true, value };
}

/**
 * The `type` of a parsed event: `missing_required_parameter` when absent,
 * `invalid_type` when not a string (both with `param: 'type'`).
 */
export function readEventType(event: Record<string, unknown>): { ok: true; type: string } | { ok: false; error: ProtocolError } {
  if (!Object.hasOwn(event, 'type')) {
    return { ok: false, error: invalidRequest('missing_required_parameter', "Missing required parameter: 'type'.", 'type') };
  }
  const type = event.type;
  if (typeof type !== 'string') {
    return { ok: false, error: invalidRequest('invalid_type', "Invalid type for 'type': expected a string.", 'type') };
  }
  return { ok: true, type };
}
