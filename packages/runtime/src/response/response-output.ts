/**
 * The output items of one response and their events, in protocol order:
 *
 * message: `response.output_item.added` -> `conversation.item.created` ->
 * `response.content_part.added` -> `response.audio.delta` /
 * `response.audio_transcript.delta` (or `response.text.delta`) ->
 * `response.audio.done` + `response.audio_transcript.done` (or
 * `response.text.done`) -> `response.content_part.done` ->
 * `response.output_item.done` -> `conversation.item.done`.
 *
 * function call: `response.output_item.added` -> `conversation.item.created`
 * -> `response.function_call_arguments.delta`... -> `.done` ->
 * `response.output_item.done` -> `conversation.item.done`.
 *
 * An assistant message holds one part: audio with its transcript when the
 * response speaks, text otherwise (notes Part 1). Engine text becomes the
 * transcript of a spoken answer; an engine transcript becomes the text of a
 * written one; audio is dropped from a written one. With modalities
 * `['audio']` (Volcengine) no transcript events are sent, the transcript is
 * still kept in the item. Out-of-band responses (`conversation: "none"`)
 * announce nothing to the conversation and are not added to it.
 *
 * Closing an item early (cancel, failure) still sends its `done` events, with
 * the item `incomplete`, so clients can close what they opened.
 */
import type { ContentPart, FunctionCallItem, Item, MessageItem } from '@parley/protocol';
import type { WordTiming } from '../engine/synthesizer.js';
import type { Conversation } from '../conversation/conversation.js';
import { itemView } from '../conversation/item-views.js';
import type { IdGenerator } from '../ids.js';
import type { Base64Codec } from '../input/audio-codec.js';
import type { EventSink } from '../session/event-sink.js';
import type { ResolvedFormat } from '../session/session-settings.js';
import { OutputAudio } from './output-audio.js';

interface OpenMessage {
  kind: 'message';
  id: string;
  outputIndex: number;
  previousId: string | null;
  text: string;
  audio: OutputAudio | null;
  words: WordTiming[];
}

interface OpenCall {
  kind: 'call';
  id: string;
  outputIndex: number;
  previousId: string | null;
  callId: string;
  name: string;
  args: string;
}

export interface OutputOptions {
  sink: EventSink;
  ids: IdGenerator;
  responseId: string;
  /** The conversation written to, or null for an out-of-band response. */
  conversation: Conversation | null;
  /** Whether the answer is spoken (audio part) or written (text part). */
  spoken: boolean;
  /** Whether transcript events are sent for spoken answers (`modalities` includes `text`). */
  transcriptEvents: boolean;
  format: ResolvedFormat;
  maxKeptAudioBytes: number;
  base64: Base64Codec;
  /** Called before the first audio delta goes out. */
  onFirstAudio: () => void;
}

export class ResponseOutput {
  readonly items: Item[] = [];
  #open: OpenMessage | OpenCall | null = null;
  #audioMs = 0;
  #text = '';

  constructor(private readonly o: OutputOptions) {}

  /** Ms of audio sent by this response (for playback-time estimates). */
  get audioMs(): number {
    return this.#audioMs + (this.#open?.kind === 'message' ? (this.#open.audio?.sentMs ?? 0) : 0);
  }

  /** Every text or transcript character produced (for usage estimates). */
  get producedText(): string {
    return this.#text;
  }

  owns(itemId: string): boolean {
    return this.#open?.id === itemId || this.items.some((item) => item.id === itemId);
  }

  /** Text or transcript from the engine: the text of a written answer, the transcript of a spoken one. */
  transcript(delta: string, words: WordTiming[] | undefined): void {
    if (delta === '' && !words?.length) return;
    const m = this.#message();
    m.text += delta;
    this.#text += delta;
    if (words) m.words.push(...words);
    if (delta === '') return;
    const at = this.#position(m);
    if (!this.o.spoken) this.o.sink.emit({ type: 'response.text.delta', ...at, delta });
    else if (this.o.transcriptEvents) this.o.sink.emit({ type: 'response.audio_transcript.delta', ...at, delta });
  }

  audio(pcm: Int16Array, sampleRate: number): void {
    if (!this.o.spoken || pcm.length === 0) return;
    const m = this.#message();
    const deltas = m.audio!.push(pcm, sampleRate);
    if (deltas.length === 0) return;
    this.o.onFirstAudio();
    const at = this.#position(m);
    for (const delta of deltas) this.o.sink.emit({ type: 'response.audio.delta', ...at, delta });
  }

  functionCall(callId: string, name: string, argumentsDelta: string): void {
    let call = this.#open;
    if (call?.kind !== 'call' || (callId !== '' && call.callId !== callId)) {
      this.close('completed');
      call = this.#openCall(callId === '' ? this.o.ids.next('call') : callId, name);
    }
    if (argumentsDelta === '') return;
    call.args += argumentsDelta;
    this.o.sink.emit({
      type: 'response.function_call_arguments.delta',
      response_id: this.o.responseId,
      item_id: call.id,
      output_index: call.outputIndex,
      call_id: call.callId,
      name: call.name,
      delta: argumentsDelta,
    });
  }

  /** Closes the open item, if any: `completed`, or `incomplete` when cut short. */
  close(status: 'completed' | 'incomplete'): void {
    const open = this.#open;
    if (!open) return;
    this.#open = null;
    const item = open.kind === 'message' ? this.#closeMessage(open, status) : this.#closeCall(open, status);
    this.items.push(item);
    const { sink, conversation, responseId } = this.o;
    if (conversation) conversation.replace(item);
    sink.emit({ type: 'response.output_item.done', response_id: responseId, output_index: open.outputIndex, item: itemView(item) });
    if (conversation) sink.emit({ type: 'conversation.item.done', previous_item_id: open.previousId, item: itemView(item) });
  }

  #position(open: OpenMessage) {
    return { response_id: this.o.responseId, item_id: open.id, output_index: open.outputIndex, content_index: 0 };
  }

  #announce(item: Item, outputIndex: number): string | null {
    const { sink, conversation, responseId } = this.o;
    sink.emit({ type: 'response.output_item.added', response_id: responseId, output_index: outputIndex, item: itemView(item) });
    if (!conversation) return null;
    const previousId = conversation.insert(item, undefined);
    sink.emit({ type: 'conversation.item.created', previous_item_id: previousId, item: itemView(item) });
    return previousId;
  }

  #message(): OpenMessage {
    if (this.#open?.kind === 'message') return this.#open;
    this.close('completed');
    const id = this.o.ids.next('item');
    const outputIndex = this.items.length;
    const item: MessageItem = { id, object: 'realtime.item', type: 'message', status: 'in_progress', role: 'assistant', content: [] };
    const previousId = this.#announce(item, outputIndex);
    const open: OpenMessage = {
      kind: 'message',
      id,
      outputIndex,
      previousId,
      text: '',
      audio: this.o.spoken ? new OutputAudio(this.o.format, { maxKeptBytes: this.o.maxKeptAudioBytes, base64: this.o.base64 }) : null,
      words: [],
    };
    this.#open = open;
    const part: ContentPart = this.o.spoken ? { type: 'audio', transcript: '' } : { type: 'text', text: '' };
    this.o.sink.emit({ type: 'response.content_part.added', ...this.#position(open), part });
    return open;
  }

  #openCall(callId: string, name: string): OpenCall {
    const id = this.o.ids.next('item');
    const outputIndex = this.items.length;
    const item: FunctionCallItem = { id, object: 'realtime.item', type: 'function_call', status: 'in_progress', call_id: callId, name, arguments: '' };
    const previousId = this.#announce(item, outputIndex);
    const open: OpenCall = { kind: 'call', id, outputIndex, previousId, callId, name, args: '' };
    this.#open = open;
    return open;
  }

  #closeMessage(open: OpenMessage, status: 'completed' | 'incomplete'): MessageItem {
    const { sink, conversation } = this.o;
    const at = this.#position(open);
    let part: ContentPart;
    if (open.audio) {
      sink.emit({ type: 'response.audio.done', ...at });
      if (this.o.transcriptEvents) sink.emit({ type: 'response.audio_transcript.done', ...at, transcript: open.text });
      part = { type: 'audio', transcript: open.text };
      this.#audioMs += open.audio.sentMs;
      if (conversation) {
        conversation.setAudio(open.id, 0, open.audio.sent());
        conversation.setSpoken(open.id, { sentMs: open.audio.sentMs, words: open.words });
      }
    } else {
      sink.emit({ type: 'response.text.done', ...at, text: open.text });
      part = { type: 'text', text: open.text };
    }
    sink.emit({ type: 'response.content_part.done', ...at, part });
    return { id: open.id, object: 'realtime.item', type: 'message', status, role: 'assistant', content: [part] };
  }

  #closeCall(open: OpenCall, status: 'completed' | 'incomplete'): FunctionCallItem {
    if (status === 'completed') {
      this.o.sink.emit({
        type: 'response.function_call_arguments.done',
        response_id: this.o.responseId,
        item_id: open.id,
        output_index: open.outputIndex,
        call_id: open.callId,
        name: open.name,
        arguments: open.args,
      });
    }
    return {
      id: open.id,
      object: 'realtime.item',
      type: 'function_call',
      status,
      call_id: open.callId,
      name: open.name,
      arguments: open.args,
    };
  }
}
