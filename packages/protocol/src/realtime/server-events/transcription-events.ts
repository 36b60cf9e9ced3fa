/**
 * `conversation.item.input_audio_transcription.*`: the transcript of the user's
 * speech (notes Part 3 §3.3; spec 003 for `.completed`). They run
 * asynchronously with the response and may arrive before
 * `conversation.item.created` or after `response.done`; clients match them by
 * `item_id`.
 */
import Type, { type Static } from 'typebox';
import { Index, serverEvent } from './common.js';

const TranscriptLogprob = Type.Object({
  token: Type.String(),
  logprob: Type.Number(),
  bytes: Type.Optional(Type.Array(Type.Integer())),
});

const Logprobs = Type.Union([Type.Array(TranscriptLogprob), Type.Null()]);

/** Billing of one transcription: by tokens or by seconds of audio. */
const TranscriptionUsage = Type.Object(
  { type: Type.Optional(Type.String({ description: 'tokens | duration' })) },
  { description: 'Token counts or `seconds`, as the transcription model bills' },
);

export const InputAudioTranscriptionDeltaEvent = serverEvent(
  'conversation.item.input_audio_transcription.delta',
  {
    item_id: Type.String(),
    content_index: Type.Optional(Index),
    delta: Type.Optional(Type.String()),
    logprobs: Type.Optional(Logprobs),
  },
  'A piece of the user transcript (OpenAI; StepFun documents no delta).',
);
export type InputAudioTranscriptionDeltaEvent = Static<typeof InputAudioTranscriptionDeltaEvent>;

export const InputAudioTranscriptionCompletedEvent = serverEvent(
  'conversation.item.input_audio_transcription.completed',
  {
    item_id: Type.String(),
    content_index: Index,
    transcript: Type.String(),
    usage: Type.Optional(TranscriptionUsage),
    logprobs: Type.Optional(Logprobs),
    languages: Type.Optional(Type.Array(Type.String())),
  },
  'The full transcript of a user audio item.',
);
export type InputAudioTranscriptionCompletedEvent = Static<typeof InputAudioTranscriptionCompletedEvent>;

export const InputAudioTranscriptionFailedEvent = serverEvent(
  'conversation.item.input_audio_transcription.failed',
  {
    item_id: Type.String(),
    content_index: Type.Optional(Index),
    error: Type.Object({
      type: Type.Optional(Type.String()),
      code: Type.Optional(Type.Union([Type.String(), Type.Null()])),
      message: Type.Optional(Type.String()),
      param: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    }),
  },
  'Transcribing a user audio item failed; the conversation goes on.',
);
export type InputAudioTranscriptionFailedEvent = Static<typeof InputAudioTranscriptionFailedEvent>;

export const InputAudioTranscriptionSegmentEvent = serverEvent(
  'conversation.item.input_audio_transcription.segment',
  {
    id: Type.String(),
    item_id: Type.String(),
    content_index: Index,
    text: Type.String(),
    speaker: Type.String(),
    start: Type.Number({ description: 'seconds' }),
    end: Type.Number({ description: 'seconds' }),
  },
  'One diarized segment of a user transcript (OpenAI GA).',
);
export type InputAudioTranscriptionSegmentEvent = Static<typeof InputAudioTranscriptionSegmentEvent>;
