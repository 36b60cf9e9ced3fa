/**
 * Median fundamental frequency of speech, by normalised autocorrelation on
 * voiced frames (40 ms frames, 20 ms hop, 60-500 Hz). A frame counts as voiced
 * when it is within 20 dB of the loudest frame and its best autocorrelation
 * peak reaches 0.6. Returns NaN when no frame is voiced.
 */
export function medianF0(pcm: Int16Array, sampleRate: number): number {
  const x = Float32Array.from(pcm, (v) => v / 32768);
  const frame = Math.round(0.04 * sampleRate);
  const hop = Math.round(0.02 * sampleRate);
  const minLag = Math.floor(sampleRate / 500);
  const maxLag = Math.ceil(sampleRate / 60);
  const energies: number[] = [];
  for (let s = 0; s + frame + maxLag < x.length; s += hop) {
    let e = 0;
    for (let i = 0; i < frame; i++) e += x[s + i]! * x[s + i]!;
    energies.push(e);
  }
  const loudest = Math.max(0, ...energies);
  const f0s: number[] = [];
  energies.forEach((e, k) => {
    if (e < loudest * 0.01 || e === 0) return;
    const s = k * hop;
    let best = 0;
    let bestLag = 0;
    for (let lag = minLag; lag <= maxLag; lag++) {
      let c = 0;
      let e2 = 0;
      for (let i = 0; i < frame; i++) {
        c += x[s + i]! * x[s + i + lag]!;
        e2 += x[s + i + lag]! * x[s + i + lag]!;
      }
      const r = c / Math.sqrt(e * e2 + 1e-12);
      if (r > best) {
        best = r;
        bestLag = lag;
      }
    }
    if (best >= 0.6) f0s.push(sampleRate / bestLag);
  });
  if (!f0s.length) return Number.NaN;
  f0s.sort((a, b) => a - b);
  return f0s[Math.floor(f0s.length / 2)]!;
}
