import { decodeWav } from '@parley/audio';
import { describe, expect, test } from 'vitest';
import { EspeakRuntime } from './espeak-runtime.js';
import { loadEspeakWasm } from './wasm-loader.js';

const runtime = new EspeakRuntime(loadEspeakWasm);
const english = ['-D', '-v', 'en-us', '-s', '175'];
const text = 'The quick brown fox jumps over the lazy dog.';

function seconds(wav: Uint8Array): number {
  const d = decodeWav(wav);
  return d.channelData[0]!.length / d.sampleRate;
}

describe('EspeakRuntime', () => {
  test('writes 22 050 Hz mono 16-bit WAV', async () => {
    const d = decodeWav(await runtime.synthesizeWav(english, text));
    expect([d.sampleRate, d.channels, d.bitsPerSample]).toEqual([22050, 1, 16]);
    expect(d.channelData[0]!.length / d.sampleRate).toBeGreaterThan(1.5);
  });

  test('one instance serves many runs, each parsing its own options', async () => {
    const before = runtime.stats.runs;
    const normal = await runtime.synthesizeWav(english, text);
    const fast = await runtime.synthesizeWav(['-D', '-v', 'en-us', '-s', '350'], text);
    const cmn = await runtime.synthesizeWav(['-D', '-v', 'cmn+f3', '-p', '70'], '今天天气很好。');
    const again = await runtime.synthesizeWav(english, text);
    // A re-used command line would ignore the options of the second run; here they take effect...
    expect(seconds(fast)).toBeLessThan(seconds(normal) * 0.7);
    expect(seconds(cmn)).not.toBeCloseTo(seconds(normal), 1);
    // ...and nothing of a run leaks into the next: the same command gives the same bytes.
    expect(Buffer.from(again).equals(Buffer.from(normal))).toBe(true);
    expect(runtime.stats.runs - before).toBe(4);
    expect(runtime.stats.instances).toBe(1);
  });

  test('a run on the shared instance equals a run on a fresh instance', async () => {
    await runtime.synthesizeWav(['-D', '-v', 'en-us+m3', '-s', '120'], 'Something else first.');
    const shared = await runtime.synthesizeWav(english, text);
    const fresh = await new EspeakRuntime(loadEspeakWasm).synthesizeWav(english, text);
    expect(Buffer.from(shared).equals(Buffer.from(fresh))).toBe(true);
  });

  test('a run that exits early throws, with the program\'s message, and the next run works', async () => {
    // An unknown option makes the command line print an error and call exit() mid-run.
    await expect(runtime.synthesizeWav(['--no-such-option'], text)).rejects.toThrow(/wrote no audio.*unrecognized option/);
    // -q speaks nothing: no WAV at all.
    await expect(runtime.synthesizeWav(['-q'], text)).rejects.toThrow(/wrote no audio/);
    expect(seconds(await runtime.synthesizeWav(english, text))).toBeGreaterThan(1.5);
  });
});
