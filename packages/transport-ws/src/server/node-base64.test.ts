import { defaultBase64 } from '@parley/runtime';
import { describe, expect, it } from 'vitest';
import { nodeBase64 } from './node-base64.js';

// A small deterministic generator, so that a failure names a reproducible string.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const TROUBLE = ['=', '==', ' ', '\n', '-', '_', '.', '\u00e9', '\u20ac', '\ud83d\ude00', '\0', 'A=', '=A'];

function outcome(decode: (text: string) => Uint8Array, text: string): { bytes: number[] } | { error: string } {
  try {
    return { bytes: [...decode(text)] };
  } catch (error) {
    return { error: `${(error as { code?: string }).code}: ${(error as Error).message}` };
  }
}

/** Canonical base64 of random bytes, then perhaps damaged: cut, unpadded, a character replaced or inserted, low bits set. */
function candidate(next: () => number): string {
  const bytes = new Uint8Array(Math.floor(next() * 40));
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(next() * 256);
  let text = Buffer.from(bytes).toString('base64');
  const at = Math.floor(next() * (text.length + 1));
  switch (Math.floor(next() * 7)) {
    case 0:
      return text;
    case 1:
      return text.replace(/=+$/, '');
    case 2:
      return text.slice(0, at);
    case 3:
      return text.slice(0, at) + TROUBLE[Math.floor(next() * TROUBLE.length)] + text.slice(at + 1);
    case 4:
      return text.slice(0, at) + TROUBLE[Math.floor(next() * TROUBLE.length)] + text.slice(at);
    case 5: {
      // Unused low bits of the last data character set: accepted by both, ignored.
      const data = text.replace(/=+$/, '');
      if (data.length === 0) return text;
      const last = ALPHABET.indexOf(data.at(-1)!);
      text = data.slice(0, -1) + ALPHABET[(last | 1) & 63] + text.slice(data.length);
      return text;
    }
    default: {
      let s = '';
      for (let i = Math.floor(next() * 12); i > 0; i--) s += next() < 0.9 ? ALPHABET[Math.floor(next() * 64)] : '=';
      return s;
    }
  }
}

describe('nodeBase64', () => {
  it('accepts and rejects exactly what the portable codec does, with the same bytes and errors', () => {
    const next = random(20260401);
    let accepted = 0;
    let rejected = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = candidate(next);
      const expected = outcome(defaultBase64.decode, text);
      expect({ text, ...outcome(nodeBase64.decode, text) }).toEqual({ text, ...expected });
      if ('bytes' in expected) accepted++;
      else rejected++;
    }
    // Both sides of the contract were exercised.
    expect(accepted).toBeGreaterThan(5000);
    expect(rejected).toBeGreaterThan(5000);
  });

  it('returns plain Uint8Arrays, not Buffers', () => {
    const bytes = nodeBase64.decode('AAECAw==');
    expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype);
    expect([...bytes.slice(1, 3)]).toEqual([1, 2]);
  });

  it('encodes like the portable codec, views with an offset included', () => {
    const next = random(7);
    const backing = new Uint8Array(4096).map(() => Math.floor(next() * 256));
    for (let i = 0; i < 500; i++) {
      const start = Math.floor(next() * 100);
      const view = backing.subarray(start, start + Math.floor(next() * 3000));
      expect(nodeBase64.encode(view)).toBe(defaultBase64.encode(view));
    }
    expect(() => nodeBase64.encode('nope' as unknown as Uint8Array)).toThrow(/Uint8Array/);
  });
});
