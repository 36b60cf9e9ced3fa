/**
 * Who answers: at most one response runs at a time (a second
 * `response.create` is `conversation_already_has_active_response`, as OpenAI
 * does; the session goes on). Starts responses for the client and for turn
 * detection, cancels them, and tells when none runs (`idle`).
 */
import type { ResponseCreateParams } from '@parley/protocol';
import type { Clock } from '../clock.js';
import type { Conversation } from '../conversation/conversation.js';
import type { Engine } from '../engine/engine.js';
import { RuntimeError } from '../errors.js';
import type { IdGenerator } from '../ids.js';
import type { Base64Codec } from '../input/audio-codec.js';
import type { EventSink } from '../session/event-sink.js';
import type { SessionSettings } from '../session/session-settings.js';
import { resolveResponse } from './response-options.js';
import { type CancelReason, ResponseRun } from './response-run.js';

export interface ResponderHost {
  sink: EventSink;
  ids: IdGenerator;
  clock: Clock;
  engine: Engine;
  settings: SessionSettings;
  conversation: Conversation;
  engineTimeoutMs: number;
  maxKeptAudioBytes: number;
  base64: Base64Codec;
  /** A response started (turn detection stops its idle timer). */
  onResponseStart: (run: ResponseRun) => void;
  /** A response sent its `response.done`. */
  onResponseEnd: (run: ResponseRun) => void;
}

export class Responder {
  #active: ResponseRun | null = null;
  #waiters: (() => void)[] = [];
  #closed = false;

  constructor(private readonly host: ResponderHost) {}

  get active(): ResponseRun | null {
    return this.#active;
  }

  /**
   * Starts a response. Throws `RuntimeError`: `conversation_already_has_active_response`
   * while one runs, or a refused parameter.
   */
  create(params: ResponseCreateParams | undefined): ResponseRun {
    if (this.#closed) throw new RuntimeError('session_closed', 'The session is closed.');
    if (this.#active) {
      throw new RuntimeError(
        'conversation_already_has_active_response',
        `Response '${this.#active.id}' is still in progress; wait for its response.done or cancel it.`,
      );
    }
    const h = this.host;
    const options = resolveResponse(params, h.settings, h.conversation, h.ids);
    const run = new ResponseRun(
      {
        sink: h.sink,
        ids: h.ids,
        clock: h.clock,
        engine: h.engine,
        conversation: h.conversation,
        engineTimeoutMs: h.engineTimeoutMs,
        maxKeptAudioBytes: h.maxKeptAudioBytes,
        base64: h.base64,
        onFirstAudio: () => {
          h.settings.voiceLocked = true;
        },
        onEnd: (ended) => this.#ended(ended),
      },
      options,
    );
    this.#active = run;
    h.onResponseStart(run);
    run.start();
    return run;
  }

  /**
   * Cancels the running response. Throws `response_cancel_not_active` when
   * none runs or `responseId` names another.
   */
  cancel(reason: CancelReason, responseId?: string): void {
    const run = this.#active;
    if (!run || (responseId !== undefined && responseId !== run.id)) {
      const what = responseId === undefined ? 'No response is in progress.' : `Response '${responseId}' is not in progress.`;
      throw new RuntimeError('response_cancel_not_active', what, { param: responseId === undefined ? null : 'response_id' });
    }
    run.cancel(reason);
  }

  /** Cancels the running response if it wrote `itemId` (the client is cutting or deleting it). */
  cancelOwnerOf(itemId: string): void {
    if (this.#active?.owns(itemId)) this.#active.cancel('client_cancelled');
  }

  /** Resolves when no response runs. */
  idle(): Promise<void> {
    if (!this.#active) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Session closing: the running response stops without another event. */
  close(): void {
    this.#closed = true;
    const run = this.#active;
    if (run) {
      run.abort();
      this.#ended(run, false);
    }
  }

  #ended(run: ResponseRun, notify = true): void {
    if (this.#active !== run) return;
    this.#active = null;
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve();
    if (notify) this.host.onResponseEnd(run);
  }
}
