/**
 * Stable error codes of the Parley protocol (protocol notes, Part 1, "Errors").
 * Tests and clients switch on these; messages are for humans.
 */
export type ProtocolErrorCode =
  | 'invalid_json'
  | 'unknown_event'
  | 'missing_required_parameter'
  | 'invalid_type'
  | 'invalid_value'
  | 'input_audio_buffer_commit_empty'
  | 'invalid_audio'
  | 'audio_too_large'
  | 'item_not_found'
  | 'conversation_already_has_active_response'
  | 'response_cancel_not_active'
  | 'voice_locked'
  | 'idle_timeout'
  | 'upstream_error'
  | 'upstream_timeout'
  | 'rate_limited'
  | 'session_limit_reached';

/** The `error` object of an `error` event, as every dialect carries it. */
export interface ProtocolError {
  type: 'invalid_request_error' | 'server_error' | 'rate_limit_error' | 'authentication_error' | (string & {});
  code: ProtocolErrorCode | (string & {});
  message: string;
  param: string | null;
  event_id: string | null;
}

/** What every decoder returns: it never throws. */
export type DecodeResult<T> = { ok: true; event: T } | { ok: false; error: ProtocolError };

/** Builds an `invalid_request_error`. */
export function invalidRequest(
  code: ProtocolErrorCode,
  message: string,
  param: string | null = null,
  eventId: string | null = null,
): ProtocolError {
  return { type: 'invalid_request_error', code, message, param, event_id: eventId };
}
