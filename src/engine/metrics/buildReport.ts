/** Turns a run's fixed-size accumulators into the JSON report (summaries, histogram, series). */
import { emptyUsage, type Usage } from '../billing/meter.ts';
import type { LatencyHistogram, LatencySummary, Report, Series } from '../report.ts';
import { COARSE_BINS, chooseInterval, coarseQuantile } from './intervals.ts';
import { BINS, binLower, quantileOf } from './logHistogram.ts';

/** What the simulation loop accumulates; everything here has a size fixed at the start of the run. */
export interface Accumulators {
  intervalS: number;
  nIntervals: number;
  arrivalsByInterval: Float64Array;
  coldByInterval: Float64Array;
  throttledByInterval: Float64Array;
  busyByInterval: Float64Array;
  liveByInterval: Float64Array;
  livePeakByInterval: Float64Array;
  /** nIntervals × COARSE_BINS latency counts by arrival interval. */
  latencyByInterval: Uint32Array;
  histCold: Float64Array;
  histWarm: Float64Array;
  /** Sum of the values in each fine bin, ms (exact quantiles for point masses). */
  histColdSum: Float64Array;
  histWarmSum: Float64Array;
  sumCold: number;
  sumWarm: number;
  maxCold: number;
  maxWarm: number;
  arrivals: number;
  throttled: number;
  coldStarts: number;
  pings: number;
  coldPings: number;
  started: number;
  reclaimed: number;
  /** Instances loaded ahead of demand by a pre-warming keep-alive policy. */
  prewarms: number;
  usage: Usage;
  /** ∫ live instances dt and ∫ busy instances dt over the simulated time, instance-s. */
  liveArea: number;
  busyArea: number;
  /** Simulated time reached, s. */
  now: number;
}

/** The interval still open in a partial report: its averages so far, added to the closed ones. */
export interface OpenInterval {
  k: number;
  live: number;
  busy: number;
  peak: number;
}

export function createAccumulators(
  durationS: number,
  memoryMb: number,
  provisioned: number
): Accumulators {
  const intervalS = chooseInterval(durationS);
  const n = Math.max(1, Math.ceil(durationS / intervalS));
  return {
    intervalS,
    nIntervals: n,
    arrivalsByInterval: new Float64Array(n),
    coldByInterval: new Float64Array(n),
    throttledByInterval: new Float64Array(n),
    busyByInterval: new Float64Array(n),
    liveByInterval: new Float64Array(n),
    livePeakByInterval: new Float64Array(n),
    latencyByInterval: new Uint32Array(n * COARSE_BINS),
    histCold: new Float64Array(BINS),
    histWarm: new Float64Array(BINS),
    histColdSum: new Float64Array(BINS),
    histWarmSum: new Float64Array(BINS),
    sumCold: 0,
    sumWarm: 0,
    maxCold: 0,
    maxWarm: 0,
    arrivals: 0,
    throttled: 0,
    coldStarts: 0,
    pings: 0,
    coldPings: 0,
    started: 0,
    reclaimed: 0,
    prewarms: 0,
    usage: emptyUsage(durationS, memoryMb, provisioned),
    liveArea: 0,
    busyArea: 0,
    now: 0
  };
}

/** Histogram bins shown in charts: 16 per power of two (fine bins merged by 8). */
const DISPLAY_SHIFT = 3;

/**
 * buildReport(acc, complete, currentInterval, open) summarises the accumulators; `open` adds the
 * averages so far of intervals still open (one per pool) without changing the accumulators.
 */
export function buildReport(
  acc: Accumulators,
  complete: boolean,
  currentInterval: number,
  open: OpenInterval | OpenInterval[] | null
): Report {
  const served = acc.usage.requests;
  const simulatedS = acc.now;
  const all = new Float64Array(BINS);
  const allSum = new Float64Array(BINS);
  for (let i = 0; i < BINS; i++) {
    all[i] = acc.histCold[i] + acc.histWarm[i];
    allSum[i] = acc.histColdSum[i] + acc.histWarmSum[i];
  }
  const coldCount = acc.coldStarts;
  const latencyMs = summarize(
    all,
    allSum,
    served,
    acc.sumCold + acc.sumWarm,
    Math.max(acc.maxCold, acc.maxWarm)
  );
  const latencyColdMs = summarize(
    acc.histCold,
    acc.histColdSum,
    coldCount,
    acc.sumCold,
    acc.maxCold
  );
  const latencyWarmMs = summarize(
    acc.histWarm,
    acc.histWarmSum,
    served - coldCount,
    acc.sumWarm,
    acc.maxWarm
  );

  const usage: Usage = {
    ...acc.usage,
    durationS: simulatedS,
    instancesStarted: acc.started,
    instanceLiveMs: Math.round(acc.liveArea * 1000),
    instanceIdleMs: Math.round((acc.liveArea - acc.busyArea) * 1000)
  };
  const mbMs =
    BigInt(usage.onDemandBilledMs + usage.provisionedBilledMs + usage.initBilledMs) *
    BigInt(usage.memoryMb);
  const t = simulatedS > 0 ? simulatedS : 1;
  const series = buildSeries(
    acc,
    complete ? acc.nIntervals : currentInterval + 1,
    open === null ? [] : Array.isArray(open) ? open : [open]
  );
  const peak = series.livePeak.reduce((a, b) => (b > a ? b : a), 0);

  return {
    simulatedS,
    complete,
    arrivals: acc.arrivals,
    invocations: served,
    coldStarts: acc.coldStarts,
    coldStartRatio: served > 0 ? acc.coldStarts / served : 0,
    throttled: acc.throttled,
    latencyMs,
    latencyColdMs,
    latencyWarmMs,
    histogram: displayHistogram(acc.histCold, acc.histWarm),
    instances: {
      mean: acc.liveArea / t,
      busyMean: acc.busyArea / t,
      idleMean: (acc.liveArea - acc.busyArea) / t,
      peak,
      started: acc.started,
      reclaimed: acc.reclaimed,
      prewarmed: acc.prewarms
    },
    keepWarm: { pings: acc.pings, coldPings: acc.coldPings },
    billedGbSeconds: mbMsToGbSeconds(mbMs),
    idleGbSeconds: ((acc.liveArea - acc.busyArea) * usage.memoryMb) / 1024,
    usage,
    series,
    cost: null
  };
}

/** MB·ms (exact integer) to GB-s with GB = 1024 MB: one division at the end. */
export function mbMsToGbSeconds(mbMs: bigint): number {
  const whole = mbMs / 1_024_000n;
  const rest = mbMs % 1_024_000n;
  return Number(whole) + Number(rest) / 1_024_000;
}

function summarize(
  counts: ArrayLike<number>,
  sums: ArrayLike<number>,
  n: number,
  sum: number,
  max: number
): LatencySummary {
  if (n === 0) return { count: 0, mean: 0, p50: 0, p95: 0, p99: 0, p999: 0, max: 0 };
  return {
    count: n,
    mean: sum / n,
    p50: quantileOf(counts, sums, n, 0.5, max),
    p95: quantileOf(counts, sums, n, 0.95, max),
    p99: quantileOf(counts, sums, n, 0.99, max),
    p999: quantileOf(counts, sums, n, 0.999, max),
    max
  };
}

function displayHistogram(cold: Float64Array, warm: Float64Array): LatencyHistogram {
  let first = -1;
  let last = -1;
  for (let i = 0; i < BINS; i++) {
    if (cold[i] + warm[i] > 0) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return { edgesMs: [], cold: [], warm: [] };
  const lo = first >> DISPLAY_SHIFT;
  const hi = last >> DISPLAY_SHIFT;
  const edgesMs: number[] = [];
  const c: number[] = [];
  const w: number[] = [];
  for (let d = lo; d <= hi; d++) {
    edgesMs.push(binLower(d << DISPLAY_SHIFT));
    let sc = 0;
    let sw = 0;
    for (let i = d << DISPLAY_SHIFT; i < (d + 1) << DISPLAY_SHIFT; i++) {
      sc += cold[i];
      sw += warm[i];
    }
    c.push(sc);
    w.push(sw);
  }
  edgesMs.push(binLower((hi + 1) << DISPLAY_SHIFT));
  return { edgesMs, cold: c, warm: w };
}

function buildSeries(acc: Accumulators, n: number, open: OpenInterval[]): Series {
  const { intervalS } = acc;
  const busy = Array.from(acc.busyByInterval.subarray(0, n));
  const live = Array.from(acc.liveByInterval.subarray(0, n));
  const livePeak = Array.from(acc.livePeakByInterval.subarray(0, n));
  for (const o of open) {
    if (o.k >= n) continue;
    busy[o.k] += o.busy;
    live[o.k] += o.live;
    livePeak[o.k] += o.peak;
  }
  const p95Ms: number[] = [];
  for (let k = 0; k < n; k++) {
    const row = acc.latencyByInterval.subarray(k * COARSE_BINS, (k + 1) * COARSE_BINS);
    let total = 0;
    for (let b = 0; b < COARSE_BINS; b++) total += row[b];
    p95Ms.push(coarseQuantile(row, total, 0.95));
  }
  return {
    intervalS,
    t: Array.from({ length: n }, (_, k) => k * intervalS),
    arrivals: Array.from(acc.arrivalsByInterval.subarray(0, n)),
    coldStarts: Array.from(acc.coldByInterval.subarray(0, n)),
    throttled: Array.from(acc.throttledByInterval.subarray(0, n)),
    busy,
    live,
    livePeak,
    p95Ms
  };
}
