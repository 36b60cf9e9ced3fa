/**
 * A deterministic engine for tests: it answers each response with the next
 * turn of a script. Waits run on an injected clock, so a test can cancel or
 * barge in mid-answer in virtual time.
 */
import { systemClock, type Clock } from '../clock.js';
import type { Engine, ResponseInput, ResponsePart } from '../engine/engine.js';
import { delay } from './abortable.js';
import { playback } from './playback.js';
import { tone } from './tone.js';

/** One step of a turn: a part to yield, a wait on the clock, or a failure to throw. */
export type ScriptStep = ResponsePart | { wait: number } | { fail: string | Error };
export type TurnScript = readonly ScriptStep[];
/** A turn per response, in order, or a function that writes each turn. */
export type Script = readonly TurnScript[] | ((input: ResponseInput, turnIndex: number) => TurnScript | Promise<TurnScript>);

/** One response the engine was asked for. */
export interface ScriptedCall {
  /** What the engine received; `items` is a copy taken when the call began. */
  input: ResponseInput;
  turnIndex: number;
  /** The signal aborted while the turn was running. */
  aborted: boolean;
  /** Every step ran (no abort, no failure, the consumer read to the end). */
  completed: boolean;
}

export interface ScriptedEngineOptions {
  /** The clock `{ wait }` steps wait on; tests pass a `VirtualClock`. */
  clock?: Clock;
}

export interface SpeakingOptions {
  /** Rate of the audio; default 24 000 Hz. It should match the response's output rate. */
  sampleRate?: number;
  /** Length of the speech; default 60 ms per character of `text`, at least 100 ms. */
  ms?: number;
  /** Length of each audio part; default 100 ms. */
  chunkMs?: number;
  /** Wait one chunk's duration after each chunk, as a real-time speaker would. Default false. */
  paced?: boolean;
  /** Tone frequency, Hz; default 440. */
  frequency?: number;
}

export class ScriptedEngine implements Engine {
  readonly calls: ScriptedCall[] = [];
  private readonly script: Script;
  private readonly clock: Clock;

  constructor(script: Script, options: ScriptedEngineOptions = {}) {
    this.script = script;
    this.clock = options.clock ?? systemClock;
  }

  async *respond(input: ResponseInput, signal: AbortSignal): AsyncGenerator<ResponsePart> {
    const turnIndex = this.calls.length;
    const call: ScriptedCall = { input: snapshot(input), turnIndex, aborted: signal.aborted, completed: false };
    this.calls.push(call);
    const onAbort = () => (call.aborted = true);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const steps = await this.turn(input, turnIndex);
      for (const step of steps) {
        if (signal.aborted) return;
        if ('wait' in step) {
          if (!(await delay(this.clock, step.wait, signal))) return;
        } else if ('fail' in step) {
          throw typeof step.fail === 'string' ? new Error(step.fail) : step.fail;
        } else {
          yield step;
        }
      }
      call.completed = !signal.aborted;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  private async turn(input: ResponseInput, turnIndex: number): Promise<TurnScript> {
    if (typeof this.script === 'function') return this.script(input, turnIndex);
    const turn = this.script[turnIndex];
    if (!turn) throw new Error(`ScriptedEngine: no script for turn ${turnIndex} (the script has ${this.script.length})`);
    return turn;
  }

  /** A spoken answer: the transcript, then a tone of `ms` in parts of `chunkMs`. */
  static speaking(text: string, options: SpeakingOptions = {}): ScriptStep[] {
    const { sampleRate = 24_000, chunkMs = 100, paced = false, frequency = 440 } = options;
    const ms = options.ms ?? Math.max(100, 60 * [...text].length);
    const pcm = tone(ms, sampleRate, { frequency });
    const steps: ScriptStep[] = [];
    if (text !== '') steps.push({ type: 'transcript', delta: text });
    for (const chunk of playback({ pcm, sampleRate }, sampleRate, chunkMs)) {
      steps.push({ type: 'audio', pcm: chunk, sampleRate });
      if (paced) steps.push({ wait: (chunk.length * 1000) / sampleRate });
    }
    return steps;
  }

  /** A written answer: one text delta. */
  static text(text: string): ScriptStep[] {
    return [{ type: 'text', delta: text }];
  }

  /** A function call: the name and the JSON arguments in one part (`args` as a string is sent as it is). */
  static toolCall(name: string, args: unknown = {}, options: { callId?: string } = {}): ScriptStep[] {
    const argumentsDelta = typeof args === 'string' ? args : JSON.stringify(args);
    return [{ type: 'function_call', callId: options.callId ?? `call_${name}`, name, argumentsDelta }];
  }
}

/** The input as it was when the call began: the session may change its items later. */
function snapshot(input: ResponseInput): ResponseInput {
  return { ...input, items: structuredClone([...input.items]), tools: [...input.tools], modalities: [...input.modalities] };
}
