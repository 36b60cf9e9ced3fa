/**
 * Context limits of a chat request with audio (spec 000, notes Part 1 "HTTP surfaces"):
 * the request is at most 10 MB (counted after base64), and holds at most 30 audio
 * segments, a clip longer than 25 s counting as one segment per started 25 s.
 *
 * Pure: the caller says how long each clip is (it owns the audio decoders) and turns
 * a violation into HTTP 400; the message names the limit.
 */
import { type ProtocolError, invalidRequest } from '../errors.js';
import type { ChatInputAudioPart } from './chat-messages.js';
import type { ChatRequest } from './chat-request.js';
import { joinParam } from './param-errors.js';

export interface ChatLimits {
  /** Bytes of the request body. 10 MB, read as 10 × 1024 × 1024. */
  maxContextBytes: number;
  maxAudioSegments: number;
  /** A clip counts as one segment per this many seconds (or part of it). */
  segmentSeconds: number;
}

export const CHAT_LIMITS: Readonly<ChatLimits> = {
  maxContextBytes: 10 * 1024 * 1024,
  maxAudioSegments: 30,
  segmentSeconds: 25,
};

/** Where an audio clip sits in the request. */
export interface ChatAudioClip {
  messageIndex: number;
  partIndex: number;
  /** e.g. `messages[3].content[1].input_audio` */
  param: string;
  part: ChatInputAudioPart;
}

/** Duration of a clip in seconds; `null`/`undefined` when unknown (it then counts as one segment). */
export type ChatClipSeconds = (clip: ChatAudioClip) => number | null | undefined;

export interface ChatLimitOptions {
  clipSeconds: ChatClipSeconds;
  /** Size of the body as received; measured from the request's JSON when absent. */
  bodyBytes?: number;
  limits?: Partial<ChatLimits>;
}

export type ChatLimitName = 'context_size' | 'audio_segments';

export interface ChatLimitViolation {
  limit: ChatLimitName;
  max: number;
  actual: number;
  /** Ready for the HTTP 400 body; its message names the limit. */
  error: ProtocolError;
}

export interface ChatLimitReport {
  ok: boolean;
  contextBytes: number;
  audioSegments: number;
  clips: number;
  /** Clips whose duration the callback could not tell. */
  unknownDurations: number;
  violations: ChatLimitViolation[];
}

/** Every `input_audio` part of the request, in order. */
export function chatAudioClips(request: ChatRequest): ChatAudioClip[] {
  const clips: ChatAudioClip[] = [];
  for (const [messageIndex, message] of request.messages.entries()) {
    if (message.role !== 'user' || typeof message.content === 'string') continue;
    for (const [partIndex, part] of message.content.entries()) {
      if (part.type !== 'input_audio') continue;
      const param = joinParam('messages', messageIndex, 'content', partIndex, 'input_audio') ?? '';
      clips.push({ messageIndex, partIndex, param, part });
    }
  }
  return clips;
}

/** Segments one clip counts for: one per started `segmentSeconds`, at least one. */
export function audioSegmentsFor(seconds: number, segmentSeconds = CHAT_LIMITS.segmentSeconds): number {
  if (!Number.isFinite(seconds) || seconds <= 0) return 1;
  return Math.max(1, Math.ceil(seconds / segmentSeconds));
}

export function checkChatLimits(request: ChatRequest, options: ChatLimitOptions): ChatLimitReport {
  const limits: ChatLimits = { ...CHAT_LIMITS, ...options.limits };
  const contextBytes = options.bodyBytes ?? utf8Length(JSON.stringify(request));
  const clips = chatAudioClips(request);
  let audioSegments = 0;
  let unknownDurations = 0;
  for (const clip of clips) {
    const seconds = options.clipSeconds(clip);
    if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) unknownDurations += 1;
    audioSegments += audioSegmentsFor(seconds ?? 0, limits.segmentSeconds);
  }
  const violations: ChatLimitViolation[] = [];
  if (contextBytes > limits.maxContextBytes) {
    const message =
      `Request context size limit exceeded: the request is ${contextBytes} bytes, ` +
      `the limit is ${formatMegabytes(limits.maxContextBytes)} (${limits.maxContextBytes} bytes).`;
    violations.push({
      limit: 'context_size',
      max: limits.maxContextBytes,
      actual: contextBytes,
      error: invalidRequest('invalid_value', message, 'messages'),
    });
  }
  if (audioSegments > limits.maxAudioSegments) {
    const message =
      `Audio segment limit exceeded: the request holds ${audioSegments} audio segments ` +
      `(a clip over ${limits.segmentSeconds} s counts as one segment per ${limits.segmentSeconds} s), ` +
      `the limit is ${limits.maxAudioSegments}.`;
    violations.push({
      limit: 'audio_segments',
      max: limits.maxAudioSegments,
      actual: audioSegments,
      error: invalidRequest('audio_too_large', message, 'messages'),
    });
  }
  return { ok: violations.length === 0, contextBytes, audioSegments, clips: clips.length, unknownDurations, violations };
}

function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${mb.toFixed(1)} MB`;
}

/** UTF-8 byte length of a string without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
