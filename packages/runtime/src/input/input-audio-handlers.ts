/**
 * The `input_audio_buffer` namespace (the work is in `input-audio.ts`), and
 * GA's `output_audio_buffer.clear`: over WebSocket the client plays the audio
 * itself, so there is nothing to cut server-side; the session acknowledges
 * with `output_audio_buffer.cleared` naming the running (or last) response.
 */
import type { ClientEventOf } from '@parley/protocol';
import type { SessionCore } from '../session/session-core.js';

export function appendAudio(core: SessionCore, event: ClientEventOf<'input_audio_buffer.append'>): void {
  core.input.append(event.audio);
}

export function commitAudio(core: SessionCore): void {
  core.input.commit();
}

export function clearAudio(core: SessionCore): void {
  core.input.clear();
}

export function clearOutputAudio(core: SessionCore, lastResponseId: string | null): void {
  core.sink.emit({ type: 'output_audio_buffer.cleared', response_id: core.responder.active?.id ?? lastResponseId ?? '' });
}
