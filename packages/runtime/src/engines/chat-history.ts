/**
 * A conversation as chat messages, for text models (the cascade engine).
 *
 * - The response's instructions become the first `system` message.
 * - System, user and assistant messages keep their role; their content is the
 *   text of their parts, joined with a line break: typed text, and for audio
 *   the transcript. User audio without a transcript goes to the recognizer
 *   (when there is one; see `TranscriptCache`); without one it is left out.
 *   Images and references are left out. A message with no text left is
 *   dropped.
 * - Function calls become `toolCalls` of an assistant message: consecutive
 *   calls (and an assistant message right before them) form one message, as
 *   a model's parallel calls do.
 * - Function call outputs become `tool` messages answering their `call_id`.
 * - MCP items are left out.
 */
import type { Item, MessageItem } from '@parley/protocol';
import type { ChatMessage, ResponseInput } from '../engine/engine.js';
import { textOfPart } from './items.js';

/** Transcribes one user audio part; `undefined` when it cannot (no recognizer, no audio, aborted). */
export type PartTranscriber = (itemId: string, contentIndex: number) => Promise<string | undefined>;

export async function toChatMessages(input: ResponseInput, transcribePart: PartTranscriber): Promise<ChatMessage[]> {
  const messages: ChatMessage[] = [];
  if (input.instructions.trim() !== '') messages.push({ role: 'system', content: input.instructions });
  for (const item of input.items) {
    const message = await messageOf(item, transcribePart);
    if (!message) continue;
    const last = messages[messages.length - 1];
    if (message.toolCalls && last?.role === 'assistant' && last.toolCallId === undefined) {
      last.toolCalls = [...(last.toolCalls ?? []), ...message.toolCalls];
      continue;
    }
    messages.push(message);
  }
  return messages;
}

async function messageOf(item: Item, transcribePart: PartTranscriber): Promise<ChatMessage | undefined> {
  switch (item.type) {
    case 'function_call':
      return { role: 'assistant', content: '', toolCalls: [{ id: item.call_id, name: item.name, arguments: item.arguments ?? '' }] };
    case 'function_call_output':
      return { role: 'tool', content: item.output, toolCallId: item.call_id };
    case 'message': {
      const content = await contentOf(item, transcribePart);
      return content === '' ? undefined : { role: item.role, content };
    }
    default:
      return undefined;
  }
}

async function contentOf(item: MessageItem, transcribePart: PartTranscriber): Promise<string> {
  const texts: string[] = [];
  for (let index = 0; index < item.content.length; index++) {
    const part = item.content[index]!;
    let text = textOfPart(part);
    if (text === '' && part.type === 'input_audio' && item.role === 'user' && item.id !== undefined) {
      text = (await transcribePart(item.id, index)) ?? '';
    }
    if (text.trim() !== '') texts.push(text);
  }
  return texts.join('\n');
}
