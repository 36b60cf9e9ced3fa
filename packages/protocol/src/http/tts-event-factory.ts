/**
 * Builds the server events of one streaming-TTS connection, with fresh `event_id`s
 * and the connection's `session_id` filled in.
 */
import type { ProtocolError } from '../errors.js';
import type {
  TtsAudioDeltaEvent,
  TtsAudioDoneEvent,
  TtsConnectionDoneEvent,
  TtsResponseCreatedEvent,
  TtsResponseErrorEvent,
  TtsSentenceEndEvent,
  TtsSentenceStartEvent,
  TtsTextFlushedEvent,
} from './tts-server-events.js';

export interface TtsEventFactoryOptions {
  sessionId: string;
  /** Event id source; defaults to 32 hex digits from `crypto.randomUUID()`. */
  newEventId?: () => string;
}

export interface TtsEventFactory {
  readonly sessionId: string;
  connectionDone(): TtsConnectionDoneEvent;
  responseCreated(): TtsResponseCreatedEvent;
  sentenceStart(text: string, startedAt: number, sentenceId?: string): TtsSentenceStartEvent;
  /** `durationSeconds` is the length of the audio in this delta. */
  audioDelta(audio: string, durationSeconds: number, status?: 'unfinished' | 'finished'): TtsAudioDeltaEvent;
  sentenceEnd(text: string, endedAt: number, sentenceId?: string): TtsSentenceEndEvent;
  textFlushed(): TtsTextFlushedEvent;
  /** The finish event; `audio` is `""` (clients rely on the deltas). */
  audioDone(): TtsAudioDoneEvent;
  error(code: string, message: string, details?: Record<string, unknown>): TtsResponseErrorEvent;
  /** A decoding failure of a client frame, as the `tts.response.error` it becomes. */
  protocolError(error: ProtocolError): TtsResponseErrorEvent;
}

const randomEventId = () => globalThis.crypto.randomUUID().replace(/-/g, '');

export function createTtsEventFactory(options: TtsEventFactoryOptions): TtsEventFactory {
  const sessionId = options.sessionId;
  const nextId = options.newEventId ?? randomEventId;
  const head = <T extends string>(type: T) => ({ event_id: nextId(), type });
  return {
    sessionId,
    connectionDone: () => ({ ...head('tts.connection.done'), data: { session_id: sessionId } }),
    responseCreated: () => ({ ...head('tts.response.created'), data: { session_id: sessionId } }),
    sentenceStart: (text, startedAt, sentenceId) => ({
      ...head('tts.response.sentence.start'),
      data: { session_id: sessionId, text, started_at: startedAt, ...(sentenceId === undefined ? {} : { sentence_id: sentenceId }) },
    }),
    audioDelta: (audio, durationSeconds, status = 'unfinished') => ({
      ...head('tts.response.audio.delta'),
      data: { session_id: sessionId, status, audio, duration: durationSeconds },
    }),
    sentenceEnd: (text, endedAt, sentenceId) => ({
      ...head('tts.response.sentence.end'),
      data: { session_id: sessionId, text, ended_at: endedAt, ...(sentenceId === undefined ? {} : { sentence_id: sentenceId }) },
    }),
    textFlushed: () => ({ ...head('tts.text.flushed'), data: { session_id: sessionId } }),
    audioDone: () => ({ ...head('tts.response.audio.done'), data: { session_id: sessionId, audio: '' } }),
    error: (code, message, details) => ({
      ...head('tts.response.error'),
      data: { session_id: sessionId, code, message, details: details ?? { error: message } },
    }),
    protocolError(error) {
      return this.error(error.code, error.message, { error: error.message, type: error.type, param: error.param });
    },
  };
}
