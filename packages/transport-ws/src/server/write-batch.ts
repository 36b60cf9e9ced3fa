/**
 * Coalesces socket writes: the first frame sent to a socket in an event-loop
 * turn corks it, and every corked socket is uncorked once, after the I/O
 * callbacks of that turn (`setImmediate`). A burst (a response's audio deltas,
 * events emitted by one client event) then leaves in one `writev` rather than
 * one write per frame. Corked bytes count in the socket's `writableLength`,
 * so `ws.bufferedAmount` and the outbound cap see them as before.
 */
import type WebSocket from 'ws';

interface Corkable {
  cork(): void;
  uncork(): void;
  readonly destroyed?: boolean;
}

// Taken at load, so that tests faking timers do not hold frames back.
const later = globalThis.setImmediate.bind(globalThis);
const corked = new Set<Corkable>();
let scheduled = false;

function flush(): void {
  scheduled = false;
  const sockets = [...corked];
  corked.clear();
  for (const socket of sockets) socket.uncork();
}

/** Corks `ws`'s socket until the end of this event-loop turn (once per turn; a no-op without one). */
export function corkForThisTurn(ws: WebSocket): void {
  // `ws` keeps its net.Socket in `_socket`; not public, so tolerate its absence.
  const socket = (ws as unknown as { _socket?: Partial<Corkable> })._socket;
  if (!socket || typeof socket.cork !== 'function' || typeof socket.uncork !== 'function') return;
  if (corked.has(socket as Corkable) || socket.destroyed) return;
  socket.cork();
  corked.add(socket as Corkable);
  if (!scheduled) {
    scheduled = true;
    later(flush);
  }
}
