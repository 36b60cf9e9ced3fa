/**
 * The few SSE pieces the HTTP surfaces share. Parsing an SSE stream is the
 * transport's job; here are only the message type and the `data:` framing a
 * server writes (chat chunks, speech `stream_format: "sse"`, ASR results).
 */

/** One SSE message as a parser yields it. */
export interface SseMessage {
  data: string;
  event?: string;
  id?: string;
  retry?: number;
}

/** The payload of the line that ends a chat or speech stream. */
export const SSE_DONE_DATA = '[DONE]';

/** The terminating message, framed: `data: [DONE]` and a blank line. */
export const SSE_DONE = `data: ${SSE_DONE_DATA}\n\n`;

/** Frames a value as one SSE message: `data: <json>` and a blank line. */
export function encodeSseData(value: unknown): string {
  // JSON.stringify escapes line breaks inside strings, so the payload is one line.
  return `data: ${JSON.stringify(value) ?? 'null'}\n\n`;
}

/** True for the `[DONE]` terminator (surrounding spaces tolerated). */
export function isSseDone(data: string): boolean {
  return data.trim() === SSE_DONE_DATA;
}
