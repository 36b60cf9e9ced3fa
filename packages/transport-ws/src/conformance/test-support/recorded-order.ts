/**
 * Protocol order, checked against the recorded sequences of the protocol
 * package (`fixtures/sequences/<dialect>/<scenario>.jsonl`): the frames of a
 * live response, with their deltas left out, must name the same events in
 * the same order as the recording. Deltas are checked apart: they come only
 * inside their content part.
 */
import type { Dialect } from '@parley/protocol';
import { loadSequence, type SequenceScenario } from '../../../../protocol/src/realtime/test-support/sequences.js';
import type { WireFrame } from './wire-client.js';

const isDelta = (type: string) => type.endsWith('.delta');

/** Types of the frames of the `index`-th response (from `response.created` to its `response.done`), deltas left out. */
export function responseSkeleton(frames: readonly { type: string }[], index = 0): string[] {
  const starts = frames.flatMap((frame, at) => (frame.type === 'response.created' ? [at] : []));
  const start = starts[index];
  if (start === undefined) throw new Error(`no response #${index} among ${frames.length} frames`);
  const end = frames.findIndex((frame, at) => at > start && frame.type === 'response.done');
  if (end < 0) throw new Error(`response #${index} has no response.done`);
  return frames
    .slice(start, end + 1)
    .map((frame) => frame.type)
    .filter((type) => !isDelta(type));
}

/** The same, read from a recorded sequence's server frames. */
export function recordedSkeleton(dialect: Dialect, scenario: SequenceScenario, index = 0): string[] {
  const server = loadSequence(dialect, scenario)
    .filter((line) => line.dir === 'server')
    .map((line) => line.wire as { type: string });
  return responseSkeleton(server, index);
}

/** Frames of one response id (the events that carry `response_id` or `response.id`). */
export function framesOfResponse(frames: readonly WireFrame[], responseId: string): WireFrame[] {
  return frames.filter((frame) => {
    if (frame.response_id === responseId) return true;
    const response = frame.response as { id?: string } | undefined;
    return response?.id === responseId;
  });
}

/**
 * Every content delta lies inside its content part: after
 * `response.content_part.added` and before the `done` of its own kind
 * (`response.audio.delta` before `response.audio.done`, …). Returns the
 * types found out of place.
 */
export function deltasOutsideTheirPart(frames: readonly WireFrame[]): string[] {
  const misplaced: string[] = [];
  let open = false;
  const finished = new Set<string>();
  for (const { type } of frames) {
    if (type === 'response.content_part.added') {
      open = true;
      finished.clear();
    } else if (type === 'response.content_part.done') {
      open = false;
    } else if (type.endsWith('.done')) {
      finished.add(type.slice(0, -'.done'.length));
    } else if (isDelta(type) && type !== 'response.function_call_arguments.delta') {
      if (!open || finished.has(type.slice(0, -'.delta'.length))) misplaced.push(type);
    }
  }
  return misplaced;
}
