/**
 * The `input_audio_buffer` namespace and server turn detection.
 *
 * - `append`: base64 audio in the session's input format (PCM16 at the input
 *   rate, or G.711 at 8 kHz), decoded to PCM16; bad audio is `invalid_audio`,
 *   an append over `maxAppendBytes` or a buffer over its cap `audio_too_large`.
 * - `commit`: at least `minCommitMs` of audio (else
 *   `input_audio_buffer_commit_empty`) becomes a user item. A client commit
 *   never starts a response, even under turn detection (OpenAI's rule).
 * - `clear`: empties the buffer (`input_audio_buffer.cleared`).
 *
 * With `turn_detection` set, every appended chunk also goes to the turn
 * detector: `speech_started{audio_start_ms, item_id}` (the item id the speech
 * will get) cancels an in-band response when `interrupt_response` (barge-in,
 * reason `turn_detected`); `speech_stopped{audio_end_ms, item_id}` commits
 * the audio from the speech start (padding included) to its end, and starts a
 * response when `create_response`. While no one speaks, audio older than the
 * prefix padding plus a second (plus `idle_timeout_ms`, whose silent audio is
 * committed on timeout) is dropped, so the buffer stays small.
 */
import { base64DecodedLength } from '@parley/protocol';
import type { Pcm } from '../engine/engine.js';
import { RuntimeError } from '../errors.js';
import type { ResponseRun } from '../response/response-run.js';
import type { SessionCore } from '../session/session-core.js';
import { IdleTimeout } from '../turn/idle-timeout.js';
import { type TurnEvent, TurnDetector } from '../turn/turn-detector.js';
import type { VoiceDetectorFactory } from '../turn/voice-detector.js';
import { decodeAudio } from './audio-codec.js';
import { commitUserAudio } from './commit-user-audio.js';
import { InputAudioBuffer } from './input-audio-buffer.js';

/** Audio kept beyond the prefix padding while no one speaks: room for the detector's onset delay. */
const ONSET_MARGIN_MS = 1000;

export class InputAudio {
  readonly buffer: InputAudioBuffer;
  readonly #core: SessionCore;
  readonly #factory: VoiceDetectorFactory;
  readonly #idle: IdleTimeout;
  #detector: TurnDetector | null = null;
  #detectorKey = 'null';
  /** Item id announced by `speech_started`, and where that speech began. */
  #speech: { itemId: string; startMs: number } | null = null;

  constructor(core: SessionCore, factory: VoiceDetectorFactory) {
    this.#core = core;
    this.#factory = factory;
    this.buffer = new InputAudioBuffer(core.settings.inputFormat.rate, core.limits.maxInputBufferBytes);
    this.#idle = new IdleTimeout(core.clock, () => this.#onIdleTimeout());
    this.reconfigure();
  }

  /** Follows the settings: buffer rate, turn detector (rebuilt only when its settings or rate change). */
  reconfigure(): void {
    const { settings } = this.#core;
    const rate = settings.inputFormat.rate;
    this.buffer.setRate(rate);
    const config = settings.turnDetection;
    const key = JSON.stringify([config, rate]);
    if (key === this.#detectorKey) return;
    this.#detectorKey = key;
    this.#speech = null;
    this.#idle.cancel();
    this.#detector = config ? new TurnDetector(config, rate, this.buffer.endMs, this.#factory) : null;
  }

  append(base64: string): void {
    const { settings, limits } = this.#core;
    if (base64DecodedLength(base64) > limits.maxAppendBytes) {
      throw new RuntimeError('audio_too_large', `'audio' decodes to more than ${limits.maxAppendBytes} bytes; send smaller chunks.`, {
        param: 'audio',
      });
    }
    const pcm = decodeAudio(base64, settings.inputFormat.encoding, 'audio', this.#core.base64);
    this.buffer.append(pcm);
    const detector = this.#detector;
    if (!detector) return;
    for (const event of detector.process(pcm)) this.#onTurnEvent(detector, event);
    if (this.#detector === detector && !detector.speaking) this.#trimSilence(detector);
  }

  /** A client commit. */
  commit(): void {
    const { limits } = this.#core;
    const ms = this.buffer.durationMs;
    if (ms < limits.minCommitMs || ms === 0) {
      const what = ms === 0 ? 'the input audio buffer is empty' : `the input audio buffer holds ${Math.round(ms)} ms`;
      throw new RuntimeError(
        'input_audio_buffer_commit_empty',
        `Cannot commit: ${what}; at least ${limits.minCommitMs} ms of audio is needed.`,
      );
    }
    const itemId = this.#speech?.itemId ?? this.#core.ids.next('item');
    const audio = this.#take(this.buffer.startMs, this.buffer.endMs);
    this.#resetDetector();
    commitUserAudio(this.#core, itemId, audio);
  }

  clear(): void {
    this.buffer.clear();
    this.#resetDetector();
    this.#core.sink.emit({ type: 'input_audio_buffer.cleared' });
  }

  onResponseStart(): void {
    this.#idle.cancel();
  }

  onResponseEnd(run: ResponseRun): void {
    const idleMs = this.#detector?.settings.idle_timeout_ms;
    if (!run.inBand || idleMs === null || idleMs === undefined || this.#detector?.speaking) return;
    this.#idle.arm(idleMs, run.audioMs);
  }

  close(): void {
    this.#idle.cancel();
    this.#detector = null;
  }

  #take(fromMs: number, toMs: number): Pcm {
    return { pcm: this.buffer.take(fromMs, toMs), sampleRate: this.buffer.rate };
  }

  /** Forgets the detector's turn state (after a client commit or clear): a new detector at the present. */
  #resetDetector(): void {
    this.#speech = null;
    const config = this.#core.settings.turnDetection;
    if (this.#detector && config) {
      this.#detector = new TurnDetector(config, this.buffer.rate, this.buffer.endMs, this.#factory);
    }
  }

  #trimSilence(detector: TurnDetector): void {
    const keep = detector.settings.prefix_padding_ms + ONSET_MARGIN_MS + (detector.settings.idle_timeout_ms ?? 0);
    this.buffer.trimBefore(this.buffer.endMs - keep);
  }

  #onTurnEvent(detector: TurnDetector, event: TurnEvent): void {
    const { sink, ids, responder } = this.#core;
    if (event.type === 'speech_started') {
      const startMs = Math.max(event.audioStartMs, this.buffer.startMs);
      const itemId = ids.next('item');
      this.#speech = { itemId, startMs };
      sink.emit({ type: 'input_audio_buffer.speech_started', audio_start_ms: Math.round(startMs), item_id: itemId });
      const active = responder.active;
      if (detector.settings.interrupt_response && active?.inBand) active.cancel('turn_detected');
      this.#idle.cancel();
      return;
    }
    const speech = this.#speech ?? { itemId: ids.next('item'), startMs: this.buffer.startMs };
    this.#speech = null;
    const endMs = Math.min(event.audioEndMs, this.buffer.endMs);
    sink.emit({ type: 'input_audio_buffer.speech_stopped', audio_end_ms: Math.round(endMs), item_id: speech.itemId });
    commitUserAudio(this.#core, speech.itemId, this.#take(speech.startMs, endMs));
    if (detector.settings.create_response) this.#respond();
  }

  #onIdleTimeout(): void {
    const detector = this.#detector;
    const idleMs = detector?.settings.idle_timeout_ms;
    if (!detector || idleMs === null || idleMs === undefined) return;
    if (detector.speaking || this.#core.responder.active) return;
    const { sink, ids } = this.#core;
    const endMs = this.buffer.endMs;
    const startMs = Math.max(this.buffer.startMs, endMs - idleMs);
    const itemId = ids.next('item');
    sink.emit({
      type: 'input_audio_buffer.timeout_triggered',
      audio_start_ms: Math.round(startMs),
      audio_end_ms: Math.round(endMs),
      item_id: itemId,
    });
    commitUserAudio(this.#core, itemId, this.#take(startMs, endMs));
    if (detector.settings.create_response) this.#respond();
  }

  /** An automatic response; skipped when one runs already or the session only transcribes. */
  #respond(): void {
    const { responder, settings, sink } = this.#core;
    if (responder.active || settings.transcriptionOnly) return;
    try {
      responder.create(undefined);
    } catch (error) {
      sink.exception(error, null);
    }
  }
}
