/**
 * The inner loops. All arithmetic is in doubles. The kernels that can compute
 * a given output (dot1/dot4/dot8/dot4rows for a dense table, slide and sym
 * for a sliding one, lerp1/lerp2 for an interpolated one) sum it in exactly
 * the same order, so an output does not depend on which of them computed it,
 * and therefore not on how the input was chunked.
 *
 * - dot1 / dot4 / dot8: outputs that share a row but whose windows lie
 *   `stride` samples apart in one buffer; each coefficient is loaded once for
 *   all of them and the accumulators form independent dependency chains.
 * - slide1 / slide4: outputs that share a row, with a small `down`: their
 *   windows lie `down` samples apart, so within one residue class of taps
 *   (one op) output m + 1 needs the samples output m needs, shifted by one;
 *   the samples rotate through registers and each is loaded once. They read a
 *   Float64 history that also holds the coefficients; an output that sums
 *   several ops carries its partial sum in a double accumulator array.
 * - sym1 / sym4: the same for a mirrored op (a symmetric row folded in half:
 *   one multiply per pair of taps).
 * - dot4rows: four consecutive outputs, each with its own row (streams
 *   whose chunks hold fewer than four outputs per row).
 * - lerp1 / lerp2: outputs between two rows of an interpolated table.
 */

/** sum over j < taps of b[s + j] * c[co + j]. */
export function dot1(b: Float32Array, s: number, c: Float32Array, co: number, taps: number): number {
  let a = 0;
  for (let j = 0; j < taps; j++) a += b[s + j]! * c[co + j]!;
  return a;
}

/**
 * Four outputs sharing phase `co`: window q starts at s + q * stride and its
 * result goes to out[o + q * ostride].
 */
export function dot4(
  b: Float32Array, s: number, stride: number,
  c: Float32Array, co: number, taps: number,
  out: Float32Array, o: number, ostride: number,
): void {
  const s1 = s + stride;
  const s2 = s1 + stride;
  const s3 = s2 + stride;
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  for (let j = 0; j < taps; j++) {
    const h = c[co + j]!;
    a0 += b[s + j]! * h;
    a1 += b[s1 + j]! * h;
    a2 += b[s2 + j]! * h;
    a3 += b[s3 + j]! * h;
  }
  out[o] = a0;
  out[o + ostride] = a1;
  out[o + 2 * ostride] = a2;
  out[o + 3 * ostride] = a3;
}

/** Eight outputs sharing phase `co`; see `dot4`. */
export function dot8(
  b: Float32Array, s: number, stride: number,
  c: Float32Array, co: number, taps: number,
  out: Float32Array, o: number, ostride: number,
): void {
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
  for (let j = 0; j < taps; j++) {
    const h = c[co + j]!;
    let i = s + j;
    a0 += b[i]! * h; i += stride;
    a1 += b[i]! * h; i += stride;
    a2 += b[i]! * h; i += stride;
    a3 += b[i]! * h; i += stride;
    a4 += b[i]! * h; i += stride;
    a5 += b[i]! * h; i += stride;
    a6 += b[i]! * h; i += stride;
    a7 += b[i]! * h;
  }
  out[o] = a0;
  o += ostride; out[o] = a1;
  o += ostride; out[o] = a2;
  o += ostride; out[o] = a3;
  o += ostride; out[o] = a4;
  o += ostride; out[o] = a5;
  o += ostride; out[o] = a6;
  o += ostride; out[o] = a7;
}

/**
 * Four consecutive outputs with their own rows: out[o + m * ostride] =
 * sum over j < taps of b[s_m + j] * c[c_m + j]. Four independent chains, so
 * the adds do not wait on each other as they do in dot1.
 */
export function dot4rows(
  b: Float32Array, s0: number, s1: number, s2: number, s3: number,
  c: Float32Array, c0: number, c1: number, c2: number, c3: number, taps: number,
  out: Float32Array, o: number, ostride: number,
): void {
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  for (let j = 0; j < taps; j++) {
    a0 += b[s0 + j]! * c[c0 + j]!;
    a1 += b[s1 + j]! * c[c1 + j]!;
    a2 += b[s2 + j]! * c[c2 + j]!;
    a3 += b[s3 + j]! * c[c3 + j]!;
  }
  out[o] = a0;
  out[o + ostride] = a1;
  out[o + 2 * ostride] = a2;
  out[o + 3 * ostride] = a3;
}

/**
 * One output between two rows of an interpolated table: with d holding the
 * difference to the next row, sum b * (c + f d) = sum b c + f * sum b d, the
 * two sums accumulated side by side.
 */
export function lerp1(b: Float32Array, s: number, c: Float32Array, d: Float32Array, co: number, f: number, taps: number): number {
  let u = 0;
  let v = 0;
  for (let j = 0; j < taps; j++) {
    const x = b[s + j]!;
    u += x * c[co + j]!;
    v += x * d[co + j]!;
  }
  return u + f * v;
}

/** lerp1 for two outputs at once (four independent chains); results to out[o], out[o + ostride]. */
export function lerp2(
  b: Float32Array, s0: number, s1: number,
  c: Float32Array, d: Float32Array, c0: number, c1: number, f0: number, f1: number, taps: number,
  out: Float32Array, o: number, ostride: number,
): void {
  let u0 = 0, v0 = 0, u1 = 0, v1 = 0;
  for (let j = 0; j < taps; j++) {
    const x = b[s0 + j]!;
    const y = b[s1 + j]!;
    u0 += x * c[c0 + j]!;
    v0 += x * d[c0 + j]!;
    u1 += y * c[c1 + j]!;
    v1 += y * d[c1 + j]!;
  }
  out[o] = u0 + f0 * v0;
  out[o + ostride] = u1 + f1 * v1;
}

/**
 * `flags` of the sliding kernels: where an output's running sum comes from
 * and where it goes. An output sums several ops; the first starts from zero,
 * the last writes the Float32 result, the others go through the double
 * accumulators `acc` (the arithmetic is the same either way).
 */
export const FROM_ACC = 1;
export const TO_OUT = 2;

/**
 * One output of a plain op: sum over j < len of w[p + j * stride] * w[co + j],
 * added to acc[q] (FROM_ACC) and stored to out[o] (TO_OUT) or acc[q]. History
 * and coefficients share one array (fewer live pointers in the loop).
 */
export function slide1(
  w: Float64Array, p: number, stride: number, co: number, len: number,
  acc: Float64Array, q: number, out: Float32Array, o: number, flags: number,
): void {
  let a = flags & FROM_ACC ? acc[q]! : 0;
  for (let k = co, i = p, end = co + len; k < end; k++, i += stride) a += w[i]! * w[k]!;
  if (flags & TO_OUT) out[o] = a;
  else acc[q] = a;
}

/**
 * slide1 for four consecutive outputs whose windows are `stride` apart
 * (output m reads w[p + (m + j) * stride]); two taps per iteration, samples
 * rotating through registers. Outputs go to acc[q + m] or out[o + m * ostride].
 */
export function slide4(
  w: Float64Array, p: number, stride: number, co: number, len: number,
  acc: Float64Array, q: number, out: Float32Array, o: number, ostride: number, flags: number,
): void {
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  if (flags & FROM_ACC) {
    a0 = acc[q]!; a1 = acc[q + 1]!; a2 = acc[q + 2]!; a3 = acc[q + 3]!;
  }
  let x0 = w[p]!, x1 = w[p + stride]!, x2 = w[p + 2 * stride]!;
  const end = co + len;
  const step = 2 * stride;
  let k = co;
  let i = p + 3 * stride;
  for (; k + 1 < end; k += 2, i += step) {
    const h = w[k]!;
    const g = w[k + 1]!;
    const x3 = w[i]!;
    const x4 = w[i + stride]!;
    a0 += x0 * h;
    a1 += x1 * h;
    a2 += x2 * h;
    a3 += x3 * h;
    a0 += x1 * g;
    a1 += x2 * g;
    a2 += x3 * g;
    a3 += x4 * g;
    x0 = x2;
    x1 = x3;
    x2 = x4;
  }
  if (k < end) {
    const h = w[k]!;
    a0 += x0 * h;
    a1 += x1 * h;
    a2 += x2 * h;
    a3 += w[i]! * h;
  }
  if (flags & TO_OUT) {
    out[o] = a0; out[o + ostride] = a1; out[o + 2 * ostride] = a2; out[o + 3 * ostride] = a3;
  } else {
    acc[q] = a0; acc[q + 1] = a1; acc[q + 2] = a2; acc[q + 3] = a3;
  }
}

/**
 * One output of a mirrored op: sum over i < len of
 * w[co + i] * (w[pl + i * stride] + w[pr - i * stride]); flags as slide1.
 */
export function sym1(
  w: Float64Array, pl: number, pr: number, stride: number, co: number, len: number,
  acc: Float64Array, q: number, out: Float32Array, o: number, flags: number,
): void {
  let a = flags & FROM_ACC ? acc[q]! : 0;
  for (let k = co, i = pl, j = pr, end = co + len; k < end; k++, i += stride, j -= stride) a += (w[i]! + w[j]!) * w[k]!;
  if (flags & TO_OUT) out[o] = a;
  else acc[q] = a;
}

/**
 * sym1 for four consecutive outputs (windows `stride` apart): output m reads
 * w[pl + (m + i) * stride] and w[pr + (m - i) * stride]. Both sample runs
 * rotate through registers, the left one forwards, the right one backwards.
 */
export function sym4(
  w: Float64Array, pl: number, pr: number, stride: number, co: number, len: number,
  acc: Float64Array, q: number, out: Float32Array, o: number, ostride: number, flags: number,
): void {
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  if (flags & FROM_ACC) {
    a0 = acc[q]!; a1 = acc[q + 1]!; a2 = acc[q + 2]!; a3 = acc[q + 3]!;
  }
  let l0 = w[pl]!, l1 = w[pl + stride]!, l2 = w[pl + 2 * stride]!;
  let r1 = w[pr + stride]!, r2 = w[pr + 2 * stride]!, r3 = w[pr + 3 * stride]!;
  const end = co + len;
  for (let k = co, i = pl + 3 * stride, j = pr; k < end; k++, i += stride, j -= stride) {
    const h = w[k]!;
    const l3 = w[i]!;
    const r0 = w[j]!;
    a0 += (l0 + r0) * h;
    a1 += (l1 + r1) * h;
    a2 += (l2 + r2) * h;
    a3 += (l3 + r3) * h;
    l0 = l1;
    l1 = l2;
    l2 = l3;
    r3 = r2;
    r2 = r1;
    r1 = r0;
  }
  if (flags & TO_OUT) {
    out[o] = a0; out[o + ostride] = a1; out[o + 2 * ostride] = a2; out[o + 3 * ostride] = a3;
  } else {
    acc[q] = a0; acc[q + 1] = a1; acc[q + 2] = a2; acc[q + 3] = a3;
  }
}
