// Frame-level detection scores against a ground truth on a common grid.

/**
 * Spreads per-frame decisions of `frameMs` frames onto a finer `gridMs` grid
 * (frameMs must be a multiple of gridMs) of `length` cells; cells past the
 * last decision are 0.
 */
export function toGrid(decisions, frameMs, gridMs, length) {
  const per = frameMs / gridMs;
  if (!Number.isInteger(per) || per < 1) throw new Error('toGrid: frameMs must be a multiple of gridMs');
  const out = new Uint8Array(length);
  for (let k = 0; k < decisions.length; k++) {
    if (!decisions[k]) continue;
    const a = k * per;
    if (a >= length) break;
    out.fill(1, a, Math.min(length, a + per));
  }
  return out;
}

/** Precision, recall and F1 of `decided` (1 = speech) against `truth`, over truth.length cells. */
export function frameScores(truth, decided) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let k = 0; k < truth.length; k++) {
    const d = k < decided.length ? decided[k] : 0;
    if (truth[k]) d ? tp++ : fn++;
    else d ? fp++ : tn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, tn, precision, recall, f1 };
}
