import { describe, expect, it } from 'vitest';
import { type ChatChunk, chatChunkFinishReason, decodeChatChunk, encodeChatChunk } from './chat-chunk.js';
import { ChatChunkBuilder } from './chat-chunk-builder.js';
import { chatUsage, chatWordTiming } from './chat-common.js';
import { buildChatResponse, decodeChatResponse, encodeChatResponse } from './chat-response.js';

const decodeOk = (wire: unknown): ChatChunk => {
  const result = decodeChatChunk(wire);
  if (!result.ok) throw new Error(`${result.error.param}: ${result.error.message}`);
  return result.event;
};

describe('decodeChatChunk', () => {
  const chunk = (delta: unknown, extra: Record<string, unknown> = {}) => ({ choices: [{ index: 0, delta, ...extra }] });

  it('requires end_ts or duration on every word (spec 004)', () => {
    const onlyStart = chunk({ audio: { words: [{ text: 'a', start_ts: 0, end_ts: 5 }, { text: 'b', start_ts: 10 }] } });
    const result = decodeChatChunk(onlyStart);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({
        code: 'missing_required_parameter',
        param: 'choices[0].delta.audio.words[1].end_ts',
      });
    }
    expect(decodeChatChunk(chunk({ audio: { words: [{ text: 'a', start_ts: 0, duration: 40 }] } })).ok).toBe(true);
  });

  it('reports bad tool-call deltas and finish reasons with their paths', () => {
    const noIndex = decodeChatChunk(chunk({ tool_calls: [{ function: { arguments: '{' } }] }));
    expect(noIndex.ok || noIndex.error).toMatchObject({
      code: 'missing_required_parameter',
      param: 'choices[0].delta.tool_calls[0].index',
    });
    const badReason = decodeChatChunk(chunk({}, { finish_reason: 'done' }));
    expect(badReason.ok || badReason.error).toMatchObject({ code: 'invalid_value', param: 'choices[0].finish_reason' });
    const negative = decodeChatChunk(chunk({ audio: { words: [{ text: 'a', start_ts: -1, end_ts: 2 }] } }));
    expect(negative.ok || negative.error).toMatchObject({ code: 'invalid_value', param: 'choices[0].delta.audio.words[0].start_ts' });
  });

  it('reads StepFun\'s "" finish reason as not finished', () => {
    expect(chatChunkFinishReason(decodeOk(chunk({}, { finish_reason: '' })).choices[0])).toBeNull();
    expect(chatChunkFinishReason(decodeOk(chunk({})).choices[0])).toBeNull();
    expect(chatChunkFinishReason(decodeOk(chunk({}, { finish_reason: 'tool_calls' })).choices[0])).toBe('tool_calls');
  });
});

describe('ChatChunkBuilder', () => {
  const builder = new ChatChunkBuilder({ id: 'chatcmpl-1', model: 'echo', created: 1766673600, audioId: 'audio-1' });

  it('streams a spoken answer with a tool call, every chunk valid and sharing the head', () => {
    const stream = [
      builder.start(),
      builder.audio({ transcript: 'Let me check.', words: [chatWordTiming('Let', 0, 120)] }),
      builder.audio({ data: 'AAABAP7/' }),
      builder.toolCallStart({ index: 0, id: 'call_1', name: 'get_weather', arguments: '{"city"' }),
      builder.toolCallArguments(0, ':"Paris"}'),
      builder.finish('tool_calls'),
      builder.usage(chatUsage(12, 30)),
    ];
    const decoded = stream.map((c) => decodeOk(JSON.parse(encodeChatChunk(c))));
    for (const c of decoded) expect(c).toMatchObject({ id: 'chatcmpl-1', object: 'chat.completion.chunk', model: 'echo' });
    const audio = decoded.flatMap((c) => c.choices.map((ch) => ch.delta.audio).filter((a) => a));
    expect(audio.every((a) => a?.id === 'audio-1')).toBe(true);
    const args = decoded.flatMap((c) => c.choices.flatMap((ch) => ch.delta.tool_calls ?? [])).map((t) => t.function?.arguments ?? '');
    expect(JSON.parse(args.join(''))).toEqual({ city: 'Paris' });
    expect(decoded.map((c) => (c.choices.length > 0 ? c.choices[0].finish_reason : 'no choices'))).toEqual([null, null, null, null, null, 'tool_calls', 'no choices']);
    expect(decoded[6].usage).toEqual({ prompt_tokens: 12, completion_tokens: 30, total_tokens: 42 });
  });

  it('fills all four word-timing keys, clamped and consistent', () => {
    expect(chatWordTiming('hi', 200, 420)).toEqual({ text: 'hi', start_ts: 200, end_ts: 420, duration: 220 });
    const clamped = chatWordTiming('x', -5, -10);
    expect(clamped.start_ts).toBe(0);
    expect(clamped.end_ts - clamped.start_ts).toBe(clamped.duration);
  });
});

describe('chat response', () => {
  it('builds a response that decodes back to itself', () => {
    const response = buildChatResponse({
      id: 'c-1',
      model: 'step-audio-2',
      created: 1766673565,
      audio: { id: 'audio-1', data: 'UklGRg==', transcript: 'ok', expires_at: 1766677165 },
      toolCalls: [{ id: 'call-1', type: 'function', function: { name: 'f', arguments: '{}' } }],
      finishReason: 'tool_calls',
      usage: chatUsage(1, 2),
    });
    const decoded = decodeChatResponse(encodeChatResponse(response));
    expect(decoded.ok && decoded.event).toEqual(response);
    expect(response.choices[0].message.content).toBeNull();
  });

  it('reports what a response lacks', () => {
    const missingChoices = decodeChatResponse({ id: 'x' });
    expect(missingChoices.ok || missingChoices.error).toMatchObject({ code: 'missing_required_parameter', param: 'choices' });
    const noTranscript = decodeChatResponse({
      id: 'x',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', audio: { data: '' } } }],
    });
    expect(noTranscript.ok || noTranscript.error).toMatchObject({ param: 'choices[0].message.audio.transcript' });
  });
});
