/** Prefixes of the ids a session hands out, as the vendors spell them. */
export type IdKind = 'sess' | 'conv' | 'item' | 'resp' | 'event' | 'call' | 'audio';

/** Makes ids. Tests inject a deterministic one. */
export interface IdGenerator {
  next(kind: IdKind): string;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Random ids like `item_Bx3k9QwErTy7uIoP1a2f`: one random prefix per generator
 * (one `crypto.getRandomValues` call, `prefixLength` characters of a 62-letter
 * alphabet, about 95 bits for the default 16), then a base-36 counter. Every id
 * of one generator is distinct (a fixed-length prefix, distinct counters), ids
 * of two generators share a prefix only by chance, and making an id costs no
 * call into the platform's random source. A session makes one generator, so
 * ids are unguessable from outside the session that hands them out.
 */
export function randomIds(prefixLength = 16): IdGenerator {
  const bytes = new Uint8Array(prefixLength);
  crypto.getRandomValues(bytes);
  let prefix = '';
  for (let i = 0; i < prefixLength; i++) prefix += ALPHABET[bytes[i]! % ALPHABET.length];
  let counter = 0;
  return {
    next(kind) {
      counter++;
      return `${kind}_${prefix}${counter.toString(36)}`;
    },
  };
}

/** Counting ids like `item_0001`: deterministic, for tests and recordings. */
export function sequentialIds(): IdGenerator {
  const counters = new Map<IdKind, number>();
  return {
    next(kind) {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      return `${kind}_${String(n).padStart(4, '0')}`;
    },
  };
}
