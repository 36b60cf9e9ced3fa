import type { FrameScores } from './frame-metrics.mjs';

export declare const WEBRTC_RATES: readonly number[];
export declare const WEBRTC_FRAME_MS: readonly number[];
export declare const WEBRTC_MODES: readonly number[];

/** libfvad decisions (0/1) per `frameMs` frame (10, 20, 30) at 8/16/32/48 kHz, mode 0..3 (default 3, 30 ms). */
export declare function webRtcVadDecisions(
  pcm16: Int16Array,
  sampleRate: number,
  options?: { mode?: number; frameMs?: number },
): Promise<Uint8Array>;

export interface WebRtcRun {
  mode: number;
  frameMs: number;
  scores: FrameScores;
}

/** All modes x frame sizes scored against `truth` (on a `gridMs` grid); the best F1 first-class. */
export declare function bestWebRtcVad(
  pcm16: Int16Array,
  sampleRate: number,
  truth: Uint8Array,
  gridMs?: number,
): Promise<WebRtcRun & { all: WebRtcRun[] }>;
