import type { FilterBank } from './filter-bank.js';
import { FROM_ACC, TO_OUT, dot1, dot4, dot4rows, dot8, lerp1, lerp2, slide1, slide4, sym1, sym4 } from './kernels.js';

/**
 * Where a run of outputs starts: output k (0 <= k < count) has its newest
 * window sample at history index end + floor((rem + k * down) / up) and uses
 * row (rem + k * down) mod up. Results go to out[outOffset + k * outStride].
 */
export interface RunSpec {
  readonly up: number;
  readonly down: number;
  readonly end: number;
  readonly rem: number;
  readonly count: number;
  readonly out: Float32Array;
  readonly outOffset: number;
  readonly outStride: number;
}

/**
 * Exact table, sliding kernels. `w` holds the ops' coefficients at the front
 * (bank.coeffs, so opCoef indexes `w` directly) and the channel's history
 * from `base` on. Outputs are taken in blocks of whole row cycles
 * (`acc.length` cycles); inside a block, the outputs of one row have windows
 * `down` samples apart and are computed four at a time, op after op; between
 * the ops of a row their partial sums wait in the double accumulators `acc`.
 */
export function runSliding(w: Float64Array, base: number, bank: FilterBank, spec: RunSpec, acc: Float64Array): void {
  const { taps } = bank;
  const { rowOps, opKind, opCoef, opLen, opTap, opMirror } = bank.sliding!;
  const { up, down, count: n, out, outStride } = spec;
  const stepInt = Math.floor(down / up);
  const stepRem = down % up;
  const cycles = acc.length;
  const sameRowStride = up * outStride;
  const group = 4 * down;
  let blockEnd = spec.end;
  for (let k0 = 0; k0 < n; k0 += up * cycles, blockEnd += cycles * down) {
    let e = blockEnd;
    let r = spec.rem;
    const rowsHere = Math.min(up, n - k0);
    for (let q = 0; q < rowsHere; q++) {
      const count = Math.min(cycles, Math.ceil((n - k0 - q) / up));
      const s = base + e - taps + 1;
      const o0 = spec.outOffset + (k0 + q) * outStride;
      const first = rowOps[r]!;
      const last = rowOps[r + 1]! - 1;
      for (let op = first; op <= last; op++) {
        const flags = (op > first ? FROM_ACC : 0) | (op === last ? TO_OUT : 0);
        const len = opLen[op]!;
        const co = opCoef[op]!;
        let pl = s + opTap[op]!;
        let o = o0;
        let m = 0;
        if (opKind[op] === 0 && len === 1) {
          // A single tap (centre of a folded row, or a unit-impulse row): no kernel call.
          const h = w[co]!;
          if (flags === TO_OUT) for (; m < count; m++, pl += down, o += sameRowStride) out[o] = w[pl]! * h;
          else if (flags === (FROM_ACC | TO_OUT)) for (; m < count; m++, pl += down, o += sameRowStride) out[o] = acc[m]! + w[pl]! * h;
          else if (flags === FROM_ACC) for (; m < count; m++, pl += down) acc[m] += w[pl]! * h;
          else for (; m < count; m++, pl += down) acc[m] = w[pl]! * h;
        } else if (opKind[op] === 0) {
          for (; m + 4 <= count; m += 4, pl += group, o += 4 * sameRowStride) slide4(w, pl, down, co, len, acc, m, out, o, sameRowStride, flags);
          for (; m < count; m++, pl += down, o += sameRowStride) slide1(w, pl, down, co, len, acc, m, out, o, flags);
        } else {
          let pr = s + opMirror[op]!;
          for (; m + 4 <= count; m += 4, pl += group, pr += group, o += 4 * sameRowStride) {
            sym4(w, pl, pr, down, co, len, acc, m, out, o, sameRowStride, flags);
          }
          for (; m < count; m++, pl += down, pr += down, o += sameRowStride) sym1(w, pl, pr, down, co, len, acc, m, out, o, flags);
        }
      }
      r += stepRem;
      e += stepInt;
      if (r >= up) { r -= up; e++; }
    }
  }
}

/**
 * Exact table, dense kernel over a plain history (rows all `taps` long).
 * When a call holds at least four outputs per row, the outputs of one row
 * (windows `down` samples apart) are computed eight or four at a time;
 * otherwise (short chunks of a ratio with many rows) consecutive outputs are
 * computed four at a time, each with its own row.
 */
export function runDense(b: Float32Array, base: number, bank: FilterBank, spec: RunSpec, cycles: number): void {
  const { up, count: n } = spec;
  if (n >= 4 * up) runDenseByRow(b, base, bank, spec, cycles);
  else runDenseInOrder(b, base, bank, spec);
}

function runDenseByRow(b: Float32Array, base: number, bank: FilterBank, spec: RunSpec, cycles: number): void {
  const { taps, coeffs } = bank;
  const { up, down, count: n, out, outStride } = spec;
  const stepInt = Math.floor(down / up);
  const stepRem = down % up;
  const sameRowStride = up * outStride;
  let blockEnd = spec.end;
  for (let k0 = 0; k0 < n; k0 += up * cycles, blockEnd += cycles * down) {
    let e = blockEnd;
    let r = spec.rem;
    const rowsHere = Math.min(up, n - k0);
    for (let q = 0; q < rowsHere; q++) {
      const count = Math.min(cycles, Math.ceil((n - k0 - q) / up));
      const co = r * taps;
      let s = base + e - taps + 1;
      let o = spec.outOffset + (k0 + q) * outStride;
      let m = 0;
      for (; m + 8 <= count; m += 8, s += 8 * down, o += 8 * sameRowStride) {
        dot8(b, s, down, coeffs, co, taps, out, o, sameRowStride);
      }
      for (; m + 4 <= count; m += 4, s += 4 * down, o += 4 * sameRowStride) {
        dot4(b, s, down, coeffs, co, taps, out, o, sameRowStride);
      }
      for (; m < count; m++, s += down, o += sameRowStride) out[o] = dot1(b, s, coeffs, co, taps);
      r += stepRem;
      e += stepInt;
      if (r >= up) { r -= up; e++; }
    }
  }
}

function runDenseInOrder(b: Float32Array, base: number, bank: FilterBank, spec: RunSpec): void {
  const { taps, coeffs } = bank;
  const { up, down, count: n, out, outStride } = spec;
  const stepInt = Math.floor(down / up);
  const stepRem = down % up;
  let s = base + spec.end - taps + 1;
  let r = spec.rem;
  let o = spec.outOffset;
  let k = 0;
  for (; k + 4 <= n; k += 4, o += 4 * outStride) {
    const s0 = s;
    const r0 = r;
    r += stepRem; s += stepInt; if (r >= up) { r -= up; s++; }
    const s1 = s;
    const r1 = r;
    r += stepRem; s += stepInt; if (r >= up) { r -= up; s++; }
    const s2 = s;
    const r2 = r;
    r += stepRem; s += stepInt; if (r >= up) { r -= up; s++; }
    dot4rows(b, s0, s1, s2, s, coeffs, r0 * taps, r1 * taps, r2 * taps, r * taps, taps, out, o, outStride);
    r += stepRem; s += stepInt; if (r >= up) { r -= up; s++; }
  }
  for (; k < n; k++, o += outStride) {
    out[o] = dot1(b, s, coeffs, r * taps, taps);
    r += stepRem; s += stepInt; if (r >= up) { r -= up; s++; }
  }
}

/** Interpolated table: each output blends the two rows around its fraction; two outputs at a time. */
export function runInterpolated(b: Float32Array, base: number, bank: FilterBank, spec: RunSpec): void {
  const { taps, coeffs, phases } = bank;
  const deltas = bank.deltas!;
  const { up, down, count: n, out, outStride } = spec;
  const stepInt = Math.floor(down / up);
  const stepRem = down % up;
  let s = base + spec.end - taps + 1;
  let r = spec.rem;
  let o = spec.outOffset;
  let k = 0;
  for (; k + 2 <= n; k += 2, o += 2 * outStride) {
    const x0 = (r * phases) / up;
    const p0 = Math.floor(x0);
    const s0 = s;
    r += stepRem; s += stepInt; if (r >= up) { r -= up; s++; }
    const x1 = (r * phases) / up;
    const p1 = Math.floor(x1);
    lerp2(b, s0, s, coeffs, deltas, p0 * taps, p1 * taps, x0 - p0, x1 - p1, taps, out, o, outStride);
    r += stepRem; s += stepInt; if (r >= up) { r -= up; s++; }
  }
  if (k < n) {
    const x = (r * phases) / up;
    const p = Math.floor(x);
    out[o] = lerp1(b, s, coeffs, deltas, p * taps, x - p, taps);
  }
}
