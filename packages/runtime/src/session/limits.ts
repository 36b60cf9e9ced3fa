/**
 * The caps and bounds of a session. Every buffer has a cap and every wait a
 * bound; hitting one gives a clear error event, never unbounded memory or a
 * hang.
 */

export interface SessionLimits {
  /** Largest decoded audio in one `input_audio_buffer.append` (15 MiB, the vendors' limit). */
  maxAppendBytes?: number;
  /** Largest uncommitted input audio buffer (16 MiB, 5.8 min at 24 kHz); past it appends get `audio_too_large`. */
  maxInputBufferBytes?: number;
  /** Items kept in the conversation (2000); the oldest non-system items go first. */
  maxItems?: number;
  /**
   * Decoded audio kept with conversation items (16 MiB, 5.8 min at 24 kHz); the
   * oldest items lose their audio first (their transcripts stay). Sized so a
   * thousand sessions fit a server: raise it only with the memory to match.
   */
  maxConversationAudioBytes?: number;
  /** Shortest audio a client commit accepts (100 ms, OpenAI's minimum); shorter is `input_audio_buffer_commit_empty`. */
  minCommitMs?: number;
  /** Longest wait for the engine's next part before the response fails with `upstream_timeout` (60 s). */
  engineTimeoutMs?: number;
  /** Longest input transcription before it is abandoned as failed (30 s). */
  transcriptionTimeoutMs?: number;
  /** Longest wait for the store when resuming a conversation (5 s); then the session starts empty. */
  restoreTimeoutMs?: number;
  /** Client events held while a conversation is being restored (1000); more are refused. */
  maxQueuedEvents?: number;
}

export type ResolvedLimits = Required<SessionLimits>;

export const DEFAULT_LIMITS: ResolvedLimits = {
  maxAppendBytes: 15 * 1024 * 1024,
  maxInputBufferBytes: 16 * 1024 * 1024,
  maxItems: 2000,
  maxConversationAudioBytes: 16 * 1024 * 1024,
  minCommitMs: 100,
  engineTimeoutMs: 60_000,
  transcriptionTimeoutMs: 30_000,
  restoreTimeoutMs: 5_000,
  maxQueuedEvents: 1000,
};

export function resolveLimits(limits: SessionLimits | undefined): ResolvedLimits {
  const out = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof ResolvedLimits)[]) {
    const value = limits?.[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new TypeError(`Session limit '${key}' must be a non-negative number, got ${String(value)}.`);
    }
    out[key] = value;
  }
  return out;
}
