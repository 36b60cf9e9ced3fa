/**
 * Builders for the `ProtocolError`s the HTTP decoders return, and the `param`
 * path notation they use (`messages[2].content[0].input_audio.data`).
 */
import { type ProtocolError, type ProtocolErrorCode, invalidRequest } from '../errors.js';

/** `messages[2].content[0]` from path segments; `null` for the root. */
export function joinParam(...segments: ReadonlyArray<string | number | null>): string | null {
  let out = '';
  for (const segment of segments) {
    if (segment === null) continue;
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out === '' ? null : out;
}

/** Converts a JSON pointer (`/messages/2/content`) to a `param` path. */
export function paramFromPointer(pointer: string): string | null {
  if (pointer === '' || pointer === '/') return null;
  const segments = pointerSegments(pointer).map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
  return joinParam(...segments);
}

export function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function missing(param: string): ProtocolError {
  return invalidRequest('missing_required_parameter', `Missing required parameter: '${param}'.`, param);
}

export function wrongType(param: string | null, expected: readonly string[], actual: unknown): ProtocolError {
  const what = expected.map(withArticle).join(' or ');
  return invalidRequest(
    'invalid_type',
    `Invalid type for ${subject(param)}: expected ${what}, but got ${describeValue(actual)}.`,
    param,
  );
}

export function wrongValue(param: string | null, detail: string, code: ProtocolErrorCode = 'invalid_value'): ProtocolError {
  return invalidRequest(code, `Invalid value for ${subject(param)}: ${detail}`, param);
}

export function withArticle(type: string): string {
  if (type === 'null') return 'null';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return withArticle(typeof value);
}

export function quoteValue(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

function subject(param: string | null): string {
  return param === null ? 'the body' : `'${param}'`;
}
