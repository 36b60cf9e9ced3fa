/**
 * Server turn detection on the session's input timeline. Wraps a
 * `VoiceDetector` made for the session's input rate and turn detection
 * settings, and reports turn boundaries in milliseconds of input audio since
 * the session started (the detector counts from its own creation, at
 * `originMs` on that timeline).
 *
 * `semantic_vad` runs as server VAD with the silence of its eagerness
 * (`effectiveTurnDetection`, notes Part 1). `speech_stopped.audioEndMs`
 * includes the configured silence, as OpenAI's `audio_end_ms` does ("the end
 * of audio sent to the model").
 */
import { type EffectiveTurnDetection, effectiveTurnDetection, type TurnDetection } from '@parley/protocol';
import { detectorThreshold, type VoiceDetector, type VoiceDetectorFactory } from './voice-detector.js';

export type TurnEvent = { type: 'speech_started'; audioStartMs: number } | { type: 'speech_stopped'; audioEndMs: number };

export class TurnDetector {
  readonly settings: EffectiveTurnDetection;
  readonly sampleRate: number;
  readonly #detector: VoiceDetector;
  readonly #originMs: number;
  #speaking = false;

  constructor(config: TurnDetection, sampleRate: number, originMs: number, factory: VoiceDetectorFactory) {
    this.settings = effectiveTurnDetection(config);
    this.sampleRate = sampleRate;
    this.#originMs = originMs;
    this.#detector = factory({
      sampleRate,
      threshold: detectorThreshold(config),
      prefixPaddingMs: this.settings.prefix_padding_ms,
      silenceDurationMs: this.settings.silence_duration_ms,
    });
  }

  /** True between a start and its stop. */
  get speaking(): boolean {
    return this.#speaking;
  }

  process(pcm: Int16Array): TurnEvent[] {
    const out: TurnEvent[] = [];
    for (const event of this.#detector.process(pcm)) {
      if (event.type === 'speech_started') {
        this.#speaking = true;
        out.push({ type: 'speech_started', audioStartMs: this.#originMs + event.audioStartMs });
      } else {
        this.#speaking = false;
        const end = this.#originMs + event.audioEndMs + this.settings.silence_duration_ms;
        out.push({ type: 'speech_stopped', audioEndMs: end });
      }
    }
    return out;
  }
}
