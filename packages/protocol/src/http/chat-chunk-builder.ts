/**
 * Builds the chunks a Parley server streams for one chat completion. Every chunk
 * carries the same `id`, `object`, `created` and `model`; audio deltas carry the
 * response's `audio.id`; `finish_reason` is `null` until the last content chunk.
 */
import type { ChatFinishReason, ChatUsage, ChatWordTiming } from './chat-common.js';
import type { ChatAudioDelta, ChatChunk, ChatDelta } from './chat-chunk.js';

export interface ChatStreamInfo {
  id: string;
  model: string;
  /** Unix seconds. */
  created: number;
  /** `delta.audio.id` of every audio chunk; omitted when not given. */
  audioId?: string;
}

export interface ToolCallStart {
  index: number;
  id: string;
  name: string;
  /** First fragment of the JSON arguments (may be empty). */
  arguments?: string;
}

export class ChatChunkBuilder {
  constructor(readonly info: ChatStreamInfo) {}

  /** First chunk: announces the assistant role. */
  start(): ChatChunk {
    return this.chunk({ role: 'assistant' });
  }

  text(content: string): ChatChunk {
    return this.chunk({ content });
  }

  /** An audio delta: any of PCM data (base64), transcript text and word timings. */
  audio(part: { data?: string; transcript?: string; words?: readonly ChatWordTiming[] }): ChatChunk {
    const audio: ChatAudioDelta = {};
    if (this.info.audioId !== undefined) audio.id = this.info.audioId;
    if (part.data !== undefined) audio.data = part.data;
    if (part.transcript !== undefined) audio.transcript = part.transcript;
    if (part.words !== undefined) audio.words = part.words.map((w) => ({ ...w }));
    return this.chunk({ audio });
  }

  /** Opens a tool call: id, type and name, with the first arguments fragment. */
  toolCallStart(call: ToolCallStart): ChatChunk {
    return this.chunk({
      tool_calls: [
        { index: call.index, id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments ?? '' } },
      ],
    });
  }

  /** A further fragment of a tool call's JSON arguments. */
  toolCallArguments(index: number, fragment: string): ChatChunk {
    return this.chunk({ tool_calls: [{ index, function: { arguments: fragment } }] });
  }

  /** Last content chunk: empty delta with the reason. */
  finish(reason: ChatFinishReason): ChatChunk {
    return this.chunk({}, reason);
  }

  /** The `usage` chunk sent after `finish` when `stream_options.include_usage` is set. */
  usage(usage: ChatUsage): ChatChunk {
    return { ...this.head(), choices: [], usage };
  }

  private chunk(delta: ChatDelta, finishReason: ChatFinishReason | null = null): ChatChunk {
    return { ...this.head(), choices: [{ index: 0, delta, finish_reason: finishReason }] };
  }

  private head(): Pick<ChatChunk, 'id' | 'object' | 'created' | 'model'> {
    return { id: this.info.id, object: 'chat.completion.chunk', created: this.info.created, model: this.info.model };
  }
}
