/**
 * Refusing an upgrade with a plain HTTP response and a JSON error body, before
 * any WebSocket exists. The body has the shape of the vendors' HTTP errors:
 * `{"error":{"type","code","message","param"}}`.
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

export interface HttpErrorBody {
  type: string;
  code: string;
  message: string;
  param?: string | null;
}

export function rejectUpgrade(
  socket: Duplex,
  status: number,
  error: HttpErrorBody,
  headers: Record<string, string> = {},
): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({ error: { param: null, ...error } });
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Connection: close',
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.once('finish', () => socket.destroy());
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}
