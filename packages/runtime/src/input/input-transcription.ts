/**
 * Transcripts of the user's committed audio, when the session asks for them
 * (`input_audio_transcription`, GA `audio.input.transcription`). Each runs on
 * its own, beside the response, so its events may come before or after the
 * response's (clients match them by `item_id`):
 * `conversation.item.input_audio_transcription.delta` while the recognizer
 * streams, then `.completed` (the item's transcript in the conversation is
 * updated) or `.failed`.
 *
 * Without a recognizer on the server, a requested transcription fails at once
 * with `transcription_unavailable`, so the client learns why no transcript
 * comes. Each transcription is bounded by `timeoutMs`; an item deleted
 * meanwhile gets no more events.
 */
import type { InputAudioTranscriptionFailedEvent } from '@parley/protocol';
import type { Clock, TimerHandle } from '../clock.js';
import type { Conversation } from '../conversation/conversation.js';
import type { Pcm, Recognizer, TranscribeOptions, TranscriptPart } from '../engine/engine.js';
import { isRuntimeError } from '../errors.js';
import { stopQuietly } from '../response/stop-quietly.js';
import type { EventSink } from '../session/event-sink.js';

// `param` is left out rather than null: OpenAI's clients type it as an optional
// string and drop the whole event when it is null.
type FailureDetails = InputAudioTranscriptionFailedEvent['error'];

export interface TranscriberHost {
  sink: EventSink;
  clock: Clock;
  conversation: Conversation;
  recognizer: Recognizer | undefined;
  timeoutMs: number;
}

export class InputTranscriber {
  /** Each running transcription's abort and its time limit. */
  readonly #running = new Map<AbortController, TimerHandle>();

  constructor(private readonly host: TranscriberHost) {}

  /** Starts transcribing a committed user item's audio with the session's transcription settings. */
  start(itemId: string, audio: Pcm, config: Record<string, unknown>): void {
    if (!this.host.recognizer) {
      this.#failed(itemId, {
        type: 'server_error',
        code: 'transcription_unavailable',
        message: 'Input transcription was requested but this server has no speech recognizer configured.',
      });
      return;
    }
    const options: TranscribeOptions = {};
    if (typeof config.model === 'string') options.model = config.model;
    if (typeof config.language === 'string') options.language = config.language;
    if (typeof config.prompt === 'string') options.prompt = config.prompt;
    const controller = new AbortController();
    const timer = this.host.clock.setTimeout(() => {
      if (controller.signal.aborted) return;
      this.#stop(controller);
      this.#failed(itemId, {
        type: 'server_error',
        code: 'upstream_timeout',
        message: `Transcription took longer than ${this.host.timeoutMs} ms.`,
      });
    }, this.host.timeoutMs);
    this.#running.set(controller, timer);
    void this.#run(this.host.recognizer, itemId, audio, options, controller).finally(() => this.#stop(controller));
  }

  /** Stops every transcription without further events. */
  close(): void {
    for (const controller of [...this.#running.keys()]) this.#stop(controller);
  }

  #stop(controller: AbortController): void {
    const timer = this.#running.get(controller);
    if (timer !== undefined) this.host.clock.clearTimeout(timer);
    this.#running.delete(controller);
    controller.abort();
  }

  async #run(recognizer: Recognizer, itemId: string, audio: Pcm, options: TranscribeOptions, controller: AbortController): Promise<void> {
    const { sink } = this.host;
    const live = () => !controller.signal.aborted && this.host.conversation.has(itemId);
    let text = '';
    let final: string | undefined;
    let iterator: AsyncIterator<TranscriptPart> | undefined;
    try {
      iterator = recognizer.transcribe(audio, options, controller.signal)[Symbol.asyncIterator]();
      for (;;) {
        const next = await iterator.next();
        if (!live() || next.done) break;
        const part = next.value;
        if (part.type === 'delta' && part.delta !== '') {
          text += part.delta;
          sink.emit({ type: 'conversation.item.input_audio_transcription.delta', item_id: itemId, content_index: 0, delta: part.delta });
        } else if (part.type === 'completed') {
          final = part.transcript;
          break;
        }
      }
      if (!live()) return;
      const transcript = final ?? text;
      this.#setTranscript(itemId, transcript);
      sink.emit({ type: 'conversation.item.input_audio_transcription.completed', item_id: itemId, content_index: 0, transcript });
    } catch (error) {
      if (!live()) return;
      this.#failed(itemId, {
        type: isRuntimeError(error) ? error.type : 'server_error',
        code: isRuntimeError(error) ? error.code : 'transcription_failed',
        message: error instanceof Error ? error.message : String(error),
      });
    } finally {
      stopQuietly(iterator);
      controller.abort();
    }
  }

  #setTranscript(itemId: string, transcript: string): void {
    const item = this.host.conversation.get(itemId);
    if (item?.type !== 'message') return;
    const content = item.content.map((part, index) =>
      index === 0 && part.type === 'input_audio' ? { ...part, transcript } : part,
    );
    this.host.conversation.replace({ ...item, content });
  }

  #failed(itemId: string, error: FailureDetails): void {
    this.host.sink.emit({ type: 'conversation.item.input_audio_transcription.failed', item_id: itemId, content_index: 0, error });
  }
}
