/**
 * How the sliding kernels walk one row of an exact table.
 *
 * Outputs that share a row have windows `down` input samples apart, so tap
 * j + down of one output meets the same sample as tap j of the next. A row is
 * therefore cut into ops along residues of the tap index modulo `down`:
 * within one residue, consecutive same-row outputs read the same sample
 * sequence shifted by one, and the kernels compute several of them while
 * loading each sample once.
 *
 * - plain op: taps j = tap + i * down, i < len.
 * - mirrored op: when the row is symmetric (row[j] = row[J - j], as the
 *   integer and half-sample phases of a linear-phase filter are), the pair
 *   (j, J - j) shares one coefficient: taps tap + i * down and
 *   mirror - i * down, i < len. One multiply serves two taps.
 *
 * Leading and trailing zero taps of an op are dropped, and residues that hold
 * only zeros get no op at all: a unit-impulse row (the integer phase of any
 * upsampler) becomes one tap, and the zero crossings of a sinc cut exactly at
 * the lower Nyquist vanish (a third of the taps when dividing by 3).
 *
 * The op order is fixed per row, so every kernel sums an output in the same
 * order.
 */
export interface SlidingLayout {
  /** Tap step within an op: the ratio's `down`. */
  readonly stride: number;
  /** Ops of row p: rowOps[p] .. rowOps[p + 1] - 1. */
  readonly rowOps: Int32Array;
  /** 0 plain, 1 mirrored. */
  readonly opKind: Uint8Array;
  /** Start of the op's coefficients in `coeffs`. */
  readonly opCoef: Int32Array;
  readonly opLen: Int32Array;
  /** Tap index of the op's first (left) tap. */
  readonly opTap: Int32Array;
  /** Mirrored ops: tap index of the first right-hand tap (it then steps down). */
  readonly opMirror: Int32Array;
  readonly coeffs: Float32Array;
}

interface Op {
  kind: number;
  tap: number;
  mirror: number;
  values: number[];
}

/** Lays out `rows` (phases x taps, row-major) for windows `down` apart. */
export function slidingLayout(rows: Float64Array, phases: number, taps: number, down: number): SlidingLayout {
  const ops: Op[] = [];
  const rowOps = new Int32Array(phases + 1);
  for (let p = 0; p < phases; p++) {
    rowOps[p] = ops.length;
    const row = rows.subarray(p * taps, (p + 1) * taps);
    const mirror = mirrorOf(row);
    if (mirror < 0) {
      for (let residue = 0; residue < down; residue++) pushTrimmed(ops, row, residue, taps, down, -1);
      continue;
    }
    // Left halves, one mirrored op per residue; then the centre; then taps whose mirror is outside the row.
    for (let residue = 0; residue < down; residue++) pushTrimmed(ops, row, residue, mirror / 2, down, mirror);
    if (mirror % 2 === 0 && row[mirror / 2] !== 0) ops.push({ kind: 0, tap: mirror / 2, mirror: 0, values: [row[mirror / 2]!] });
    for (let j = mirror + 1; j < taps; j++) {
      if (row[j] !== 0) ops.push({ kind: 0, tap: j, mirror: 0, values: [row[j]!] });
    }
  }
  rowOps[phases] = ops.length;
  const n = ops.length;
  const layout = {
    stride: down,
    rowOps,
    opKind: new Uint8Array(n),
    opCoef: new Int32Array(n),
    opLen: new Int32Array(n),
    opTap: new Int32Array(n),
    opMirror: new Int32Array(n),
    coeffs: new Float32Array(ops.reduce((sum, op) => sum + op.values.length, 0)),
  };
  let at = 0;
  ops.forEach((op, i) => {
    layout.opKind[i] = op.kind;
    layout.opCoef[i] = at;
    layout.opLen[i] = op.values.length;
    layout.opTap[i] = op.tap;
    layout.opMirror[i] = op.mirror;
    layout.coeffs.set(op.values, at);
    at += op.values.length;
  });
  return layout;
}

/** J such that row[j] === row[J - j] wherever both exist (J = taps - 2 or taps - 1), else -1. */
function mirrorOf(row: Float64Array): number {
  const taps = row.length;
  for (const J of [taps - 2, taps - 1]) {
    let ok = true;
    for (let j = Math.max(0, J - taps + 1); j <= J && ok; j++) ok = row[j] === row[J - j];
    if (ok) return J;
  }
  return -1;
}

/**
 * Taps residue, residue + down, ... below `limit`, without leading and
 * trailing zeros, as one op (mirrored about `mirror` when >= 0).
 */
function pushTrimmed(ops: Op[], row: Float64Array, residue: number, limit: number, down: number, mirror: number): void {
  let first = -1;
  let last = -1;
  for (let j = residue; j < limit; j += down) {
    if (row[j] !== 0) {
      if (first < 0) first = j;
      last = j;
    }
  }
  if (first < 0) return;
  const values: number[] = [];
  for (let j = first; j <= last; j += down) values.push(row[j]!);
  ops.push({ kind: mirror >= 0 ? 1 : 0, tap: first, mirror: mirror >= 0 ? mirror - first : 0, values });
}
