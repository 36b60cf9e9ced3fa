/**
 * How items leave the session. Events that announce items
 * (`conversation.item.created` / `.done`, `response.output_item.*`,
 * `response.done`) carry them without audio bytes, as the vendors do;
 * `conversation.item.retrieved` carries the audio, base64 in the session's
 * format for that direction (input audio in the input format, assistant audio
 * in the output format).
 */
import { resample } from '@parley/audio';
import type { ContentPart, Item, MessageItem } from '@parley/protocol';
import type { Pcm } from '../engine/engine.js';
import { type Base64Codec, defaultBase64, encodeAudio } from '../input/audio-codec.js';
import type { ResolvedFormat } from '../session/session-settings.js';
import type { EventSink } from '../session/event-sink.js';
import type { Conversation } from './conversation.js';

function withoutAudio(part: ContentPart): ContentPart {
  if ((part.type === 'input_audio' || part.type === 'audio') && 'audio' in part) {
    const { audio: _audio, ...rest } = part;
    return rest as ContentPart;
  }
  return { ...part };
}

/** A copy of the item without audio bytes. */
export function itemView(item: Item): Item {
  if (item.type !== 'message') return { ...item };
  return { ...item, content: item.content.map(withoutAudio) } as MessageItem;
}

/** Announces an item that entered the conversation and is complete: `created` then `done`. */
export function announceItem(sink: EventSink, item: Item, previousItemId: string | null): void {
  sink.emit({ type: 'conversation.item.created', previous_item_id: previousItemId, item: itemView(item) });
  sink.emit({ type: 'conversation.item.done', previous_item_id: previousItemId, item: itemView(item) });
}

function encodeFor(audio: Pcm, format: ResolvedFormat, base64: Base64Codec): string {
  const pcm = audio.sampleRate === format.rate ? audio.pcm : resample(audio.pcm, audio.sampleRate, format.rate);
  return encodeAudio(pcm, format.encoding, base64);
}

/** The item with the audio of its parts, for `conversation.item.retrieved`. */
export function retrievedItem(
  item: Item,
  conversation: Conversation,
  formats: { input: ResolvedFormat; output: ResolvedFormat },
  base64: Base64Codec = defaultBase64,
): Item {
  if (item.type !== 'message' || item.id === undefined) return { ...item };
  const id = item.id;
  const content = item.content.map((part, index): ContentPart => {
    if (part.type !== 'input_audio' && part.type !== 'audio') return { ...part };
    const audio = conversation.audioOf(id, index);
    if (!audio) return withoutAudio(part);
    return { ...part, audio: encodeFor(audio, part.type === 'input_audio' ? formats.input : formats.output, base64) };
  });
  return { ...item, content };
}
