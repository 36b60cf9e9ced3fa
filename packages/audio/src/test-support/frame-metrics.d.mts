export interface FrameScores {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}
/** Spreads `frameMs` decisions onto a `gridMs` grid of `length` cells (frameMs multiple of gridMs). */
export declare function toGrid(decisions: ArrayLike<number>, frameMs: number, gridMs: number, length: number): Uint8Array;
/** Scores `decided` against `truth` cell by cell over truth.length cells (missing cells count as 0). */
export declare function frameScores(truth: ArrayLike<number>, decided: ArrayLike<number>): FrameScores;
