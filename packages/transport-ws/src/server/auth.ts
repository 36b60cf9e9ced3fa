/**
 * Authentication at upgrade time: `Authorization: Bearer <key>`, or the
 * browser form, the `openai-insecure-api-key.<key>` subprotocol.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AuthOption } from './options.js';
import { keyFromProtocols, offeredProtocols } from './subprotocols.js';

/** Decides whether an upgrade request may proceed. Never throws: a failing custom check denies. */
export type Authorizer = (request: IncomingMessage) => Promise<AuthDecision>;

export type AuthDecision = { ok: true } | { ok: false; status: 401 | 500; message: string };

/** The key of a request: the bearer token, else the subprotocol key. */
export function requestKey(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match) return match[1];
  }
  return keyFromProtocols(offeredProtocols(request));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Compares in time independent of where the strings differ (both sides hashed to equal length). */
function matchesAny(candidate: string, keyDigests: readonly Buffer[]): boolean {
  const candidateDigest = digest(candidate);
  let found = false;
  for (const keyDigest of keyDigests) if (timingSafeEqual(candidateDigest, keyDigest)) found = true;
  return found;
}

const MISSING = 'Missing API key: send `Authorization: Bearer <key>` or the `openai-insecure-api-key.<key>` subprotocol.';
const WRONG = 'Incorrect API key provided.';

export function createAuthorizer(auth: AuthOption | undefined): Authorizer | undefined {
  if (auth === undefined) return undefined;
  if (typeof auth === 'function') {
    return async (request) => {
      try {
        return (await auth(request)) ? { ok: true } : { ok: false, status: 401, message: WRONG };
      } catch {
        return { ok: false, status: 500, message: 'The authentication check failed.' };
      }
    };
  }
  const keyDigests = auth.keys.filter((key) => key !== '').map(digest);
  if (keyDigests.length === 0) throw new RangeError('auth.keys must hold at least one non-empty key.');
  return async (request) => {
    const key = requestKey(request);
    if (key === undefined) return { ok: false, status: 401, message: MISSING };
    return matchesAny(key, keyDigests) ? { ok: true } : { ok: false, status: 401, message: WRONG };
  };
}
