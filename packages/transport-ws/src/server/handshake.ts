/**
 * What an upgrade request asks for: the path, the dialect (notes Part 1:
 * `?dialect=`, else `OpenAI-Beta: realtime=v1` or its subprotocol, else a
 * `gpt-` model, else an `AG-` model or `X-Conversation-Id`, else the route
 * default), the model and the conversation to resume.
 */
import type { IncomingMessage } from 'node:http';
import { DIALECTS, type Dialect, detectDialect, isDialect } from '@parley/protocol';
import type { HttpErrorBody } from './http-reject.js';

export interface ConnectRequest {
  path: string;
  dialect: Dialect;
  model: string;
  conversationId?: string;
}

export type ConnectRequestResult = { ok: true; value: ConnectRequest } | { ok: false; status: 400; error: HttpErrorBody };

/** The path of a request target (`/v1/realtime?model=x` -> `/v1/realtime`), or undefined when it cannot be parsed. */
export function requestUrl(request: IncomingMessage): URL | undefined {
  try {
    return new URL(request.url ?? '/', 'http://localhost');
  } catch {
    return undefined;
  }
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  if (Array.isArray(value)) return value.join(',');
  return value;
}

export function readConnectRequest(
  request: IncomingMessage,
  url: URL,
  routeDefault: Dialect,
  defaultModel: string,
): ConnectRequestResult {
  const dialectParam = url.searchParams.get('dialect');
  if (dialectParam !== null && dialectParam !== '' && !isDialect(dialectParam)) {
    const shown = dialectParam.length > 40 ? `${dialectParam.slice(0, 40)}…` : dialectParam;
    return {
      ok: false,
      status: 400,
      error: {
        type: 'invalid_request_error',
        code: 'invalid_value',
        param: 'dialect',
        message: `Unknown dialect '${shown}'. Expected one of: ${DIALECTS.join(', ')}.`,
      },
    };
  }
  const modelParam = url.searchParams.get('model');
  const model = modelParam !== null && modelParam !== '' ? modelParam : defaultModel;
  const dialect = detectDialect({
    dialect: dialectParam,
    // Only the client's own `?model=` selects a dialect; the default model does not.
    model: modelParam,
    headers: request.headers,
    routeDefault,
  });
  const value: ConnectRequest = { path: url.pathname, dialect, model };
  const conversationId = headerValue(request, 'x-conversation-id')?.trim();
  if (conversationId) value.conversationId = conversationId;
  return { ok: true, value };
}
