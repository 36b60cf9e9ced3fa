/**
 * A plain level detector for tests whose input is a test tone rather than
 * speech (the recorded sequences use a 440 Hz tone, which a speech detector
 * rightly ignores). 10 ms frames on a fixed grid: voiced when the RMS passes
 * `minRms`; a turn starts at its first voiced frame (minus the prefix padding)
 * and stops after `silenceDurationMs` of unvoiced frames, ending at the last
 * voiced frame. Same contract as `VoiceDetector`.
 */
import type { VadEvent, VoiceDetector, VoiceDetectorFactory } from '../../turn/voice-detector.js';

export function levelDetector(minRms = 1000): VoiceDetectorFactory {
  return (options) => {
    const frame = Math.round(options.sampleRate / 100);
    let pending: number[] = [];
    let index = 0;
    let speaking = false;
    let lastVoicedEnd = 0;
    const detector: VoiceDetector = {
      process(pcm) {
        const events: VadEvent[] = [];
        for (const sample of pcm) {
          pending.push(sample);
          if (pending.length < frame) continue;
          const rms = Math.sqrt(pending.reduce((sum, s) => sum + s * s, 0) / pending.length);
          pending = [];
          const startMs = index * 10;
          index++;
          if (rms >= minRms) {
            if (!speaking) {
              speaking = true;
              events.push({ type: 'speech_started', audioStartMs: Math.max(0, startMs - options.prefixPaddingMs) });
            }
            lastVoicedEnd = startMs + 10;
          } else if (speaking && startMs + 10 - lastVoicedEnd >= options.silenceDurationMs) {
            speaking = false;
            events.push({ type: 'speech_stopped', audioEndMs: lastVoicedEnd });
          }
        }
        return events;
      },
    };
    return detector;
  };
}
