/**
 * Turning what a transport received into a JSON object, without throwing:
 * text, UTF-8 bytes, or an already parsed value.
 */
import { invalidRequest, type ProtocolError } from '../../errors.js';
import { isPlainObject } from '../objects/result.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

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
  let value: unknown = wire;
  if (typeof wire === 'string' || wire instanceof Uint8Array || wire instanceof ArrayBuffer) {
    let text: string;
    try {
      text = typeof wire === 'string' ? wire : utf8.decode(wire);
    } catch {
      return notJson('the frame is not valid UTF-8');
    }
    try {
      value = JSON.parse(text);
    } catch {
      return notJson('the text is not valid JSON');
    }
  }
  if (!isPlainObject(value)) {
    return notJson(value === null ? 'got null' : Array.isArray(value) ? 'got an array' : `got a ${typeof value}`);
  }
  return { ok: true, value };
}
