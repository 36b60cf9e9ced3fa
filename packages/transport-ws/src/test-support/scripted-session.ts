/**
 * A small `Session` for transport tests: it answers `session.update`,
 * `conversation.item.create` and `response.create` with a fixed script
 * (optional audio chunks, then a text reply), and records what the transport
 * did to it. Audio can stream without end (bounded) for backpressure tests,
 * and a response can be held at a gate for shutdown tests.
 */
import type { ClientEvent, Dialect, ServerEvent, SessionConfig } from '@parley/protocol';
import type { Session, SessionContext, SessionFactory } from '@parley/runtime';

export interface ScriptOptions {
  /** Text of every reply. */
  reply?: string;
  /** Audio deltas before the text (default 0). */
  audioChunks?: number;
  /** PCM bytes per audio delta (default 4800: 100 ms at 24 kHz). */
  chunkBytes?: number;
  /** Held after the first audio delta until it resolves. */
  gate?: Promise<void>;
}

export type SessionLogEntry =
  | { kind: 'handle'; event: ClientEvent }
  | { kind: 'switch'; dialect: Dialect }
  | { kind: 'close'; reason: string | undefined };

const yieldTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class ScriptedSession implements Session {
  readonly id: string;
  readonly log: SessionLogEntry[] = [];
  readonly context: SessionContext;
  #options: ScriptOptions;
  #config: SessionConfig;
  #running: Promise<void> | undefined;
  #abort: AbortController | undefined;
  #closed = false;
  #items = 0;
  #responses = 0;

  constructor(id: string, context: SessionContext, options: ScriptOptions) {
    this.id = id;
    this.context = context;
    this.#options = options;
    this.#config = { id, object: 'realtime.session', model: context.model, modalities: ['text', 'audio'], instructions: '' };
    context.emit({ type: 'session.created', session: { ...this.#config } } as ServerEvent);
  }

  get closed(): boolean {
    return this.#closed;
  }

  handle(event: ClientEvent): void {
    this.log.push({ kind: 'handle', event });
    if (this.#closed) return;
    switch (event.type) {
      case 'session.update':
        this.#config = { ...this.#config, ...event.session, id: this.id };
        this.context.emit({ type: 'session.updated', session: { ...this.#config } } as ServerEvent);
        break;
      case 'conversation.item.create':
        this.context.emit({
          type: 'conversation.item.created',
          previous_item_id: null,
          item: { ...event.item, id: `item_${++this.#items}`, object: 'realtime.item', status: 'completed' },
        } as ServerEvent);
        break;
      case 'response.create':
        if (this.#running) {
          this.context.emit({
            type: 'error',
            error: {
              type: 'invalid_request_error',
              code: 'conversation_already_has_active_response',
              message: 'A response is running.',
              param: null,
              event_id: event.event_id ?? null,
            },
          });
          return;
        }
        this.#startResponse();
        break;
      case 'response.cancel':
        this.#abort?.abort();
        break;
      default:
        break;
    }
  }

  switchDialect(dialect: Dialect): void {
    this.log.push({ kind: 'switch', dialect });
  }

  close(reason?: string): void {
    this.log.push({ kind: 'close', reason });
    this.#closed = true;
    this.#abort?.abort();
  }

  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  #startResponse(): void {
    const abort = new AbortController();
    this.#abort = abort;
    const id = `resp_${++this.#responses}`;
    this.#running = this.#respond(id, abort.signal).finally(() => {
      this.#running = undefined;
    });
  }

  async #respond(responseId: string, signal: AbortSignal): Promise<void> {
    const emit = (event: Record<string, unknown>) => {
      if (!signal.aborted) this.context.emit(event as unknown as ServerEvent);
    };
    const itemId = `item_${++this.#items}`;
    const ids = { response_id: responseId, item_id: itemId, output_index: 0, content_index: 0 };
    emit({ type: 'response.created', response: { id: responseId, object: 'realtime.response', status: 'in_progress', output: [] } });
    const { audioChunks = 0, chunkBytes = 4800, gate, reply = 'Hello from the test session.' } = this.#options;
    const chunk = Buffer.alloc(chunkBytes, 1).toString('base64');
    for (let i = 0; i < audioChunks && !signal.aborted; i++) {
      emit({ type: 'response.audio.delta', ...ids, delta: chunk });
      if (i === 0 && gate) await gate;
      await yieldTurn();
    }
    if (signal.aborted) return;
    emit({ type: 'response.text.delta', ...ids, delta: reply });
    emit({ type: 'response.text.done', ...ids, text: reply });
    const item = {
      id: itemId,
      object: 'realtime.item',
      type: 'message',
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'text', text: reply }],
    };
    emit({
      type: 'response.done',
      response: { id: responseId, object: 'realtime.response', status: 'completed', output: [item] },
    });
  }
}

/** A factory of scripted sessions that keeps every session it made. */
export function scriptedSessions(options: ScriptOptions = {}): { factory: SessionFactory; sessions: ScriptedSession[] } {
  const sessions: ScriptedSession[] = [];
  const factory: SessionFactory = (context) => {
    const session = new ScriptedSession(`sess_${sessions.length + 1}`, context, options);
    sessions.push(session);
    return session;
  };
  return { factory, sessions };
}
