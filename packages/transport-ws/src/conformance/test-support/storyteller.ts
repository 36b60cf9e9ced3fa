/**
 * The engine of the interruption tests: its first response is a long story,
 * real espeak-ng speech streamed at the pace of real time (one 100 ms chunk,
 * then a 100 ms wait), so that a test can cut it while it plays; every later
 * response is the echo engine's.
 */
import { type Engine, type ResponseInput, type ResponsePart, ScriptedEngine, type ScriptStep } from '@parley/runtime';

export interface Storyteller extends Engine {
  /** The scripted engine behind the story: its `calls` tell whether the story was aborted. */
  readonly story: ScriptedEngine;
}

export function storytellerThenEcho(echo: Engine, text: string, speech: Int16Array, sampleRate: number): Storyteller {
  const chunk = Math.round(sampleRate / 10);
  const steps: ScriptStep[] = [{ type: 'transcript', delta: text }];
  for (let at = 0; at < speech.length; at += chunk) {
    steps.push({ type: 'audio', pcm: speech.slice(at, at + chunk), sampleRate }, { wait: 100 });
  }
  const story = new ScriptedEngine([steps]);
  let told = false;
  return {
    story,
    respond(input: ResponseInput, signal: AbortSignal): AsyncIterable<ResponsePart> {
      if (told) return echo.respond(input, signal);
      told = true;
      return story.respond(input, signal);
    },
  };
}
