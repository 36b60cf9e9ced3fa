/*
 * Hand-assembled RIFF/WAVE files for tests, built field by field so they do
 * not depend on the encoder under test.
 */

export interface ChunkSpec {
  id: string;
  body: Uint8Array;
  /** Size to declare instead of the body length. */
  declaredSize?: number;
  /** Write the pad byte after an odd-sized body (default true). */
  pad?: boolean;
}

export interface RiffOptions {
  magic?: string;
  form?: string;
  /** RIFF size to declare instead of the true one. */
  riffSize?: number;
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

function u16(v: number): number[] {
  return [v & 0xff, (v >>> 8) & 0xff];
}

function u32(v: number): number[] {
  return [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
}

export function riffFile(chunks: ChunkSpec[], options: RiffOptions = {}): Uint8Array {
  const parts: number[] = [];
  for (const chunk of chunks) {
    parts.push(...ascii(chunk.id), ...u32(chunk.declaredSize ?? chunk.body.length), ...chunk.body);
    if (chunk.body.length % 2 === 1 && chunk.pad !== false) parts.push(0);
  }
  const body = [...ascii(options.form ?? 'WAVE'), ...parts];
  return new Uint8Array([...ascii(options.magic ?? 'RIFF'), ...u32(options.riffSize ?? body.length), ...body]);
}

export interface FmtSpec {
  tag: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  blockAlign?: number;
  byteRate?: number;
  /** 16, 18 or 40 (40 writes WAVE_FORMAT_EXTENSIBLE fields). */
  size?: 16 | 18 | 40;
  /** For size 40: the subformat tag in the GUID (default 1, PCM). */
  subTag?: number;
  validBits?: number;
  cbSize?: number;
}

export function fmtChunk(spec: FmtSpec): ChunkSpec {
  const blockAlign = spec.blockAlign ?? (spec.channels * spec.bitsPerSample) / 8;
  const fields = [
    ...u16(spec.tag),
    ...u16(spec.channels),
    ...u32(spec.sampleRate),
    ...u32(spec.byteRate ?? spec.sampleRate * blockAlign),
    ...u16(blockAlign),
    ...u16(spec.bitsPerSample),
  ];
  const size = spec.size ?? 16;
  if (size >= 18) fields.push(...u16(spec.cbSize ?? (size === 40 ? 22 : 0)));
  if (size === 40) {
    fields.push(...u16(spec.validBits ?? spec.bitsPerSample), ...u32(0));
    fields.push(...u16(spec.subTag ?? 1), 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71);
  }
  return { id: 'fmt ', body: new Uint8Array(fields) };
}

export function dataChunk(body: Uint8Array, declaredSize?: number): ChunkSpec {
  return declaredSize === undefined ? { id: 'data', body } : { id: 'data', body, declaredSize };
}

/** Little-endian bytes of 16-bit samples. */
export function le16(samples: number[]): Uint8Array {
  return new Uint8Array(samples.flatMap(u16));
}

/** A plain 16-bit PCM file. */
export function pcm16Wav(samples: number[], channels = 1, sampleRate = 16000): Uint8Array {
  return riffFile([fmtChunk({ tag: 1, channels, sampleRate, bitsPerSample: 16 }), dataChunk(le16(samples))]);
}
