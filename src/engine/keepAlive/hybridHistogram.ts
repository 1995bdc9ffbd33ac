/**
 * The hybrid histogram keep-alive policy of Shahrad et al., "Serverless in the Wild" (USENIX ATC
 * 2020, §4.2), without its ARIMA branch. Per function, a histogram of idle times in bins of
 * binMinutes up to rangeMinutes (default 1-min bins over 4 h) plus one out-of-bounds (OOB) count.
 *
 * What is implemented, exactly:
 * - Idle time g (s) goes to bin floor(g / bin); g ≥ range is OOB.
 * - N = in-range + OOB idle times. Percentiles are nearest-rank over all N (an OOB idle time ranks
 *   above every bin), so OOB idle times count in the percentiles as they do in reality.
 * - Not representative → fixed keep-alive of the whole range, no pre-warm (the paper's fallback),
 *   when (1) N < minSamples; (2) OOB / N > maxOutOfBoundsFraction (the paper uses ARIMA forecasts
 *   there; we fall back instead); or (3) CV of the in-range bin counts < cvThreshold. CV =
 *   σ/μ over all range/bin bins, σ the population deviation. A histogram whose counts sit in a
 *   few bins has a HIGH CV (one full bin of 240: CV = √239 ≈ 15.5) and is predictable; idle times
 *   spread evenly give a LOW CV (≈ 0), so a low CV is what makes the pattern not representative.
 * - Otherwise head = lower edge of the bin holding the prewarmPercentile, tail = upper edge of the
 *   bin holding the keepAlivePercentile (whole bins, so the window covers the idle times that
 *   produced them); prewarmS = head·(1 − margin), and the instance is warm until tail·(1 + margin)
 *   after the execution ends: keepAliveS = tail·(1 + margin) − prewarmS. A head in the first bin
 *   gives prewarmS = 0: the paper then keeps the instance loaded instead of unloading it.
 *   A tail in OOB keeps the instance for the whole range.
 * Example: idle times of 7 min − 100 ms (7-min timer, 100-ms runs) fall in bin [6, 7) min:
 * pre-warm at 5.4 min, warm until 7.7 min. Exact 7-min idle times fall in [7, 8): 6.3 and 8.8 min.
 */
import type {
  HybridHistogramParams,
  KeepAlivePolicy,
  KeepAliveWindows
} from './keepAlivePolicy.ts';
import { HYBRID_HISTOGRAM_DEFAULTS } from './keepAlivePolicy.ts';

export type HybridReason = 'histogram' | 'too-few-samples' | 'out-of-bounds' | 'not-predictable';

export interface HybridHistogramPolicy extends KeepAlivePolicy {
  /** Why the current windows were chosen, with the statistics behind it. */
  describe(): { reason: HybridReason; samples: number; outOfBounds: number; cv: number };
}

export function hybridHistogram(
  params: Partial<HybridHistogramParams> = {}
): HybridHistogramPolicy {
  const p = { ...HYBRID_HISTOGRAM_DEFAULTS, ...params };
  checkParams(p);
  const binS = p.binMinutes * 60;
  const rangeS = p.rangeMinutes * 60;
  const nBins = Math.round(p.rangeMinutes / p.binMinutes);
  // Fenwick tree over nBins + 1 slots (the last is OOB): O(log n) updates and rank queries, so the
  // engine can ask for windows after every invocation of a 20-M-invocation trace.
  let size = 1;
  while (size < nBins + 1) size *= 2;
  const tree = new Float64Array(size + 1);
  const bins = new Float64Array(nBins);
  let inRange = 0;
  let sumSquares = 0;
  let oob = 0;
  const fallback: Readonly<KeepAliveWindows> = Object.freeze({ prewarmS: 0, keepAliveS: rangeS });
  let cached: Readonly<KeepAliveWindows> | null = fallback;
  let reason: HybridReason = 'too-few-samples';

  function add(slot: number): void {
    for (let i = slot + 1; i <= size; i += i & -i) tree[i]++;
  }
  /** The 0-based slot holding the k-th smallest idle time (k ≥ 1). */
  function slotOfRank(k: number): number {
    let pos = 0;
    for (let step = size; step > 0; step >>= 1) {
      if (pos + step <= size && tree[pos + step] < k) {
        pos += step;
        k -= tree[pos];
      }
    }
    return pos;
  }
  function rank(percentile: number, n: number): number {
    return Math.max(1, Math.ceil((percentile / 100) * n));
  }
  function cv(): number {
    if (inRange === 0) return 0;
    return Math.sqrt(Math.max(0, (nBins * sumSquares) / (inRange * inRange) - 1));
  }
  function compute(): Readonly<KeepAliveWindows> {
    const n = inRange + oob;
    if (n < p.minSamples) return ((reason = 'too-few-samples'), fallback);
    if (oob / n > p.maxOutOfBoundsFraction) return ((reason = 'out-of-bounds'), fallback);
    if (cv() < p.cvThreshold) return ((reason = 'not-predictable'), fallback);
    reason = 'histogram';
    const head = slotOfRank(rank(p.prewarmPercentile, n));
    const tail = slotOfRank(rank(p.keepAlivePercentile, n));
    const prewarmS = head * binS * (1 - p.marginFraction);
    const untilS = tail >= nBins ? rangeS : (tail + 1) * binS * (1 + p.marginFraction);
    return Object.freeze({ prewarmS, keepAliveS: Math.max(0, untilS - prewarmS) });
  }

  return {
    observeIdle(gapS) {
      if (!(gapS >= 0)) throw new Error(`idle time ${gapS} s: must be ≥ 0 s`);
      const b = Math.floor(gapS / binS);
      if (b >= nBins) {
        oob++;
        add(nBins);
      } else {
        sumSquares += 2 * bins[b] + 1; // (c + 1)² − c²
        bins[b]++;
        inRange++;
        add(b);
      }
      cached = null;
    },
    windows() {
      return (cached ??= compute());
    },
    describe() {
      if (cached === null) cached = compute();
      return { reason, samples: inRange + oob, outOfBounds: oob, cv: cv() };
    }
  };
}

function checkParams(p: HybridHistogramParams): void {
  const rules: [keyof HybridHistogramParams, boolean, string][] = [
    ['binMinutes', p.binMinutes > 0, '> 0'],
    ['rangeMinutes', p.rangeMinutes >= p.binMinutes, '≥ binMinutes'],
    ['prewarmPercentile', p.prewarmPercentile >= 0 && p.prewarmPercentile <= 100, 'in [0, 100]'],
    [
      'keepAlivePercentile',
      p.keepAlivePercentile >= p.prewarmPercentile && p.keepAlivePercentile <= 100,
      'in [prewarmPercentile, 100]'
    ],
    ['marginFraction', p.marginFraction >= 0 && p.marginFraction < 1, 'in [0, 1)'],
    ['minSamples', p.minSamples >= 1, '≥ 1'],
    ['cvThreshold', p.cvThreshold >= 0, '≥ 0'],
    [
      'maxOutOfBoundsFraction',
      p.maxOutOfBoundsFraction >= 0 && p.maxOutOfBoundsFraction <= 1,
      'in [0, 1]'
    ]
  ];
  for (const [name, ok, rule] of rules)
    if (!ok) throw new Error(`hybrid-histogram ${name} = ${p[name]}: must be ${rule}`);
}
