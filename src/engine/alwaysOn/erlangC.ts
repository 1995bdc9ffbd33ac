/** Erlang C: the M/M/c queue's probability of waiting and its waiting-time distribution. */

/**
 * erlangC(c, a) is P(wait > 0) in an M/M/c queue with c servers and offered load a = λ/μ (a < c),
 * by the stable recursion on Erlang B: B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)).
 */
export function erlangC(c: number, a: number): number {
  if (a <= 0) return 0;
  if (a >= c) return 1;
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho + rho * b);
}

export interface MmcWait {
  /** P(wait > 0). */
  probability: number;
  /** Mean wait, s. */
  meanS: number;
  /** q-quantile of the wait, s: P(W > t) = C·e^(−(cμ − λ)t). */
  quantileS(q: number): number;
}

/** mmcWait(c, lambda, mu): waits in M/M/c with arrival rate λ and per-server rate μ (per s). */
export function mmcWait(c: number, lambda: number, mu: number): MmcWait {
  const drain = c * mu - lambda;
  if (drain <= 0) return { probability: 1, meanS: Infinity, quantileS: () => Infinity };
  const p = erlangC(c, lambda / mu);
  return {
    probability: p,
    meanS: p / drain,
    quantileS: (q) => (1 - q >= p ? 0 : Math.log(p / (1 - q)) / drain)
  };
}
