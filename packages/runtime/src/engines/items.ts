/**
 * Reading canonical conversation items the way engines need them: the text a
 * content part carries, and the turn a response answers.
 */
import type { ContentPart, FunctionCallOutputItem, Item, MessageItem } from '@parley/protocol';

/**
 * The text of a content part: typed text (`input_text` keeps it in `text`, or
 * in `transcript` as some StepFun clients send it), assistant text, or the
 * transcript of an audio part. Other parts (images, references, thinking)
 * carry none.
 */
export function textOfPart(part: ContentPart): string {
  switch (part.type) {
    case 'input_text':
      return part.text ?? part.transcript ?? '';
    case 'text':
      return part.text;
    case 'input_audio':
    case 'audio':
      return part.transcript ?? '';
    default:
      return '';
  }
}

/** What a response answers: the user's message, a tool's output, or nothing. */
export type Turn =
  | { kind: 'message'; item: MessageItem }
  | { kind: 'function_call_output'; item: FunctionCallOutputItem }
  | { kind: 'none' };

/**
 * The turn to answer: the last item of the conversation, looking past system
 * messages and MCP items. A user message or a function call output is
 * answered; anything else (an assistant message or function call last, an
 * empty conversation) leaves nothing to answer.
 */
export function turnOf(items: readonly Item[]): Turn {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (item.type === 'message') {
      if (item.role === 'system') continue;
      return item.role === 'user' ? { kind: 'message', item } : { kind: 'none' };
    }
    if (item.type === 'function_call_output') return { kind: 'function_call_output', item };
    if (item.type === 'function_call') return { kind: 'none' };
  }
  return { kind: 'none' };
}

/** True when `modalities` asks for speech. */
export function wantsAudio(modalities: readonly string[]): boolean {
  return modalities.includes('audio');
}
