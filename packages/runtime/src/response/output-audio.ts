/**
 * Assistant audio on its way out: engine chunks (PCM16 at the engine's rate)
 * are resampled to the response's output rate with a streaming resampler,
 * encoded in the output format (PCM16 little-endian or G.711 at 8 kHz) and cut
 * into deltas of at most `maxDeltaMs` (100 ms by default), so that a client
 * can start playing early and truncate precisely. It counts the milliseconds
 * sent (what `conversation.item.truncate` may cut) and keeps the sent PCM for
 * the conversation, up to a cap.
 */
import { Resampler } from '@parley/audio';
import type { Pcm } from '../engine/engine.js';
import { RuntimeError } from '../errors.js';
import { type Base64Codec, defaultBase64, encodeAudio } from '../input/audio-codec.js';
import type { ResolvedFormat } from '../session/session-settings.js';

export const DEFAULT_MAX_DELTA_MS = 100;

export class OutputAudio {
  readonly format: ResolvedFormat;
  readonly #maxDeltaSamples: number;
  readonly #maxKeptSamples: number;
  #resampler: Resampler | undefined;
  #samples = 0;
  #kept: Int16Array[] = [];
  #keptSamples = 0;

  readonly #base64: Base64Codec;

  constructor(format: ResolvedFormat, options: { maxDeltaMs?: number; maxKeptBytes: number; base64?: Base64Codec }) {
    this.format = format;
    this.#base64 = options.base64 ?? defaultBase64;
    this.#maxDeltaSamples = Math.max(1, Math.floor((format.rate * (options.maxDeltaMs ?? DEFAULT_MAX_DELTA_MS)) / 1000));
    this.#maxKeptSamples = Math.floor(options.maxKeptBytes / 2);
  }

  /** Milliseconds of audio sent so far. */
  get sentMs(): number {
    return (this.#samples * 1000) / this.format.rate;
  }

  /** Converts one engine chunk; returns its base64 deltas, in order (none for an empty chunk). */
  push(pcm: Int16Array, sampleRate: number): string[] {
    if (!(pcm instanceof Int16Array)) throw new RuntimeError('server_error', 'The engine sent audio that is not PCM16.', { type: 'server_error' });
    if (!Number.isFinite(sampleRate) || sampleRate <= 0) {
      throw new RuntimeError('server_error', `The engine sent audio at an invalid rate (${String(sampleRate)}).`, { type: 'server_error' });
    }
    const converted = this.#convert(pcm, sampleRate);
    const deltas: string[] = [];
    for (let offset = 0; offset < converted.length; offset += this.#maxDeltaSamples) {
      const piece = converted.subarray(offset, Math.min(converted.length, offset + this.#maxDeltaSamples));
      deltas.push(encodeAudio(piece, this.format.encoding, this.#base64));
    }
    this.#samples += converted.length;
    this.#keep(converted, converted === pcm);
    return deltas;
  }

  /** The audio sent, at the output rate (possibly cut short by the cap). */
  sent(): Pcm {
    const pcm = new Int16Array(this.#keptSamples);
    let offset = 0;
    for (const chunk of this.#kept) {
      pcm.set(chunk, offset);
      offset += chunk.length;
    }
    return { pcm, sampleRate: this.format.rate };
  }

  #convert(pcm: Int16Array, sampleRate: number): Int16Array {
    if (sampleRate === this.format.rate) return pcm;
    if (!this.#resampler || this.#resampler.inputRate !== sampleRate) {
      this.#resampler = new Resampler({ inputRate: sampleRate, outputRate: this.format.rate });
    }
    return this.#resampler.process(pcm);
  }

  /** Keeps `pcm` (up to the cap); copies it only when it is the engine's own array (`borrowed`). */
  #keep(pcm: Int16Array, borrowed: boolean): void {
    const room = this.#maxKeptSamples - this.#keptSamples;
    if (room <= 0 || pcm.length === 0) return;
    const piece = pcm.length > room ? pcm.slice(0, room) : borrowed ? pcm.slice() : pcm;
    this.#kept.push(piece);
    this.#keptSamples += piece.length;
  }
}
