import { describe, expect, it } from 'vitest';
import { CHAT_LIMITS, type ChatAudioClip, audioSegmentsFor, checkChatLimits } from './chat-limits.js';
import { type ChatRequest, decodeChatRequest } from './chat-request.js';

const CLIP = 'data:audio/wav;base64,UklGRiQAAABXQVZFZm10IBAAAAABAAEAgD4AAAB9AAACABAAZGF0YQAAAAA=';

/** A request with one user turn per clip; `seconds` reports the given durations. */
function requestWithClips(durations: number[]): { request: ChatRequest; seconds: (clip: ChatAudioClip) => number } {
  const messages = durations.map(() => ({
    role: 'user',
    content: [{ type: 'input_audio', input_audio: { data: CLIP } }],
  }));
  const result = decodeChatRequest({ model: 'step-audio-2', messages });
  if (!result.ok) throw new Error(result.error.message);
  return { request: result.event, seconds: (clip) => durations[clip.messageIndex] };
}

describe('audioSegmentsFor', () => {
  it('counts one segment per started 25 s, at least one', () => {
    expect(audioSegmentsFor(0.5)).toBe(1);
    expect(audioSegmentsFor(25)).toBe(1);
    expect(audioSegmentsFor(25.01)).toBe(2);
    expect(audioSegmentsFor(60)).toBe(3);
    expect(audioSegmentsFor(Number.NaN)).toBe(1);
  });
});

describe('checkChatLimits', () => {
  it('accepts 30 segments and rejects the 31st, naming the limit', () => {
    const atLimit = requestWithClips([...Array(28).fill(10), 50]);
    const ok = checkChatLimits(atLimit.request, { clipSeconds: atLimit.seconds });
    expect(ok).toMatchObject({ ok: true, audioSegments: 30, clips: 29, violations: [] });

    const over = requestWithClips([...Array(28).fill(10), 50.5]);
    const report = checkChatLimits(over.request, { clipSeconds: over.seconds });
    expect(report.ok).toBe(false);
    expect(report.audioSegments).toBe(31);
    expect(report.violations).toHaveLength(1);
    const [violation] = report.violations;
    expect(violation).toMatchObject({ limit: 'audio_segments', max: 30, actual: 31 });
    expect(violation.error).toMatchObject({ type: 'invalid_request_error', code: 'audio_too_large' });
    expect(violation.error.message).toMatch(/audio segment limit/i);
    expect(violation.error.message).toContain('30');
  });

  it('counts a clip of unknown duration as one segment and says how many were unknown', () => {
    const { request } = requestWithClips([1, 2, 3]);
    const report = checkChatLimits(request, { clipSeconds: (clip) => (clip.messageIndex === 1 ? undefined : 100) });
    expect(report).toMatchObject({ audioSegments: 4 + 1 + 4, unknownDurations: 1 });
  });

  it('hands the callback each clip with its place in the request', () => {
    const { request } = requestWithClips([1, 1]);
    const seen: string[] = [];
    checkChatLimits(request, {
      clipSeconds: (clip) => {
        seen.push(`${clip.param}|${clip.part.type}`);
        return 1;
      },
    });
    expect(seen).toEqual(['messages[0].content[0].input_audio|input_audio', 'messages[1].content[0].input_audio|input_audio']);
  });

  it('enforces the 10 MB context on the received size, and measures UTF-8 when none is given', () => {
    const { request, seconds } = requestWithClips([1]);
    const max = CHAT_LIMITS.maxContextBytes;
    expect(checkChatLimits(request, { clipSeconds: seconds, bodyBytes: max }).ok).toBe(true);
    const over = checkChatLimits(request, { clipSeconds: seconds, bodyBytes: max + 1 });
    expect(over.violations.map((v) => v.limit)).toEqual(['context_size']);
    expect(over.violations[0].error.message).toMatch(/context size limit.*10 MB/);

    const chinese: ChatRequest = { model: 'm', messages: [{ role: 'user', content: '你好😀'.repeat(10) }] };
    const measured = checkChatLimits(chinese, { clipSeconds: () => 0 });
    expect(measured.contextBytes).toBe(Buffer.byteLength(JSON.stringify(chinese), 'utf8'));
  });

  it('reports both limits when both are exceeded, with custom limits', () => {
    const { request, seconds } = requestWithClips([30, 30]);
    const report = checkChatLimits(request, { clipSeconds: seconds, limits: { maxAudioSegments: 3, maxContextBytes: 100 } });
    expect(report.violations.map((v) => v.limit).sort()).toEqual(['audio_segments', 'context_size']);
  });
});
