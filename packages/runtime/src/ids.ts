/** Prefixes of the ids a session hands out, as the vendors spell them. */
export type IdKind = 'sess' | 'conv' | 'item' | 'resp' | 'event' | 'call' | 'audio';

/** Makes ids. Tests inject a deterministic one. */
export interface IdGenerator {
  next(kind: IdKind): string;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random ids like `item_Bx3k9QwErTy7uIoP1aSd2`, from `crypto.getRandomValues`. */
export function randomIds(length = 21): IdGenerator {
  const bytes = new Uint8Array(length);
  return {
    next(kind) {
      crypto.getRandomValues(bytes);
      let s = `${kind}_`;
      for (let i = 0; i < length; i++) s += ALPHABET[bytes[i]! % ALPHABET.length];
      return s;
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
