/**
 * The cascade engine: recognizer -> chat model -> synthesizer. The
 * conversation becomes chat messages (`chat-history.ts`; user audio without
 * a transcript is transcribed once, then cached), the chat model streams the
 * answer, and with audio on its text streams straight into the synthesizer,
 * so speech starts at the first sentence, long before the model is done.
 *
 * Parts: text-only responses (or a cascade without a synthesizer) get the
 * model's text deltas as they come; spoken responses get audio with
 * transcript parts as the synthesizer yields them. Function calls are passed
 * through as the model sends them (after the speech when there is speech, so
 * the spoken message is complete before the calls). The model's usage parts
 * are summed into one usage part at the end. An error from the recognizer,
 * the model or the synthesizer ends the iteration with that error; an abort
 * ends it quietly and stops all three.
 */
import type { Usage } from '@parley/protocol';
import type { ChatMessage, ChatModel, ChatPart, Engine, Recognizer, ResponseInput, ResponsePart } from '../engine/engine.js';
import type { Synthesizer } from '../engine/synthesizer.js';
import { RuntimeError } from '../errors.js';
import { abortable, unlessAborted } from './abortable.js';
import { Channel } from './channel.js';
import { toChatMessages } from './chat-history.js';
import { wantsAudio } from './items.js';
import { AudioMeter, speak } from './speech.js';
import { transcribe } from './transcribe.js';
import { TranscriptCache } from './transcript-cache.js';
import { addUsage } from './usage.js';

export interface CascadeEngineOptions {
  /** Transcribes user audio that has no transcript; without one such audio is left out of the context. */
  recognizer?: Recognizer;
  chat: ChatModel;
  /** Speaks the answer; without one the cascade answers in text only. */
  synthesizer?: Synthesizer;
  /** Transcripts kept across responses; default 1024. */
  transcriptCacheSize?: number;
}

/** Text deltas waiting for the synthesizer, and parts waiting for the consumer: both held back when full. */
const TEXT_BACKLOG = 256;
const PART_BACKLOG = 8;
/** Function call argument text held while speech plays. */
const MAX_HELD_CALL_CHARS = 1_000_000;

export class CascadeEngine implements Engine {
  private readonly recognizer: Recognizer | undefined;
  private readonly chat: ChatModel;
  private readonly synthesizer: Synthesizer | undefined;
  private readonly transcripts: TranscriptCache;

  constructor(options: CascadeEngineOptions) {
    if (!options?.chat) throw new TypeError('CascadeEngine needs a chat model');
    this.recognizer = options.recognizer;
    this.chat = options.chat;
    this.synthesizer = options.synthesizer;
    this.transcripts = new TranscriptCache(options.transcriptCacheSize);
  }

  async *respond(input: ResponseInput, signal: AbortSignal): AsyncGenerator<ResponsePart> {
    if (signal.aborted) return;
    const messages = await unlessAborted(
      toChatMessages(input, (itemId, index) => this.transcribePart(input, itemId, index, signal)),
      signal,
    );
    if (!messages || signal.aborted) return;
    if (this.synthesizer && wantsAudio(input.modalities)) {
      yield* this.spoken(input, messages, this.synthesizer, signal);
      return;
    }
    let usage: Partial<Usage> | undefined;
    for await (const part of abortable(this.chat.stream(messages, input.tools, signal), signal)) {
      if (part.type === 'usage') usage = addUsage(usage, part.usage);
      else yield part;
    }
    if (usage && !signal.aborted) yield { type: 'usage', usage };
  }

  private transcribePart(input: ResponseInput, itemId: string, contentIndex: number, signal: AbortSignal) {
    const recognizer = this.recognizer;
    const audio = input.audioOf(itemId, contentIndex);
    if (!recognizer || !audio) return Promise.resolve(undefined);
    return this.transcripts.get(itemId, contentIndex, audio, () => transcribe(recognizer, audio, signal));
  }

  /**
   * Two tasks: the model's stream feeds text to the synthesizer (and holds
   * back calls and usage); the synthesizer's parts go to the consumer. Either
   * failing stops the other and ends the iteration with its error.
   */
  private async *spoken(
    input: ResponseInput,
    messages: readonly ChatMessage[],
    synthesizer: Synthesizer,
    signal: AbortSignal,
  ): AsyncGenerator<ResponsePart> {
    const inner = new AbortController();
    const stopInner = () => inner.abort();
    signal.addEventListener('abort', stopInner, { once: true });
    const text = new Channel<string>(TEXT_BACKLOG);
    const out = new Channel<ResponsePart>(PART_BACKLOG);
    inner.signal.addEventListener('abort', () => {
      text.close({ discard: true });
      out.close({ discard: true });
    });
    const fail = (error: unknown) => {
      out.fail(error);
      inner.abort();
    };
    const calls: ChatPart[] = [];
    let usage: Partial<Usage> | undefined;

    const readModel = async () => {
      let held = 0;
      try {
        for await (const part of abortable(this.chat.stream(messages, input.tools, inner.signal), inner.signal)) {
          if (part.type === 'text') await text.push(part.delta);
          else if (part.type === 'usage') usage = addUsage(usage, part.usage);
          else {
            held += part.argumentsDelta.length + part.name.length;
            if (held > MAX_HELD_CALL_CHARS) {
              throw new RuntimeError('upstream_error', `function call arguments over ${MAX_HELD_CALL_CHARS} characters`, {
                type: 'server_error',
              });
            }
            calls.push(part);
          }
        }
      } finally {
        text.close();
      }
    };
    const speakText = async () => {
      const options = { synthesizer, voice: input.voice, sampleRate: input.outputSampleRate, speed: input.speed };
      for await (const part of speak(text, { ...options, signal: inner.signal, meter: new AudioMeter(input.outputSampleRate) })) {
        await out.push(part);
      }
    };
    const tasks = [readModel().catch(fail), speakText().catch(fail)];
    void Promise.all(tasks).then(() => out.close());

    try {
      for await (const part of out) {
        if (signal.aborted) return;
        yield part;
      }
      if (signal.aborted || inner.signal.aborted) return;
      for (const call of calls) yield call;
      if (usage) yield { type: 'usage', usage };
    } finally {
      signal.removeEventListener('abort', stopInner);
      inner.abort();
    }
  }
}
