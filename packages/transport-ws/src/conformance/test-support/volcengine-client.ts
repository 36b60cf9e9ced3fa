/**
 * Spec 003's Python sample client, step for step, for the conformance tests:
 * `get_session_update_msg()`, `send_audio()` (16 kHz PCM16 in 100 ms
 * chunks, then `input_audio_buffer.commit` and `response.create`) and
 * `receive_messages()` (audio deltas gathered until `response.done`). The
 * sample sleeps 90 ms between chunks; here they go out at once (the server
 * does not detect turns in this dialect, so pace changes nothing).
 */
import { base64Chunks, decodeAudio } from './speech.js';
import type { WireClient, WireFrame } from './wire-client.js';

export const VOLCENGINE_RATE = 16_000;

/** The sample's `get_session_update_msg()`, plus what a test adds (transcription, tools). */
export function sampleSessionUpdate(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'session.update',
    session: {
      modalities: ['text', 'audio'],
      instructions: '你的名字叫豆包,你是一个智能助手',
      voice: 'zh_female_tianmeixiaoyuan_moon_bigtts',
      input_audio_format: 'pcm16',
      output_audio_format: 'pcm16',
      tool_choice: 'auto',
      turn_detection: null,
      temperature: 0.8,
      ...extra,
    },
  };
}

/** The sample's `send_audio()`: appends, commit, `response.create` with text and audio. */
export function sendAudio(client: WireClient, pcm: Int16Array, response: Record<string, unknown> | null = { modalities: ['text', 'audio'] }): void {
  for (const audio of base64Chunks(pcm, VOLCENGINE_RATE, 100)) client.send({ type: 'input_audio_buffer.append', audio });
  client.send({ type: 'input_audio_buffer.commit' });
  client.send(response ? { type: 'response.create', response } : { type: 'response.create' });
}

/** The sample's `receive_messages()`: every frame up to `response.done`, and the audio of the deltas. */
export async function receiveMessages(client: WireClient): Promise<{ frames: WireFrame[]; audio: Int16Array }> {
  const frames = await client.until('response.done');
  const audio = decodeAudio(frames.filter((f) => f.type === 'response.audio.delta').map((f) => f.delta as string));
  return { frames, audio };
}
