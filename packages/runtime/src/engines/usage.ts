/**
 * Usage: summing what models report, and the estimate engines without a
 * token counter give.
 *
 * The estimate (documented in the README; the same rules as the session's
 * own estimate for engines that report none): text counts one token per CJK
 * character (Han, Kana, Hangul) plus one per 4 other characters, rounded up;
 * input audio one token per 100 ms, output audio one per 50 ms (OpenAI's
 * published audio rates), rounded up. It is a rough size of the work, for
 * metering and limits, not any vendor's bill.
 */
import type { Usage } from '@parley/protocol';
import type { ResponseInput } from '../engine/engine.js';
import { textOfPart } from './items.js';

export const CHARS_PER_TEXT_TOKEN = 4;
export const INPUT_AUDIO_TOKENS_PER_SECOND = 10;
export const OUTPUT_AUDIO_TOKENS_PER_SECOND = 20;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function textTokens(text: string): number {
  let cjk = 0;
  let other = 0;
  for (const char of text) {
    if (CJK.test(char)) cjk++;
    else other++;
  }
  return cjk + Math.ceil(other / CHARS_PER_TEXT_TOKEN);
}

/** Tokens of `samples` of audio at `tokensPerSecond` (input or output rate above). */
export function audioTokens(samples: number, sampleRate: number, tokensPerSecond: number): number {
  return sampleRate > 0 ? Math.ceil((samples / sampleRate) * tokensPerSecond) : 0;
}

/** Text and audio token counts on each side. */
export interface TokenCounts {
  inputText: number;
  inputAudio: number;
  outputText: number;
  outputAudio: number;
}

export function usageOf(counts: TokenCounts): Partial<Usage> {
  const input = counts.inputText + counts.inputAudio;
  const output = counts.outputText + counts.outputAudio;
  return {
    total_tokens: input + output,
    input_tokens: input,
    output_tokens: output,
    input_token_details: { text_tokens: counts.inputText, audio_tokens: counts.inputAudio },
    output_token_details: { text_tokens: counts.outputText, audio_tokens: counts.outputAudio },
  };
}

/**
 * Input tokens of a response's context: the instructions, every item's text
 * (a function call's name and arguments, a tool's output), and the audio of
 * each `input_audio` part whose audio is at hand (its transcript then is not
 * counted again).
 */
export function estimateInput(input: ResponseInput): Pick<TokenCounts, 'inputText' | 'inputAudio'> {
  let inputText = textTokens(input.instructions);
  let inputAudio = 0;
  for (const item of input.items) {
    if (item.type === 'function_call') inputText += textTokens(item.name + (item.arguments ?? ''));
    else if (item.type === 'function_call_output') inputText += textTokens(item.output);
    else if (item.type === 'message') {
      item.content.forEach((part, index) => {
        const audio = part.type === 'input_audio' && item.id !== undefined ? input.audioOf(item.id, index) : undefined;
        if (audio) inputAudio += audioTokens(audio.pcm.length, audio.sampleRate, INPUT_AUDIO_TOKENS_PER_SECOND);
        else inputText += textTokens(textOfPart(part));
      });
    }
  }
  return { inputText, inputAudio };
}

/** Adds two usages field by field (the detail objects too); fields neither has stay absent. */
export function addUsage(a: Partial<Usage> | undefined, b: Partial<Usage>): Partial<Usage> {
  return sumRecords((a ?? {}) as Record<string, unknown>, b as Record<string, unknown>) as Partial<Usage>;
}

function sumRecords(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    if (key === '__proto__') continue;
    const mine = out[key];
    if (typeof value === 'number') out[key] = typeof mine === 'number' ? mine + value : value;
    else if (isRecord(value)) out[key] = sumRecords(isRecord(mine) ? mine : {}, value);
    else if (value !== undefined && mine === undefined) out[key] = value;
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
