/**
 * One response: asks the engine, turns its parts into server events in
 * protocol order (`ResponseOutput`), and ends with exactly one
 * `response.done`.
 *
 * - Cancel (`response.cancel`, barge-in): ends at once, synchronously: the
 *   open item gets its `done` events (`incomplete`), then `response.done`
 *   `cancelled` with the reason, and the engine is aborted through its
 *   `AbortSignal`. Nothing of the response follows: every step after an await
 *   checks that the run is still live, and whatever the engine yields after
 *   that is dropped.
 * - Engine failure (a throw, or no part for `engineTimeoutMs`): an `error`
 *   event (`server_error`, or the engine's own `RuntimeError` code), then
 *   `response.done` `failed` with `status_details.error`.
 */
import type { ResponseObject, ResponseStatus, StatusDetails, Usage } from '@parley/protocol';
import type { Clock, TimerHandle } from '../clock.js';
import type { Conversation } from '../conversation/conversation.js';
import { itemView } from '../conversation/item-views.js';
import type { Engine, ResponseInput, ResponsePart } from '../engine/engine.js';
import { isRuntimeError, RuntimeError } from '../errors.js';
import type { IdGenerator } from '../ids.js';
import type { Base64Codec } from '../input/audio-codec.js';
import type { EventSink } from '../session/event-sink.js';
import type { ResolvedResponse } from './response-options.js';
import { ResponseOutput } from './response-output.js';
import { stopQuietly } from './stop-quietly.js';
import { estimateUsage, UsageMeter } from './usage.js';

export type CancelReason = 'client_cancelled' | 'turn_detected';

export interface RunContext {
  sink: EventSink;
  ids: IdGenerator;
  clock: Clock;
  engine: Engine;
  conversation: Conversation;
  engineTimeoutMs: number;
  maxKeptAudioBytes: number;
  base64: Base64Codec;
  /** The response sent its first audio (the session locks its voice). */
  onFirstAudio: () => void;
  /** The response ended (`response.done` went out). */
  onEnd: (run: ResponseRun) => void;
}

export class ResponseRun {
  readonly id: string;
  readonly inBand: boolean;
  readonly #ctx: RunContext;
  readonly #options: ResolvedResponse;
  readonly #output: ResponseOutput;
  readonly #usage = new UsageMeter();
  readonly #controller = new AbortController();
  #live = true;
  #watchdog: TimerHandle | undefined;
  /** Clock time of the engine's last part (or of the start), for the watchdog. */
  #lastPartAt = 0;

  constructor(ctx: RunContext, options: ResolvedResponse) {
    this.#ctx = ctx;
    this.#options = options;
    this.id = ctx.ids.next('resp');
    this.inBand = options.inBand;
    this.#output = new ResponseOutput({
      sink: ctx.sink,
      ids: ctx.ids,
      responseId: this.id,
      conversation: options.inBand ? ctx.conversation : null,
      spoken: options.modalities.includes('audio'),
      transcriptEvents: options.modalities.includes('text'),
      format: options.format,
      maxKeptAudioBytes: ctx.maxKeptAudioBytes,
      base64: ctx.base64,
      onFirstAudio: ctx.onFirstAudio,
    });
  }

  get live(): boolean {
    return this.#live;
  }

  /** Ms of audio this response sent (its playback time). */
  get audioMs(): number {
    return this.#output.audioMs;
  }

  /** Whether an item is one of this response's outputs. */
  owns(itemId: string): boolean {
    return this.#output.owns(itemId);
  }

  /** Sends `response.created` and starts the engine. */
  start(): void {
    this.#ctx.sink.emit({ type: 'response.created', response: this.#object('in_progress', null, [], null) });
    void this.#run();
  }

  /** Ends the response now, `cancelled` with `reason`. */
  cancel(reason: CancelReason): void {
    if (!this.#live) return;
    this.#end('cancelled', { type: 'cancelled', reason });
  }

  /** Ends the response now (session closing): no more events, engine aborted. */
  abort(): void {
    if (!this.#live) return;
    this.#live = false;
    this.#stopWatchdog();
    this.#controller.abort();
  }

  #object(status: ResponseStatus, details: StatusDetails | null, output: ResponseObject['output'], usage: Usage | null): ResponseObject {
    const object: ResponseObject = { id: this.id, object: 'realtime.response', status, status_details: details, output, usage };
    if (this.#options.metadata !== undefined) object.metadata = this.#options.metadata;
    if (!this.inBand) object.conversation_id = null;
    return object;
  }

  #input(): ResponseInput {
    const o = this.#options;
    const input: ResponseInput = {
      items: o.items,
      audioOf: o.audioOf,
      instructions: o.instructions,
      modalities: o.modalities,
      voice: o.voice,
      outputSampleRate: o.format.rate,
      tools: o.tools,
    };
    if (o.toolChoice !== undefined) input.toolChoice = o.toolChoice;
    if (o.temperature !== undefined) input.temperature = o.temperature;
    if (o.maxOutputTokens !== undefined) input.maxOutputTokens = o.maxOutputTokens;
    if (o.speed !== undefined) input.speed = o.speed;
    if (o.metadata !== undefined) input.metadata = o.metadata;
    return input;
  }

  async #run(): Promise<void> {
    let iterator: AsyncIterator<ResponsePart> | undefined;
    try {
      this.#armWatchdog();
      iterator = this.#ctx.engine.respond(this.#input(), this.#controller.signal)[Symbol.asyncIterator]();
      for (;;) {
        const next = await iterator.next();
        if (!this.#live) break;
        if (next.done) break;
        this.#lastPartAt = this.#ctx.clock.now();
        this.#apply(next.value);
      }
      if (this.#live) this.#end('completed', null);
    } catch (error) {
      if (this.#live) this.#fail(error);
    } finally {
      if (!this.#live) stopQuietly(iterator);
    }
  }

  #apply(part: ResponsePart): void {
    switch (part.type) {
      case 'text':
        this.#output.transcript(part.delta, undefined);
        break;
      case 'transcript':
        this.#output.transcript(part.delta, part.words);
        break;
      case 'audio':
        this.#output.audio(part.pcm, part.sampleRate);
        break;
      case 'function_call':
        this.#output.functionCall(part.callId, part.name, part.argumentsDelta);
        break;
      case 'usage':
        this.#usage.add(part.usage);
        break;
      default:
        break;
    }
  }

  #fail(error: unknown): void {
    const runtime = isRuntimeError(error);
    const details = {
      type: runtime ? error.type : 'server_error',
      code: runtime ? error.code : 'server_error',
      message: runtime ? error.message : `The engine failed: ${error instanceof Error ? error.message : String(error)}`,
    };
    this.#ctx.sink.error({ ...details, param: runtime ? error.param : null });
    this.#end('failed', { type: 'failed', error: details });
  }

  #end(status: ResponseStatus, details: StatusDetails | null): void {
    this.#live = false;
    this.#stopWatchdog();
    this.#controller.abort();
    this.#output.close(status === 'completed' ? 'completed' : 'incomplete');
    const output = this.#output.items.map(itemView);
    this.#ctx.sink.emit({ type: 'response.done', response: this.#object(status, details, output, this.#usageNow()) });
    this.#ctx.onEnd(this);
  }

  #usageNow(): Usage {
    if (this.#usage.reported) return this.#usage.total();
    return estimateUsage(this.#input(), this.#output.producedText, this.#output.audioMs);
  }

  /** One timer for the whole run: parts only record their time; a timer that fires early re-arms for the rest. */
  #armWatchdog(): void {
    this.#stopWatchdog();
    this.#lastPartAt = this.#ctx.clock.now();
    this.#scheduleWatchdog(this.#ctx.engineTimeoutMs);
  }

  #scheduleWatchdog(ms: number): void {
    const { clock, engineTimeoutMs } = this.#ctx;
    this.#watchdog = clock.setTimeout(() => {
      this.#watchdog = undefined;
      if (!this.#live) return;
      const quiet = clock.now() - this.#lastPartAt;
      if (quiet < engineTimeoutMs) {
        this.#scheduleWatchdog(engineTimeoutMs - quiet);
        return;
      }
      this.#fail(
        new RuntimeError('upstream_timeout', `The engine sent nothing for ${engineTimeoutMs} ms.`, { type: 'server_error' }),
      );
    }, ms);
  }

  #stopWatchdog(): void {
    if (this.#watchdog === undefined) return;
    this.#ctx.clock.clearTimeout(this.#watchdog);
    this.#watchdog = undefined;
  }
}

