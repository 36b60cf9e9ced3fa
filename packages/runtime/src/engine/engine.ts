import type { Item, Tool, Usage } from '@parley/protocol';
import type { WordTiming } from './synthesizer.js';

/** PCM16 mono at an explicit rate: how audio travels inside Parley. */
export interface Pcm {
  pcm: Int16Array;
  sampleRate: number;
}

/** What an engine is asked to answer. */
export interface ResponseInput {
  /**
   * The context, oldest first (canonical protocol items): the conversation, or
   * the `input` array of `response.create` when it has one (as OpenAI does,
   * also for out-of-band `conversation: "none"` responses).
   */
  items: readonly Item[];
  /** The audio of an `input_audio` content part, decoded, at its own rate (the wire keeps only base64 or nothing). */
  audioOf(itemId: string, contentIndex: number): Pcm | undefined;
  instructions: string;
  /** `['audio']` means audio with a transcript; `['text']` text only. */
  modalities: readonly ('text' | 'audio')[];
  voice: string;
  /** The rate audio parts must come at: the session's output rate. */
  outputSampleRate: number;
  tools: readonly Tool[];
  toolChoice?: unknown;
  temperature?: number;
  maxOutputTokens?: number | 'inf';
  speed?: number;
  /** Free-form per-response metadata from `response.create`. */
  metadata?: Record<string, unknown>;
}

/**
 * One piece of an engine's answer. Audio and transcript belong to one spoken
 * assistant message; text to a text-only one. Function call parts with the
 * same `callId` are one call: the first carries the name, each carries an
 * arguments delta; a call ends when the stream moves on.
 */
export type ResponsePart =
  | { type: 'text'; delta: string }
  | { type: 'audio'; pcm: Int16Array; sampleRate: number }
  | { type: 'transcript'; delta: string; words?: WordTiming[] }
  | { type: 'function_call'; callId: string; name: string; argumentsDelta: string }
  | { type: 'usage'; usage: Partial<Usage> };

/** What answers a response. Aborting `signal` must end the iteration promptly. */
export interface Engine {
  respond(input: ResponseInput, signal: AbortSignal): AsyncIterable<ResponsePart>;
}

export interface TranscribeOptions {
  language?: string;
  prompt?: string;
  model?: string;
}

export type TranscriptPart = { type: 'delta'; delta: string } | { type: 'completed'; transcript: string };

/** Speech to text. */
export interface Recognizer {
  transcribe(audio: Pcm, options: TranscribeOptions, signal: AbortSignal): AsyncIterable<TranscriptPart>;
}

/** A plain chat message for text models. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  toolCalls?: { id: string; name: string; arguments: string }[];
  toolCallId?: string;
}

export type ChatPart =
  | { type: 'text'; delta: string }
  | { type: 'function_call'; callId: string; name: string; argumentsDelta: string }
  | { type: 'usage'; usage: Partial<Usage> };

/** A text LLM. */
export interface ChatModel {
  stream(messages: readonly ChatMessage[], tools: readonly Tool[], signal: AbortSignal): AsyncIterable<ChatPart>;
}
