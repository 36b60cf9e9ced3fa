/**
 * WebSocket subprotocols of the realtime APIs. Browsers cannot set headers on a
 * WebSocket, so OpenAI-style clients put the key and the beta selector in
 * `Sec-WebSocket-Protocol`: `realtime`, `openai-insecure-api-key.<key>` and
 * `openai-beta.realtime-v1`.
 */
import type { IncomingMessage } from 'node:http';

export const REALTIME_PROTOCOL = 'realtime';
export const API_KEY_PROTOCOL_PREFIX = 'openai-insecure-api-key.';
export const BETA_PROTOCOL = 'openai-beta.realtime-v1';

/** The subprotocols a client offered, in its order. */
export function offeredProtocols(request: IncomingMessage): string[] {
  const header = request.headers['sec-websocket-protocol'];
  if (typeof header !== 'string') return [];
  return header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** The key carried by an `openai-insecure-api-key.<key>` subprotocol, if any. */
export function keyFromProtocols(protocols: Iterable<string>): string | undefined {
  for (const protocol of protocols) {
    if (protocol.startsWith(API_KEY_PROTOCOL_PREFIX) && protocol.length > API_KEY_PROTOCOL_PREFIX.length) {
      return protocol.slice(API_KEY_PROTOCOL_PREFIX.length);
    }
  }
  return undefined;
}

/**
 * The subprotocol the server answers. A client that offers subprotocols fails
 * the handshake (browsers do) unless the server selects one of them, so:
 * `realtime` when offered, else `openai-beta.realtime-v1`, else the first one
 * offered that is not a key; a client that offers only a key gets it back
 * (it is its own). Nothing is answered when nothing was offered.
 */
export function selectProtocol(protocols: ReadonlySet<string>): string | false {
  if (protocols.size === 0) return false;
  if (protocols.has(REALTIME_PROTOCOL)) return REALTIME_PROTOCOL;
  if (protocols.has(BETA_PROTOCOL)) return BETA_PROTOCOL;
  for (const protocol of protocols) if (!protocol.startsWith(API_KEY_PROTOCOL_PREFIX)) return protocol;
  const [first] = protocols;
  return first ?? false;
}
