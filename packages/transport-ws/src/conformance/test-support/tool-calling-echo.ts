/**
 * The engine of the tool-call tests: the echo engine (espeak-ng speech, played
 * back audio), except that a user turn (typed or spoken), when the response
 * offers the tool, is answered with a call of that tool, its arguments
 * streamed in two deltas as a model streams them. The tool's output, sent
 * back by the client, is then spoken by the echo engine: a real spoken answer.
 */
import type { Engine, ResponseInput, ResponsePart } from '@parley/runtime';

export interface ToolCall {
  name: string;
  callId: string;
  /** JSON arguments; cut in two deltas. */
  arguments: string;
}

function userMessageLast(input: ResponseInput): boolean {
  const turns = input.items.filter((item) => !(item.type === 'message' && item.role === 'system'));
  const last = turns[turns.length - 1];
  return last?.type === 'message' && last.role === 'user';
}

export function toolCallingEcho(echo: Engine, call: ToolCall): Engine {
  return {
    respond(input: ResponseInput, signal: AbortSignal): AsyncIterable<ResponsePart> {
      const offered = input.tools.some((tool) => tool.type === 'function' && 'name' in tool && tool.name === call.name);
      if (!offered || !userMessageLast(input)) return echo.respond(input, signal);
      const cut = Math.ceil(call.arguments.length / 2);
      const pieces = [call.arguments.slice(0, cut), call.arguments.slice(cut)];
      return (async function* () {
        for (const argumentsDelta of pieces) yield { type: 'function_call' as const, callId: call.callId, name: call.name, argumentsDelta };
      })();
    },
  };
}
