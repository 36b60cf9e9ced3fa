/**
 * A client that sees the exact wire: a bare `ws` socket whose JSON frames are
 * kept in arrival order. Tests read them with a cursor (`next`, `until`), so
 * what was skipped stays available in `frames` for order checks.
 *
 * Waits are bounded only so that a broken server fails a test instead of
 * hanging it; nothing here measures speed.
 */
import WebSocket, { type ClientOptions } from 'ws';

export type WireFrame = Record<string, unknown> & { type: string };

export interface CloseInfo {
  code: number;
  reason: string;
}

const HANG_MS = 15_000;

export class WireClient {
  /** Every frame received, in order. */
  readonly frames: WireFrame[] = [];
  readonly closed: Promise<CloseInfo>;
  #cursor = 0;
  #wake: (() => void) | undefined;
  #closeInfo: CloseInfo | undefined;

  private constructor(readonly ws: WebSocket) {
    // A socket error is followed by 'close', which ends every wait.
    ws.on('error', () => undefined);
    ws.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()) as WireFrame);
      this.#wake?.();
    });
    this.closed = new Promise((resolve) => {
      ws.once('close', (code, reason) => {
        this.#closeInfo = { code, reason: reason.toString() };
        this.#wake?.();
        resolve(this.#closeInfo);
      });
    });
  }

  /** Opens a socket; rejects when the upgrade is refused. */
  static open(url: string, options: { headers?: Record<string, string>; protocols?: string[]; ws?: ClientOptions } = {}) {
    const ws = new WebSocket(url, options.protocols ?? [], { ...options.ws, headers: options.headers ?? {} });
    const client = new WireClient(ws);
    return new Promise<WireClient>((resolve, reject) => {
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
    });
  }

  send(event: Record<string, unknown>): void {
    this.ws.send(JSON.stringify(event));
  }

  /** The next frame after the cursor that matches (a type name or a predicate; any frame when absent). */
  async next(match?: string | ((frame: WireFrame) => boolean)): Promise<WireFrame> {
    const frames = await this.until(match ?? (() => true));
    return frames.at(-1)!;
  }

  /**
   * Frames from the cursor up to and including the first that matches (a type
   * name or a predicate); the cursor moves past it.
   */
  async until(match: string | ((frame: WireFrame) => boolean)): Promise<WireFrame[]> {
    const test = typeof match === 'string' ? (frame: WireFrame) => frame.type === match : match;
    const start = this.#cursor;
    const deadline = Date.now() + HANG_MS;
    for (;;) {
      while (this.#cursor < this.frames.length) {
        const frame = this.frames[this.#cursor++]!;
        if (test(frame)) return this.frames.slice(start, this.#cursor);
      }
      if (this.#closeInfo) throw new Error(`socket closed (${this.#closeInfo.code}) before the awaited frame; ${this.#tail()}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no awaited frame within ${HANG_MS} ms; ${this.#tail()}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = undefined;
    }
  }

  close(): Promise<CloseInfo> {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(1000);
    return this.closed;
  }

  #tail(): string {
    return `last frames: ${this.frames.slice(-6).map((frame) => frame.type).join(', ') || 'none'}`;
  }
}
