/** Seeded pseudo-random sources: sfc32 streams derived from one scenario seed by splitmix32. */

/** A source of uniform numbers in [0, 1), as a function (convenient outside hot loops). */
export type Source = () => number;

/**
 * A source of uniform numbers in [0, 1) as an object. Hot loops call `u.next()`: the call site then
 * sees one class across runs, where a fresh closure per run would deoptimise it ("wrong call target").
 */
export interface Uniform {
  next(): number;
  /** A uniform integer in [0, 2^32). */
  nextUint32(): number;
}

/** A `Uniform` over a function source (outside hot loops). */
export function uniformOf(source: Source): Uniform {
  return { next: source, nextUint32: () => Math.floor(source() * 4294967296) };
}

/** splitmix32 step: spreads consecutive seeds into unrelated 32-bit states. */
function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * createSource(seed, stream) returns an sfc32 generator (Chris Doty-Humphrey's small fast counting
 * RNG, period ≥ 2^32, passes PractRand to 2^39+). Each `stream` is an independent sequence, so
 * arrivals do not shift when, say, the service-time distribution changes (common random numbers).
 */
export function createSource(seed: number, stream: number): Source {
  const rng = new Rng(seed, stream);
  return () => rng.next();
}

/** createRng(seed, stream) is the same generator as createSource, as a `Uniform` object. */
export function createRng(seed: number, stream: number): Rng {
  return new Rng(seed, stream);
}

// State in an Int32Array rather than object fields or closure variables: with V8's pointer
// compression (Chrome) an int32 outside ±2^30 is no small integer, so a field holding one would be
// a boxed double; a typed-array element is always a raw 32-bit integer.
export class Rng implements Uniform {
  /** a, b, c, d of sfc32. */
  private readonly s = new Int32Array(4);

  constructor(seed: number, stream: number) {
    const s = this.s;
    s[0] = splitmix32(seed ^ Math.imul(stream + 1, 0x27d4eb2d));
    s[1] = splitmix32(s[0]);
    s[2] = splitmix32(s[1]);
    s[3] = 1;
    // Warm up so that nearby seeds diverge before the first sample.
    for (let i = 0; i < 12; i++) this.next();
  }

  next(): number {
    return this.nextUint32() / 4294967296;
  }

  nextUint32(): number {
    const s = this.s;
    const b = s[1];
    const c = s[2];
    const t = (((s[0] + b) | 0) + s[3]) | 0;
    s[3] = (s[3] + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }
}

/** Named streams of one run; fixed numbers so that adding a stream never shifts another. */
export const STREAM = {
  arrivals: 1,
  service: 2,
  init: 3,
  reuse: 4
  // Trace pools use their own streams from 1000 on (simulateTrace.ts).
} as const;
