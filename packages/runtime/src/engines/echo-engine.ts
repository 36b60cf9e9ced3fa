/**
 * The echo engine: the embedded default that needs no key and no network. It
 * answers every turn with the turn itself, so the whole pipeline (capture,
 * turn detection, streaming, playback, barge-in) can be tried end to end. It
 * is a loopback, not a model: real answers come from a configured provider.
 *
 * - A typed user message is spoken back with the synthesizer, in the
 *   response's voice, at its output rate; text-only responses get the text.
 * - A spoken user message is played back (resampled to the output rate, in
 *   chunks of `chunkMs`), with a transcript: the recognizer's when one is
 *   set (run before playback starts), else the part's own transcript, else
 *   none. Text-only responses get that transcript as text.
 * - A function call output last in the conversation: its output is spoken
 *   (or written) as it is.
 * - Anything else (an assistant item last, an empty conversation): no parts.
 *
 * A message's content parts are answered in order. An audio part whose audio
 * is not at hand (a resumed conversation keeps none) is treated as text: its
 * transcript is spoken. A usage part with the estimate of `usage.ts` ends
 * every answer.
 */
import type { MessageItem } from '@parley/protocol';
import type { Engine, Recognizer, ResponseInput, ResponsePart } from '../engine/engine.js';
import type { Synthesizer } from '../engine/synthesizer.js';
import { textOfPart, turnOf, wantsAudio } from './items.js';
import { playback } from './playback.js';
import { AudioMeter, speak } from './speech.js';
import { transcribe } from './transcribe.js';
import { OUTPUT_AUDIO_TOKENS_PER_SECOND, audioTokens, estimateInput, textTokens, usageOf } from './usage.js';

export interface EchoEngineOptions {
  synthesizer: Synthesizer;
  /** Transcribes spoken turns before they are played back. */
  recognizer?: Recognizer;
  /** Length of each played-back audio chunk; default 100 ms. */
  chunkMs?: number;
}

/** One piece of an answer: words to speak, or a clip to play back with its transcript. */
type Piece = { kind: 'text'; text: string } | { kind: 'clip'; itemId: string; contentIndex: number; transcript: string };

export class EchoEngine implements Engine {
  private readonly synthesizer: Synthesizer;
  private readonly recognizer: Recognizer | undefined;
  private readonly chunkMs: number;

  constructor(options: EchoEngineOptions) {
    if (!options?.synthesizer) throw new TypeError('EchoEngine needs a synthesizer');
    const chunkMs = options.chunkMs ?? 100;
    if (!(chunkMs > 0 && chunkMs <= 10_000)) throw new RangeError(`chunkMs must be in (0, 10000], got ${chunkMs}`);
    this.synthesizer = options.synthesizer;
    this.recognizer = options.recognizer;
    this.chunkMs = chunkMs;
  }

  async *respond(input: ResponseInput, signal: AbortSignal): AsyncGenerator<ResponsePart> {
    if (signal.aborted) return;
    const pieces = this.piecesOf(input);
    if (pieces.length === 0) return;
    const audio = wantsAudio(input.modalities);
    const meter = new AudioMeter(input.outputSampleRate);
    let outputText = 0;
    let answered = false;
    for (const piece of pieces) {
      let parts: AsyncIterable<ResponsePart> | Iterable<ResponsePart>;
      if (piece.kind === 'clip') {
        const transcript = await this.transcriptOf(piece, input, signal);
        if (transcript === undefined) return; // aborted while transcribing
        parts = audio ? this.playClip(piece, transcript, input, meter) : textParts(transcript);
      } else {
        parts = audio ? this.speakText(piece.text, input, signal, meter) : textParts(piece.text);
      }
      for await (const part of parts) {
        if (signal.aborted) return;
        if (part.type === 'text' || part.type === 'transcript') outputText += textTokens(part.delta);
        answered = true;
        yield part;
      }
      if (signal.aborted) return;
    }
    if (!answered) return;
    const inputTokens = estimateInput(input);
    yield {
      type: 'usage',
      usage: usageOf({
        ...inputTokens,
        outputText,
        outputAudio: audioTokens(meter.samples, meter.sampleRate, OUTPUT_AUDIO_TOKENS_PER_SECOND),
      }),
    };
  }

  /** What to say back, in order. */
  private piecesOf(input: ResponseInput): Piece[] {
    const turn = turnOf(input.items);
    if (turn.kind === 'function_call_output') return [{ kind: 'text', text: turn.item.output }];
    if (turn.kind === 'none') return [];
    return piecesOfMessage(turn.item, input);
  }

  private async transcriptOf(
    piece: Extract<Piece, { kind: 'clip' }>,
    input: ResponseInput,
    signal: AbortSignal,
  ): Promise<string | undefined> {
    if (!this.recognizer) return piece.transcript;
    const clip = input.audioOf(piece.itemId, piece.contentIndex);
    return clip ? transcribe(this.recognizer, clip, signal) : piece.transcript;
  }

  private speakText(text: string, input: ResponseInput, signal: AbortSignal, meter: AudioMeter) {
    return speak(text, {
      synthesizer: this.synthesizer,
      voice: input.voice,
      sampleRate: input.outputSampleRate,
      speed: input.speed,
      signal,
      meter,
    });
  }

  private *playClip(
    piece: Extract<Piece, { kind: 'clip' }>,
    transcript: string,
    input: ResponseInput,
    meter: AudioMeter,
  ): Generator<ResponsePart> {
    const clip = input.audioOf(piece.itemId, piece.contentIndex);
    if (!clip) return;
    if (transcript !== '') yield { type: 'transcript', delta: transcript };
    for (const pcm of playback(clip, input.outputSampleRate, this.chunkMs)) {
      meter.samples += pcm.length;
      yield { type: 'audio', pcm, sampleRate: input.outputSampleRate };
    }
  }
}

function piecesOfMessage(item: MessageItem, input: ResponseInput): Piece[] {
  const pieces: Piece[] = [];
  item.content.forEach((part, contentIndex) => {
    if (part.type === 'input_audio' && item.id !== undefined && input.audioOf(item.id, contentIndex)) {
      pieces.push({ kind: 'clip', itemId: item.id, contentIndex, transcript: part.transcript ?? '' });
      return;
    }
    const text = textOfPart(part);
    if (text.trim() !== '') pieces.push({ kind: 'text', text });
  });
  return pieces;
}

function textParts(text: string): ResponsePart[] {
  return text === '' ? [] : [{ type: 'text', delta: text }];
}
