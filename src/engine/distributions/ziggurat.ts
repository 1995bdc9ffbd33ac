/**
 * Standard exponential and normal variates by the ziggurat method (Marsaglia & Tsang, "The Ziggurat
 * Method for Generating Random Variables", J. Stat. Softw. 5(8), 2000): one 32-bit draw, a table
 * look-up and a compare in ~99 % of cases, and a logarithm or exponential only in the rest. On the
 * engine's hot path this replaces one logarithm per arrival and per service time.
 *
 * The layer index comes from the low bits of the draw and the position within the layer from the
 * top 24 bits, so the two are independent (the original reused the same bits for both).
 */
import type { Uniform } from '../rng.ts';

const POSITION_BITS = 24;
const POSITION_SCALE = 2 ** POSITION_BITS;

interface Ziggurat {
  /** Accept without further test when position < k[i]. */
  k: Uint32Array;
  /** Position × w[i] is the candidate x. */
  w: Float64Array;
  /** f at each layer's right edge x[i], i = 0 … n (f(x[n]) = f(0) = 1). */
  f: Float64Array;
}

/**
 * Layers of equal area `v` under a decreasing density f on [0, ∞): x[1] = r, x[i+1] = f⁻¹(f(x[i]) + v/x[i]);
 * layer 0 is the base strip of width v/f(r) (its part beyond r is the tail).
 */
function buildZiggurat(
  n: number,
  r: number,
  v: number,
  f: (x: number) => number,
  fInv: (y: number) => number
): Ziggurat {
  const x = new Float64Array(n + 1);
  x[0] = v / f(r);
  x[1] = r;
  for (let i = 1; i < n - 1; i++) x[i + 1] = fInv(f(x[i]) + v / x[i]);
  x[n] = 0;
  const k = new Uint32Array(n);
  const w = new Float64Array(n);
  const fx = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    k[i] = Math.floor((x[i + 1] / x[i]) * POSITION_SCALE);
    w[i] = x[i] / POSITION_SCALE;
  }
  for (let i = 0; i <= n; i++) fx[i] = f(x[i]);
  return { k, w, f: fx };
}

// Constants from Marsaglia & Tsang (2000): r and the layer area v for 256 (exponential) and 128 (normal) layers.
const EXP_R = 7.697117470131487;
const EXP = buildZiggurat(
  256,
  EXP_R,
  3.949659822581572e-3,
  (x) => Math.exp(-x),
  (y) => -Math.log(y)
);
const NORMAL_R = 3.442619855899;
const NORMAL = buildZiggurat(
  128,
  NORMAL_R,
  9.91256303526217e-3,
  (x) => Math.exp(-0.5 * x * x),
  (y) => Math.sqrt(-2 * Math.log(y))
);

/** A standard exponential variate (mean 1). */
export function exponential(u: Uniform): number {
  const { k, w, f } = EXP;
  for (;;) {
    const bits = u.nextUint32();
    const i = bits & 255;
    const j = bits >>> 8;
    const x = j * w[i];
    if (j < k[i]) return x;
    // Beyond r the exponential is memoryless: r plus a fresh variate.
    if (i === 0) return EXP_R - Math.log(1 - u.next());
    // In the wedge between layer i's right edge and the one above: accept under the curve.
    if (f[i] + u.next() * (f[i + 1] - f[i]) < Math.exp(-x)) return x;
  }
}

/** A standard normal variate. */
export function normal(u: Uniform): number {
  const { k, w, f } = NORMAL;
  for (;;) {
    const bits = u.nextUint32();
    const i = bits & 127;
    const negative = (bits & 128) !== 0;
    const j = bits >>> 8;
    let x = j * w[i];
    if (j < k[i]) return negative ? -x : x;
    if (i === 0) {
      // The tail beyond r (Marsaglia 1964): x = r + a with a ~ Exp(r), accepted when 2b > a².
      let a: number;
      let b: number;
      do {
        a = -Math.log(1 - u.next()) / NORMAL_R;
        b = -Math.log(1 - u.next());
      } while (b + b < a * a);
      x = NORMAL_R + a;
      return negative ? -x : x;
    }
    if (f[i] + u.next() * (f[i + 1] - f[i]) < Math.exp(-0.5 * x * x)) return negative ? -x : x;
  }
}
