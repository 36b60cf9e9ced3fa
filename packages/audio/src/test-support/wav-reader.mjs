// Minimal RIFF/WAVE reader for test fixtures: 16-bit PCM, mono or
// multi-channel (the first channel is kept). It exists so the speech corpus
// does not depend on the package's own WAV decoder, which it helps to test.

/**
 * @param {Uint8Array} bytes
 * @returns {{ samples: Float32Array, sampleRate: number }}
 */
export function readWavPcm16(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at) => String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
  if (bytes.byteLength < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') {
    throw new Error('readWavPcm16: not a RIFF/WAVE file');
  }
  let sampleRate = 0;
  let channels = 0;
  let offset = 12;
  while (offset + 8 <= bytes.byteLength) {
    const id = tag(offset);
    const declared = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      const format = view.getUint16(body, true);
      channels = view.getUint16(body + 2, true);
      sampleRate = view.getUint32(body + 4, true);
      const bits = view.getUint16(body + 14, true);
      if (format !== 1 || bits !== 16) throw new Error(`readWavPcm16: need 16-bit PCM, got format ${format}/${bits} bits`);
    } else if (id === 'data') {
      if (!sampleRate) throw new Error('readWavPcm16: data chunk before fmt chunk');
      // Streaming writers leave the size at 0 or 0xffffffff: read to the end.
      const available = bytes.byteLength - body;
      const size = declared === 0 || declared > available ? available : declared;
      const frames = Math.floor(size / (2 * channels));
      const samples = new Float32Array(frames);
      for (let i = 0; i < frames; i++) samples[i] = view.getInt16(body + i * 2 * channels, true) / 32768;
      return { samples, sampleRate };
    }
    offset = body + declared + (declared & 1);
  }
  throw new Error('readWavPcm16: no data chunk');
}
