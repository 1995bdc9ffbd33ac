/**
 * Log-linear histogram of positive values (ms) with fixed memory: 128 linear sub-bins per power of
 * two (relative bin width ≤ 0.78 %), indexed from the float's exponent and top mantissa bits, so
 * recording a value costs no logarithm. Range 2^-10 ms (≈ 1 µs) to 2^31 ms (≈ 25 days), clamped.
 */

export const SUB_BITS = 7;
const SUB = 1 << SUB_BITS;
const MIN_EXP = -10;
const MAX_EXP = 31;
/** Number of fine bins. */
export const BINS = (MAX_EXP - MIN_EXP) * SUB;
/** High 32 bits of the double 2^MIN_EXP, shifted like an index: the index of the first bin. */
const OFFSET = (1023 + MIN_EXP) << SUB_BITS;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Which half of the double holds the exponent depends on the platform's byte order.
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** binIndex(ms) maps a value to its fine bin, clamping to the range. */
export function binIndex(ms: number): number {
  f64[0] = ms;
  const i = (u32[HI] >>> (20 - SUB_BITS)) - OFFSET;
  return i < 0 ? 0 : i >= BINS ? BINS - 1 : i;
}

/** Lower edge of fine bin i, ms. */
export function binLower(i: number): number {
  const octave = Math.floor(i / SUB);
  const sub = i - octave * SUB;
  return 2 ** (MIN_EXP + octave) * (1 + sub / SUB);
}

/**
 * Quantile q ∈ [0, 1] of counts over fine bins: the mean of the values in the bin holding the
 * rank (from `sums`). Off by at most one bin width (0.78 %), and exact for a point mass (every
 * request exactly 40 ms reads 40, where a bin-edge estimate would read 40.125).
 */
export function quantileOf(
  counts: ArrayLike<number>,
  sums: ArrayLike<number>,
  total: number,
  q: number,
  maxMs: number
): number {
  if (total === 0) return 0;
  const rank = q * total;
  let cum = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (c > 0 && cum + c >= rank) {
      return Math.min(sums[i] / c, maxMs);
    }
    cum += c;
  }
  return maxMs;
}
