/**
 * A response's settings: the session's, overridden by `response.create`'s
 * `response` parameters (`instructions`, `modalities`, `voice`,
 * `output_audio_format`, `tools`, `tool_choice`, `temperature`,
 * `max_response_output_tokens`, `conversation`, `input`, `metadata`).
 *
 * - `conversation: "none"` makes an out-of-band response: its items are not
 *   added to the conversation. `"auto"` (the default) writes to it.
 * - `input` replaces the conversation as the context of this response (an
 *   empty array means no context); without it the conversation is the
 *   context, out-of-band or not (OpenAI's rule).
 * - StepFun's greeting trick, `response.create` with `session.instructions`,
 *   is honoured as `instructions`.
 *
 * Refusals are `RuntimeError`s with the offending `param`; nothing starts.
 */
import {
  type Dialect,
  type Item,
  maxOutputTokensValue,
  type Modality,
  type ResponseCreateParams,
  type Tool,
} from '@parley/protocol';
import { type ItemContext, prepareClientItem } from '../conversation/client-item.js';
import type { Conversation } from '../conversation/conversation.js';
import type { Pcm } from '../engine/engine.js';
import { RuntimeError } from '../errors.js';
import type { IdGenerator } from '../ids.js';
import {
  checkAudioFormat,
  checkMaxTokens,
  checkModalities,
  checkRange,
  checkVoice,
  paramName,
  voiceId,
} from '../session/config-validation.js';
import type { ResolvedFormat, SessionSettings } from '../session/session-settings.js';

export interface ResolvedResponse {
  inBand: boolean;
  items: readonly Item[];
  audioOf: (itemId: string, contentIndex: number) => Pcm | undefined;
  instructions: string;
  modalities: Modality[];
  voice: string;
  format: ResolvedFormat;
  tools: Tool[];
  toolChoice: unknown;
  temperature: number | undefined;
  maxOutputTokens: number | 'inf' | undefined;
  speed: number | undefined;
  metadata: Record<string, unknown> | undefined;
}

function refuse(error: { code: string; message: string; param: string | null } | null): void {
  if (error) throw new RuntimeError(error.code, error.message, { param: error.param });
}

function greetingInstructions(params: ResponseCreateParams): string | undefined {
  const session = params.extra?.session;
  if (session !== null && typeof session === 'object' && typeof (session as { instructions?: unknown }).instructions === 'string') {
    return (session as { instructions: string }).instructions;
  }
  return undefined;
}

function checkParams(params: ResponseCreateParams, settings: SessionSettings, dialect: Dialect): void {
  const p = (field: string) => paramName(dialect, 'response', field);
  if (params.modalities !== undefined) refuse(checkModalities(params.modalities, p('modalities')));
  if (params.voice !== undefined) {
    refuse(checkVoice(params.voice, { voices: settings.voices, current: settings.voice, locked: settings.voiceLocked }, p('voice')));
  }
  if (params.output_audio_format !== undefined) {
    refuse(checkAudioFormat(params.output_audio_format, p('output_audio_format'), dialect));
  }
  if (params.temperature !== undefined) refuse(checkRange(params.temperature, 'temperature', p('temperature')));
  if (params.max_response_output_tokens !== undefined) {
    refuse(checkMaxTokens(params.max_response_output_tokens, p('max_response_output_tokens')));
  }
  if (params.conversation !== undefined && params.conversation !== 'auto' && params.conversation !== 'none') {
    const param = 'response.conversation';
    throw new RuntimeError('invalid_value', `Invalid value for '${param}': expected 'auto' or 'none'.`, { param });
  }
}

/** Resolves the settings of one response; throws `RuntimeError` for a refused parameter. */
export function resolveResponse(
  params: ResponseCreateParams | undefined,
  settings: SessionSettings,
  conversation: Conversation,
  ids: IdGenerator,
): ResolvedResponse {
  const r = params ?? {};
  checkParams(r, settings, settings.dialect);
  const session = settings.config;
  let items: readonly Item[] = conversation.items.slice();
  let audioOf = (id: string, index: number) => conversation.audioOf(id, index);
  if (r.input !== undefined) {
    const local = new Map<string, Pcm>();
    const prepared = r.input.map((item, i) => {
      const context: ItemContext = { ids, input: settings.inputFormat, exists: () => false, path: `response.input[${i}]` };
      const { item: ready, audio } = prepareClientItem(item, context);
      for (const [index, pcm] of audio) local.set(`${ready.id}:${index}`, pcm);
      return ready;
    });
    items = prepared;
    audioOf = (id, index) => local.get(`${id}:${index}`) ?? conversation.audioOf(id, index);
  }
  const maxTokens = r.max_response_output_tokens ?? session.max_response_output_tokens;
  return {
    inBand: r.conversation !== 'none',
    items,
    audioOf,
    instructions: r.instructions ?? greetingInstructions(r) ?? session.instructions ?? '',
    modalities: [...(r.modalities ?? session.modalities ?? ['text', 'audio'])],
    voice: voiceId(r.voice) ?? settings.voice,
    format: r.output_audio_format !== undefined ? settings.resolveOutput(r.output_audio_format) : settings.outputFormat,
    tools: [...(r.tools ?? session.tools ?? [])],
    toolChoice: r.tool_choice ?? session.tool_choice,
    temperature: r.temperature ?? session.temperature,
    maxOutputTokens: maxOutputTokensValue(maxTokens),
    speed: session.speed,
    metadata: r.metadata ?? undefined,
  };
}
