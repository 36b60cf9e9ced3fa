/**
 * Committed input audio becomes a user item: `input_audio_buffer.committed`
 * `{item_id, previous_item_id}`, then the item's `conversation.item.created`
 * and `conversation.item.done` (content `input_audio` with `transcript:
 * null`, the audio kept for the engine and `conversation.item.retrieve`),
 * then the history cap, then input transcription when the session asks for it.
 */
import type { MessageItem } from '@parley/protocol';
import { announceItem } from '../conversation/item-views.js';
import type { Pcm } from '../engine/engine.js';
import type { SessionCore } from '../session/session-core.js';

export function commitUserAudio(core: SessionCore, itemId: string, audio: Pcm): void {
  const { sink, conversation } = core;
  const previous = conversation.lastId();
  sink.emit({ type: 'input_audio_buffer.committed', previous_item_id: previous, item_id: itemId });
  const item: MessageItem = {
    id: itemId,
    object: 'realtime.item',
    type: 'message',
    status: 'completed',
    role: 'user',
    content: [{ type: 'input_audio', transcript: null }],
  };
  conversation.insert(item, undefined);
  conversation.setAudio(itemId, 0, audio);
  announceItem(sink, item, previous);
  core.afterUserItem();
  const transcription = core.settings.config.input_audio_transcription;
  if (transcription) core.transcriber.start(itemId, audio, transcription as Record<string, unknown>);
}
