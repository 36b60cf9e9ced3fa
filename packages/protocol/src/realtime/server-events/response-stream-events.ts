/**
 * The streamed content of a response: text, audio, audio transcript, StepFun's
 * thinking, and function-call arguments, each as `delta` and `done`.
 *
 * Canonical names are the beta ones (spec 001). In the `openai` (GA) dialect
 * `response.text.*`, `response.audio.*` and `response.audio_transcript.*` are
 * named `response.output_text.*`, `response.output_audio.*` and
 * `response.output_audio_transcript.*` (notes Part 3 §3.7); the fields are the same.
 */
import Type, { type Static } from 'typebox';
import { Index, serverEvent, streamPosition } from './common.js';

export const ResponseTextDeltaEvent = serverEvent(
  'response.text.delta',
  { ...streamPosition, delta: Type.String() },
  'A piece of a text part. GA: response.output_text.delta.',
);
export type ResponseTextDeltaEvent = Static<typeof ResponseTextDeltaEvent>;

export const ResponseTextDoneEvent = serverEvent(
  'response.text.done',
  { ...streamPosition, text: Type.String() },
  'A text part is complete. GA: response.output_text.done.',
);
export type ResponseTextDoneEvent = Static<typeof ResponseTextDoneEvent>;

export const ResponseAudioDeltaEvent = serverEvent(
  'response.audio.delta',
  { ...streamPosition, delta: Type.String({ description: 'base64 audio in the session output format' }) },
  'A chunk of assistant audio. GA: response.output_audio.delta.',
);
export type ResponseAudioDeltaEvent = Static<typeof ResponseAudioDeltaEvent>;

export const ResponseAudioDoneEvent = serverEvent(
  'response.audio.done',
  { ...streamPosition },
  'The audio of a part is complete (also sent on cancel or interruption; carries no audio). GA: response.output_audio.done.',
);
export type ResponseAudioDoneEvent = Static<typeof ResponseAudioDoneEvent>;

export const ResponseAudioTranscriptDeltaEvent = serverEvent(
  'response.audio_transcript.delta',
  { ...streamPosition, delta: Type.String() },
  'A piece of the transcript of assistant audio. GA: response.output_audio_transcript.delta.',
);
export type ResponseAudioTranscriptDeltaEvent = Static<typeof ResponseAudioTranscriptDeltaEvent>;

export const ResponseAudioTranscriptDoneEvent = serverEvent(
  'response.audio_transcript.done',
  { ...streamPosition, transcript: Type.String() },
  'The transcript of assistant audio is complete. GA: response.output_audio_transcript.done.',
);
export type ResponseAudioTranscriptDoneEvent = Static<typeof ResponseAudioTranscriptDoneEvent>;

export const ResponseThinkingDeltaEvent = serverEvent(
  'response.thinking.delta',
  { ...streamPosition, delta: Type.String() },
  'A piece of the reasoning stream (StepFun, e.g. step-audio-r1.1). Sent unchanged in every dialect.',
);
export type ResponseThinkingDeltaEvent = Static<typeof ResponseThinkingDeltaEvent>;

export const ResponseThinkingDoneEvent = serverEvent(
  'response.thinking.done',
  { ...streamPosition, thinking: Type.String() },
  'The reasoning stream is complete (StepFun).',
);
export type ResponseThinkingDoneEvent = Static<typeof ResponseThinkingDoneEvent>;

/**
 * Ids of a function-call stream. StepFun's guide shows only `call_id` and
 * `name`; OpenAI and Volcengine add the response, item and index.
 */
const functionCallPosition = {
  response_id: Type.Optional(Type.String()),
  item_id: Type.Optional(Type.String()),
  output_index: Type.Optional(Index),
  call_id: Type.String(),
  name: Type.Optional(Type.String({ description: 'The function name (StepFun, Volcengine, GA done)' })),
};

export const ResponseFunctionCallArgumentsDeltaEvent = serverEvent(
  'response.function_call_arguments.delta',
  { ...functionCallPosition, delta: Type.String({ description: 'A piece of the arguments JSON' }) },
  'A piece of a function call\'s arguments. The stepfun dialect also carries the piece as `arguments` on the wire.',
);
export type ResponseFunctionCallArgumentsDeltaEvent = Static<typeof ResponseFunctionCallArgumentsDeltaEvent>;

export const ResponseFunctionCallArgumentsDoneEvent = serverEvent(
  'response.function_call_arguments.done',
  { ...functionCallPosition, arguments: Type.String({ description: 'The complete arguments JSON' }) },
  'A function call\'s arguments are complete.',
);
export type ResponseFunctionCallArgumentsDoneEvent = Static<typeof ResponseFunctionCallArgumentsDoneEvent>;
