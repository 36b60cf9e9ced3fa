/**
 * Items a client adds (`conversation.item.create`, `response.create` `input`):
 * checked against what each role may say, given an id, status `completed`,
 * and their input audio decoded (base64 in the session's input format).
 *
 * | role / type | content parts accepted |
 * |---|---|
 * | user | `input_text`, `input_audio`, `input_image`, `item_reference` |
 * | system | `input_text` (`text` too) |
 * | assistant | `text` (`input_text` too); `audio` with a transcript only: clients may not add assistant audio |
 * | `function_call`, `function_call_output` | whole item |
 */
import type { AudioEncoding, ContentPart, Item } from '@parley/protocol';
import type { Pcm } from '../engine/engine.js';
import { RuntimeError } from '../errors.js';
import type { IdGenerator } from '../ids.js';
import { decodeAudio } from '../input/audio-codec.js';

const ALLOWED: Readonly<Record<string, readonly ContentPart['type'][]>> = {
  user: ['input_text', 'input_audio', 'input_image', 'item_reference'],
  system: ['input_text', 'text'],
  assistant: ['text', 'input_text', 'audio'],
};

export interface PreparedItem {
  item: Item;
  /** Decoded audio by content index. */
  audio: Map<number, Pcm>;
}

export interface ItemContext {
  ids: IdGenerator;
  input: { encoding: AudioEncoding; rate: number };
  /** Whether an id is taken already. */
  exists(id: string): boolean;
  /** Parameter path of the item (`item`, `response.input[2]`). */
  path: string;
}

function invalid(param: string, message: string): RuntimeError {
  return new RuntimeError('invalid_value', `Invalid value for '${param}': ${message}`, { param });
}

export function prepareClientItem(source: Item, context: ItemContext): PreparedItem {
  const { path } = context;
  const { extra: _extra, ...rest } = source as Item & { extra?: unknown };
  const item = { ...rest } as Item;
  if (item.id !== undefined) {
    if (item.id === '' || item.id.length > 64) throw invalid(`${path}.id`, 'an item id has 1 to 64 characters.');
    if (context.exists(item.id)) throw invalid(`${path}.id`, `an item with id '${item.id}' already exists.`);
  } else {
    item.id = context.ids.next('item');
  }
  const audio = new Map<number, Pcm>();
  if (item.type === 'message') {
    const allowed = ALLOWED[item.role] ?? [];
    item.content = item.content.map((part, index) => {
      const partPath = `${path}.content[${index}]`;
      if (!allowed.includes(part.type)) {
        throw invalid(`${partPath}.type`, `a ${item.role} message cannot hold '${part.type}' content.`);
      }
      const { extra: _partExtra, ...clean } = part as ContentPart & { extra?: unknown };
      if (part.type === 'audio' && typeof part.audio === 'string') {
        throw invalid(`${partPath}.audio`, 'clients cannot add assistant audio; send its transcript as text.');
      }
      if (part.type === 'input_audio' && typeof part.audio === 'string') {
        const pcm = decodeAudio(part.audio, context.input.encoding, `${partPath}.audio`);
        audio.set(index, { pcm, sampleRate: context.input.rate });
        const { audio: _bytes, ...withoutBytes } = clean as ContentPart & { audio?: string };
        return { transcript: null, ...withoutBytes } as ContentPart;
      }
      return clean as ContentPart;
    });
  }
  const full = { id: item.id, object: 'realtime.item', ...item, status: 'completed' } as Item;
  return { item: full, audio };
}
