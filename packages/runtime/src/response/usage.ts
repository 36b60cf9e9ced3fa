/**
 * Usage of a response (`response.done.usage`). When the engine reports usage
 * parts they are summed, field by field. When it reports none, the session
 * estimates it with the engines' rules (`engines/usage.ts`), so clients that
 * meter always see numbers: one token per CJK character plus one per four
 * other characters of text; input audio one token per 100 ms, output audio
 * one per 50 ms; the input counts the instructions and every item in context.
 */
import type { Usage } from '@parley/protocol';
import type { ResponseInput } from '../engine/engine.js';
import {
  addUsage,
  audioTokens,
  estimateInput,
  OUTPUT_AUDIO_TOKENS_PER_SECOND,
  textTokens,
  usageOf,
} from '../engines/usage.js';

/** Sums engine usage parts. */
export class UsageMeter {
  #sum: Partial<Usage> | undefined;

  add(usage: Partial<Usage>): void {
    if (usage === null || typeof usage !== 'object') return;
    this.#sum = addUsage(this.#sum, usage);
  }

  get reported(): boolean {
    return this.#sum !== undefined;
  }

  /** The summed usage, `total_tokens` filled in when the engine left it out. */
  total(): Usage {
    const usage = { ...(this.#sum ?? {}) } as Usage;
    if (usage.total_tokens === undefined && (usage.input_tokens !== undefined || usage.output_tokens !== undefined)) {
      usage.total_tokens = (usage.input_tokens ?? 0) + (usage.output_tokens ?? 0);
    }
    return usage;
  }
}

/** The estimate for a response that produced `outputText` and `outputAudioMs` of audio. */
export function estimateUsage(input: ResponseInput, outputText: string, outputAudioMs: number): Usage {
  const { inputText, inputAudio } = estimateInput(input);
  const usage = usageOf({
    inputText,
    inputAudio,
    outputText: textTokens(outputText),
    outputAudio: audioTokens(Math.round(outputAudioMs), 1000, OUTPUT_AUDIO_TOKENS_PER_SECOND),
  }) as Usage;
  usage.input_token_details = { cached_tokens: 0, ...usage.input_token_details };
  return usage;
}
