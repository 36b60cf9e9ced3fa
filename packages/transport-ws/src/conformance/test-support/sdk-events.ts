/**
 * What the Agents SDK's transport made of our events. It emits every frame
 * on `*`, and then, only when the frame passed its schema of that event, the
 * typed event under the frame's type; a frame that fails its schema is
 * treated as generic and silently does nothing in the SDK. Counting both
 * tells which frames the SDK did not understand.
 */
import type { OpenAIRealtimeWebSocket, RealtimeTransportLayer } from '@openai/agents-realtime';

/** The GA server events the SDK types (its server event union) that our server can send. */
const TYPED = [
  'session.created',
  'session.updated',
  'conversation.created',
  'conversation.item.added',
  'conversation.item.done',
  'conversation.item.deleted',
  'conversation.item.retrieved',
  'conversation.item.truncated',
  'conversation.item.input_audio_transcription.delta',
  'conversation.item.input_audio_transcription.completed',
  'conversation.item.input_audio_transcription.failed',
  'input_audio_buffer.speech_started',
  'input_audio_buffer.speech_stopped',
  'input_audio_buffer.committed',
  'input_audio_buffer.cleared',
  'response.created',
  'response.done',
  'response.output_item.added',
  'response.output_item.done',
  'response.content_part.added',
  'response.content_part.done',
  'response.output_audio.delta',
  'response.output_audio.done',
  'response.output_audio_transcript.delta',
  'response.output_audio_transcript.done',
  'response.output_text.delta',
  'response.output_text.done',
  'response.function_call_arguments.delta',
  'response.function_call_arguments.done',
  'error',
] as const;

export interface SdkEvents {
  /** Every frame, as the SDK received it. */
  readonly raw: { type: string; [key: string]: unknown }[];
  /** The frames of one type, in order, as the shape a test expects. */
  of<T>(type: string): T[];
  /** Frame types the SDK received but did not emit as typed events (with counts). */
  untyped(): string[];
}

export function watchSdkEvents(transport: RealtimeTransportLayer): SdkEvents {
  const raw: SdkEvents['raw'] = [];
  const typed = new Map<string, number>();
  const ws = transport as OpenAIRealtimeWebSocket;
  ws.on('*', (event: { type: string }) => raw.push(event as SdkEvents['raw'][number]));
  for (const type of TYPED) {
    // `error` frames come out as the transport's `error` event.
    (ws as unknown as { on(name: string, listener: () => void): void }).on(type, () => typed.set(type, (typed.get(type) ?? 0) + 1));
  }
  return {
    raw,
    of: <T>(type: string) => raw.filter((event) => event.type === type) as unknown as T[],
    untyped() {
      const seen = new Map<string, number>();
      for (const event of raw) seen.set(event.type, (seen.get(event.type) ?? 0) + 1);
      return [...seen].filter(([type, count]) => (typed.get(type) ?? 0) !== count).map(([type, count]) => `${type} x${count}`);
    },
  };
}
