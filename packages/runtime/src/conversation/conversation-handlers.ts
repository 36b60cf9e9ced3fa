/**
 * The `conversation.item.*` namespace.
 *
 * - `create`: a message (per-role content rules in `client-item.ts`), a
 *   `function_call` or a `function_call_output`, placed by `previous_item_id`
 *   (absent/null: at the end; `"root"`: first; an id: after it; unknown:
 *   `item_not_found`) -> `conversation.item.created` + `.done`. A
 *   `function_call_output` must answer a `function_call` the conversation
 *   holds (spec 003 states this check; an orphan output would only confuse
 *   the model): otherwise `invalid_value` on `item.call_id`.
 * - `retrieve` -> `conversation.item.retrieved`, audio included.
 * - `truncate`: assistant audio only; `audio_end_ms` no larger than the audio
 *   sent (`invalid_value` otherwise); the audio and the unheard transcript are
 *   cut (`truncate.ts`) -> `conversation.item.truncated`.
 * - `delete` -> `conversation.item.deleted`.
 *
 * Truncating or deleting an item the running response is still writing
 * cancels that response first (`client_cancelled`): the client has stopped
 * listening to it. Handlers throw `RuntimeError`; the router reports it.
 */
import type { ClientEventOf, ContentPart, MessageItem } from '@parley/protocol';
import { RuntimeError } from '../errors.js';
import type { SessionCore } from '../session/session-core.js';
import { prepareClientItem } from './client-item.js';
import { announceItem, retrievedItem } from './item-views.js';
import { truncateTranscript } from './truncate.js';

function notFound(itemId: string, param = 'item_id'): RuntimeError {
  return new RuntimeError('item_not_found', `Item '${itemId}' does not exist.`, { param });
}

export function createItem(core: SessionCore, event: ClientEventOf<'conversation.item.create'>): void {
  const { conversation, settings, ids, sink } = core;
  if (event.item.type === 'function_call_output') {
    const callId = event.item.call_id;
    const answered = conversation.items.some((item) => item.type === 'function_call' && item.call_id === callId);
    if (!answered) {
      throw new RuntimeError('invalid_value', `No function_call with call_id '${callId}' is in the conversation.`, { param: 'item.call_id' });
    }
  }
  const { item, audio } = prepareClientItem(event.item, {
    ids,
    input: settings.inputFormat,
    exists: (id) => conversation.has(id),
    path: 'item',
  });
  const previous = conversation.insert(item, event.previous_item_id);
  for (const [index, pcm] of audio) conversation.setAudio(item.id!, index, pcm);
  announceItem(sink, item, previous);
  if (item.type === 'message' && item.role === 'user') core.afterUserItem();
}

export function retrieveItem(core: SessionCore, event: ClientEventOf<'conversation.item.retrieve'>): void {
  const item = core.conversation.get(event.item_id);
  if (!item) throw notFound(event.item_id);
  const formats = { input: core.settings.inputFormat, output: core.settings.outputFormat };
  core.sink.emit({ type: 'conversation.item.retrieved', item: retrievedItem(item, core.conversation, formats, core.base64) });
}

export function truncateItem(core: SessionCore, event: ClientEventOf<'conversation.item.truncate'>): void {
  const { conversation, responder, sink } = core;
  const { item_id: itemId, content_index: contentIndex, audio_end_ms: endMs } = event;
  if (!conversation.has(itemId)) throw notFound(itemId);
  responder.cancelOwnerOf(itemId);
  const item = conversation.get(itemId)!;
  if (item.type !== 'message' || item.role !== 'assistant') {
    throw new RuntimeError('invalid_value', `Item '${itemId}' is not an assistant message; only assistant audio can be truncated.`, {
      param: 'item_id',
    });
  }
  const part = item.content[contentIndex];
  if (part?.type !== 'audio') {
    throw new RuntimeError('invalid_value', `Item '${itemId}' has no audio part at content_index ${contentIndex}.`, {
      param: 'content_index',
    });
  }
  if (!Number.isInteger(endMs) || endMs < 0) {
    throw new RuntimeError('invalid_value', "'audio_end_ms' must be a non-negative integer.", { param: 'audio_end_ms' });
  }
  const spoken = conversation.spokenOf(itemId) ?? { sentMs: 0, words: [] };
  if (endMs > Math.ceil(spoken.sentMs)) {
    throw new RuntimeError(
      'invalid_value',
      `'audio_end_ms' (${endMs}) is past the end of the audio sent for item '${itemId}' (${Math.floor(spoken.sentMs)} ms).`,
      { param: 'audio_end_ms' },
    );
  }
  const cutMs = Math.min(endMs, spoken.sentMs);
  const transcript = truncateTranscript(part.transcript ?? '', spoken.words, cutMs, spoken.sentMs);
  const content: ContentPart[] = item.content.map((p, i) => (i === contentIndex ? { ...p, transcript } : p));
  conversation.replace({ ...item, content } as MessageItem);
  const audio = conversation.audioOf(itemId, contentIndex);
  if (audio) {
    const samples = Math.min(audio.pcm.length, Math.round((cutMs * audio.sampleRate) / 1000));
    conversation.setAudio(itemId, contentIndex, { pcm: audio.pcm.slice(0, samples), sampleRate: audio.sampleRate });
  }
  conversation.setSpoken(itemId, { sentMs: cutMs, words: spoken.words.filter((w) => w.startMs < cutMs) });
  sink.emit({ type: 'conversation.item.truncated', item_id: itemId, content_index: contentIndex, audio_end_ms: endMs });
}

export function deleteItem(core: SessionCore, event: ClientEventOf<'conversation.item.delete'>): void {
  const { conversation, responder, sink } = core;
  if (!conversation.has(event.item_id)) throw notFound(event.item_id);
  responder.cancelOwnerOf(event.item_id);
  conversation.remove(event.item_id);
  sink.emit({ type: 'conversation.item.deleted', item_id: event.item_id });
}
