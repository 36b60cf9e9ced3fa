import { describe, expect, test } from 'vitest';
import type { ResponsePart } from '../engine/engine.js';
import { VirtualClock, settle } from '../testing/virtual-clock.js';
import { ScriptedEngine } from './scripted-engine.js';
import { collect, inputOf, live, userText } from './test-support/parts.js';
import { tone } from './tone.js';

describe('ScriptedEngine', () => {
  test('answers each response with the next turn and records what it was asked', async () => {
    const engine = new ScriptedEngine([ScriptedEngine.text('one'), ScriptedEngine.toolCall('lookup', { q: 'x' }, { callId: 'call_7' })]);
    const first = inputOf([userText('item_1', 'a')]);
    expect(await collect(engine.respond(first, live()))).toEqual([{ type: 'text', delta: 'one' }]);
    expect(await collect(engine.respond(inputOf([userText('item_2', 'b')]), live()))).toEqual([
      { type: 'function_call', callId: 'call_7', name: 'lookup', argumentsDelta: '{"q":"x"}' },
    ]);
    expect(engine.calls.map((c) => [c.turnIndex, c.aborted, c.completed])).toEqual([
      [0, false, true],
      [1, false, true],
    ]);
    expect(engine.calls[0]!.input.items).toEqual(first.items);
  });

  test('records the items as they were when the call began', async () => {
    const engine = new ScriptedEngine([[]]);
    const items = [userText('item_1', 'before')];
    await collect(engine.respond(inputOf(items), live()));
    items.push(userText('item_2', 'after'));
    (items[0] as { content: { text?: string }[] }).content[0]!.text = 'changed';
    expect(engine.calls[0]!.input.items).toEqual([userText('item_1', 'before')]);
  });

  test('waits run on the injected clock, and an abort mid-wait ends the turn', async () => {
    const clock = new VirtualClock();
    const engine = new ScriptedEngine([[ScriptedEngine.text('a')[0]!, { wait: 1000 }, ScriptedEngine.text('b')[0]!]], { clock });
    const controller = new AbortController();
    const seen: ResponsePart[] = [];
    const run = (async () => {
      for await (const part of engine.respond(inputOf([]), controller.signal)) seen.push(part);
    })();
    await settle();
    expect(seen).toEqual([{ type: 'text', delta: 'a' }]);
    await clock.advanceAsync(999);
    expect(seen.length).toBe(1);
    controller.abort();
    await run;
    expect(seen.length).toBe(1);
    expect(engine.calls[0]).toMatchObject({ aborted: true, completed: false });
    expect(clock.pending).toBe(0); // the timer was cleared
  });

  test('a wait that runs out lets the turn go on', async () => {
    const clock = new VirtualClock();
    const engine = new ScriptedEngine([[{ wait: 500 }, { type: 'text', delta: 'late' }]], { clock });
    const done = collect(engine.respond(inputOf([]), live()));
    await clock.advanceAsync(500);
    expect(await done).toEqual([{ type: 'text', delta: 'late' }]);
  });

  test('fail steps throw: a message as an Error, an Error as it is', async () => {
    const custom = new TypeError('custom');
    const engine = new ScriptedEngine([[{ type: 'text', delta: 'x' }, { fail: 'boom' }], [{ fail: custom }]]);
    await expect(collect(engine.respond(inputOf([]), live()))).rejects.toThrow('boom');
    await expect(collect(engine.respond(inputOf([]), live()))).rejects.toBe(custom);
    expect(engine.calls.map((c) => c.completed)).toEqual([false, false]);
  });

  test('a function script sees each input and turn index', async () => {
    const engine = new ScriptedEngine((input, turn) => ScriptedEngine.text(`${turn}:${input.voice}`));
    await collect(engine.respond(inputOf([], { voice: 'ash' }), live()));
    expect(await collect(engine.respond(inputOf([], { voice: 'sage' }), live()))).toEqual([{ type: 'text', delta: '1:sage' }]);
  });

  test('running out of script is an error naming the turn', async () => {
    const engine = new ScriptedEngine([[]]);
    await collect(engine.respond(inputOf([]), live()));
    await expect(collect(engine.respond(inputOf([]), live()))).rejects.toThrow('no script for turn 1');
  });

  test('speaking(): the transcript, then a known tone in chunks; paced adds a wait per chunk', () => {
    const steps = ScriptedEngine.speaking('Hi there', { sampleRate: 16_000, ms: 250, chunkMs: 100 });
    expect(steps[0]).toEqual({ type: 'transcript', delta: 'Hi there' });
    const audio = steps.slice(1) as Extract<ResponsePart, { type: 'audio' }>[];
    expect(audio.map((p) => p.pcm.length)).toEqual([1600, 1600, 800]);
    expect(audio.every((p) => p.sampleRate === 16_000)).toBe(true);
    const joined = new Int16Array(4000);
    for (const [i, p] of audio.entries()) joined.set(p.pcm, i * 1600);
    expect(joined).toEqual(tone(250, 16_000));
    const paced = ScriptedEngine.speaking('Hi', { sampleRate: 16_000, ms: 250, paced: true });
    expect(paced.filter((s) => 'wait' in s)).toEqual([{ wait: 100 }, { wait: 100 }, { wait: 50 }]);
  });
});

describe('tone', () => {
  test('is a sine of the asked frequency and level', () => {
    const pcm = tone(1000, 16_000, { frequency: 440, amplitude: 0.5 });
    expect(pcm.length).toBe(16_000);
    let rising = 0;
    for (let i = 1; i < pcm.length; i++) if (pcm[i - 1]! < 0 && pcm[i]! >= 0) rising++;
    expect(Math.abs(rising - 440)).toBeLessThanOrEqual(1);
    expect(Math.abs(Math.max(...pcm) - 16_384)).toBeLessThanOrEqual(2);
    expect(Math.abs(Math.min(...pcm) + 16_384)).toBeLessThanOrEqual(2);
  });
});
