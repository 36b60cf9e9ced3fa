/**
 * `RealtimeSession`: one realtime conversation answered by local engines.
 *
 * On creation it sends `session.created` (the dialect's defaults, notes
 * Part 1) and, for OpenAI dialects, `conversation.created`. Client events go
 * through `handle`, which never throws: refusals and unexpected failures
 * become `error` events and the session goes on. `close` aborts the running
 * response, input transcriptions and timers, and saves the conversation when
 * a store is configured.
 *
 * When opened with a conversation id the store knows, the conversation is
 * restored before any client event is handled: events that arrive meanwhile
 * wait (at most `maxQueuedEvents`, at most `restoreTimeoutMs`).
 */
import type { ClientEvent, Dialect, SessionConfig } from '@parley/protocol';
import { type Clock, systemClock } from '../clock.js';
import { Conversation } from '../conversation/conversation.js';
import type { Engine, Recognizer } from '../engine/engine.js';
import { type IdGenerator, randomIds } from '../ids.js';
import { type Base64Codec, defaultBase64 } from '../input/audio-codec.js';
import { InputAudio } from '../input/input-audio.js';
import { InputTranscriber } from '../input/input-transcription.js';
import { Responder } from '../response/responder.js';
import { energyVoiceDetector, type VoiceDetectorFactory } from '../turn/voice-detector.js';
import { routeEvent, type RouterState } from './event-router.js';
import { EventSink } from './event-sink.js';
import { type ResolvedLimits, resolveLimits, type SessionLimits } from './limits.js';
import { loadConversation, saveConversation } from './resume.js';
import type { Session, SessionContext } from './session.js';
import type { SessionCore } from './session-core.js';
import { announcesConversation } from './session-defaults.js';
import { SessionSettings } from './session-settings.js';
import type { SessionStore } from './store.js';

export interface RealtimeSessionOptions {
  engine: Engine;
  /** Transcribes committed user audio when the session asks for input transcription. */
  recognizer?: Recognizer;
  /** Valid voice ids; an unknown voice is `invalid_value`. Absent: any voice is accepted. */
  synthesizerVoices?: readonly string[];
  clock?: Clock;
  ids?: IdGenerator;
  store?: SessionStore;
  limits?: SessionLimits;
  /** The operator's session defaults, over the dialect's. */
  defaults?: Partial<SessionConfig>;
  /** The voice activity detector behind server turn detection (default `EnergyVad`). */
  voiceDetector?: VoiceDetectorFactory;
  /**
   * The base64 codec of appended audio and output deltas (default: the
   * portable one of `@parley/audio`). A Node server may pass one built on
   * `Buffer`; it must accept and reject exactly what the default does.
   */
  base64?: Base64Codec;
}

/** The shared state while it is being built: the responder and input audio come last. */
type CoreUnderConstruction = Omit<SessionCore, 'responder' | 'input'> & { responder?: Responder; input?: InputAudio };

export class RealtimeSession implements Session {
  readonly id: string;
  readonly #core: SessionCore;
  readonly #store: SessionStore | undefined;
  readonly #router: RouterState = { lastResponseId: null };
  readonly #closing = new AbortController();
  #queue: ClientEvent[] | null = null;

  constructor(context: SessionContext, options: RealtimeSessionOptions) {
    const clock = context.clock ?? options.clock ?? systemClock;
    const ids = options.ids ?? randomIds();
    const limits: ResolvedLimits = resolveLimits(options.limits);
    this.id = context.conversationId ?? ids.next('sess');
    this.#store = options.store;
    const sink = new EventSink(context.emit, ids);
    const settings = new SessionSettings({
      id: this.id,
      model: context.model,
      dialect: context.dialect,
      voices: options.synthesizerVoices,
      operatorDefaults: options.defaults,
    });
    const conversation = new Conversation({ maxItems: limits.maxItems, maxAudioBytes: limits.maxConversationAudioBytes });
    const transcriber = new InputTranscriber({
      sink,
      clock,
      conversation,
      recognizer: options.recognizer,
      timeoutMs: limits.transcriptionTimeoutMs,
    });
    const core: CoreUnderConstruction = {
      sink,
      settings,
      conversation,
      transcriber,
      clock,
      ids,
      limits,
      base64: options.base64 ?? defaultBase64,
      afterUserItem: () => this.#afterUserItem(),
      reconfigure: () => this.#core.input.reconfigure(),
    };
    core.responder = new Responder({
      sink,
      ids,
      clock,
      engine: options.engine,
      settings,
      conversation,
      engineTimeoutMs: limits.engineTimeoutMs,
      maxKeptAudioBytes: limits.maxInputBufferBytes,
      base64: core.base64,
      onResponseStart: (run) => {
        this.#router.lastResponseId = run.id;
        this.#core.input.onResponseStart();
      },
      onResponseEnd: (run) => this.#core.input.onResponseEnd(run),
    });
    this.#core = core as SessionCore;
    core.input = new InputAudio(this.#core, options.voiceDetector ?? energyVoiceDetector);

    sink.emit({ type: 'session.created', session: settings.snapshot() });
    if (announcesConversation(context.dialect)) {
      sink.emit({ type: 'conversation.created', conversation: { id: ids.next('conv'), object: 'realtime.conversation' } });
    }
    if (this.#store && context.conversationId !== undefined) this.#restore(this.#store, context.conversationId);
  }

  get #closed(): boolean {
    return this.#closing.signal.aborted;
  }

  handle(event: ClientEvent): void {
    if (this.#closed) return;
    if (this.#queue) {
      if (this.#queue.length >= this.#core.limits.maxQueuedEvents) {
        this.#core.sink.error({
          code: 'rate_limited',
          message: 'The session is still restoring its conversation; send this event again shortly.',
          eventId: event?.event_id,
        });
        return;
      }
      this.#queue.push(event);
      return;
    }
    try {
      routeEvent(this.#core, event, this.#router);
    } catch (error) {
      // routeEvent reports its own failures; this guards against a failing report.
      this.#core.sink.exception(error, event?.event_id);
    }
  }

  switchDialect(dialect: Dialect): void {
    if (this.#closed) return;
    try {
      this.#core.settings.setDialect(dialect);
      this.#core.reconfigure();
    } catch (error) {
      this.#core.sink.exception(error, null);
    }
  }

  close(_reason?: string): void {
    if (this.#closed) return;
    this.#closing.abort();
    const core = this.#core;
    core.responder.close();
    core.transcriber.close();
    core.input.close();
    core.sink.close();
    this.#queue = null;
    if (this.#store && core.conversation.size > 0) {
      saveConversation(this.#store, this.id, core.conversation, core.settings, core.clock);
    }
  }

  idle(): Promise<void> {
    return this.#core.responder.idle();
  }

  #afterUserItem(): void {
    const { conversation, settings, responder } = this.#core;
    const turns = settings.historyTurns;
    if (turns === null) return;
    conversation.trimTurns(turns, (id) => responder.active?.owns(id) ?? false);
  }

  #restore(store: SessionStore, conversationId: string): void {
    this.#queue = [];
    const { clock, limits, conversation } = this.#core;
    void loadConversation(store, conversationId, clock, limits.restoreTimeoutMs, this.#closing.signal).then((stored) => {
      if (this.#closed) return;
      if (stored) {
        try {
          conversation.restore(stored.items, stored.audio);
        } catch (error) {
          this.#core.sink.exception(error, null);
        }
      }
      const queued = this.#queue ?? [];
      this.#queue = null;
      for (const event of queued) this.handle(event);
    });
  }
}
