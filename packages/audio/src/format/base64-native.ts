/**
 * A platform base64 codec. Newer JavaScript engines carry one on `Uint8Array`
 * (`Uint8Array.fromBase64` and `Uint8Array.prototype.toBase64`); it is found
 * at run time and never polyfilled.
 */
export interface NativeBase64 {
  /** Standard alphabet, padded output. */
  encode(bytes: Uint8Array): string;
  /** Called only with input already validated (alphabet and layout). */
  decode(text: string): Uint8Array;
}

interface Uint8ArrayWithBase64 {
  fromBase64?: (text: string) => Uint8Array;
  prototype: { toBase64?: (this: Uint8Array) => string };
}

/** The platform's codec, or `undefined` when it has none. */
export function detectNativeBase64(): NativeBase64 | undefined {
  const ctor = Uint8Array as unknown as Uint8ArrayWithBase64;
  const fromBase64 = ctor.fromBase64;
  const toBase64 = ctor.prototype.toBase64;
  if (typeof fromBase64 !== 'function' || typeof toBase64 !== 'function') return undefined;
  return {
    encode: (bytes) => toBase64.call(bytes),
    decode: (text) => fromBase64.call(Uint8Array, text),
  };
}
