/**
 * The error a runtime, engine or provider throws for a failure a client can
 * act on. `code` is one of the protocol's stable codes (or a provider's own,
 * documented code); `param` names the offending field when there is one.
 * Transports turn it into the dialect's `error` event.
 */
export class RuntimeError extends Error {
  readonly code: string;
  readonly param: string | null;
  readonly type: 'invalid_request_error' | 'server_error';
  constructor(code: string, message: string, options: { param?: string | null; type?: 'invalid_request_error' | 'server_error'; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RuntimeError';
    this.code = code;
    this.param = options.param ?? null;
    this.type = options.type ?? 'invalid_request_error';
  }
}

export function isRuntimeError(e: unknown): e is RuntimeError {
  return e instanceof RuntimeError;
}
