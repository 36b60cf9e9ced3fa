/**
 * What the namespace handlers of one session share: the event sink, the
 * settings, the conversation, the input audio (buffer and turn detection),
 * input transcription, the responder, and the session's clock, ids and
 * limits. `RealtimeSession` builds it; handlers only read it through this
 * interface.
 */
import type { Clock } from '../clock.js';
import type { Conversation } from '../conversation/conversation.js';
import type { IdGenerator } from '../ids.js';
import type { Base64Codec } from '../input/audio-codec.js';
import type { InputAudio } from '../input/input-audio.js';
import type { InputTranscriber } from '../input/input-transcription.js';
import type { Responder } from '../response/responder.js';
import type { EventSink } from './event-sink.js';
import type { ResolvedLimits } from './limits.js';
import type { SessionSettings } from './session-settings.js';

export interface SessionCore {
  readonly sink: EventSink;
  readonly settings: SessionSettings;
  readonly conversation: Conversation;
  readonly input: InputAudio;
  readonly transcriber: InputTranscriber;
  readonly responder: Responder;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly limits: ResolvedLimits;
  /** Decodes appended audio and encodes output deltas. */
  readonly base64: Base64Codec;
  /** A user message entered the conversation: the history cap applies. */
  afterUserItem(): void;
  /** The configuration changed (update or dialect switch): input rate and turn detection follow. */
  reconfigure(): void;
}
