/** The run report: a compact, JSON-serialisable summary plus per-interval series. */
import type { Cost } from './billing/cost.ts';
import type { Usage } from './billing/meter.ts';

export interface LatencySummary {
  /** Requests counted. */
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
}

/** A latency histogram with log-spaced bins: counts[i] falls in [edgesMs[i], edgesMs[i+1]). */
export interface LatencyHistogram {
  edgesMs: number[];
  cold: number[];
  warm: number[];
}

export interface Series {
  /** Interval width, s; chosen to give a few hundred points. */
  intervalS: number;
  /** Start time of each interval, s. */
  t: number[];
  arrivals: number[];
  coldStarts: number[];
  throttled: number[];
  /** Time-averaged busy instances (≥ 1 request in flight) in each interval. */
  busy: number[];
  /** Time-averaged live (busy + idle warm) instances in each interval. */
  live: number[];
  /** Peak live instances in each interval (in a multi-function trace run, the sum of each pool's peak: an upper bound). */
  livePeak: number[];
  /** p95 latency of requests arriving in each interval, ms (coarse bins, ≈ 9 %); 0 when none. */
  p95Ms: number[];
}

export interface Report {
  /** Simulated time covered, s (less than the scenario's while a run is in progress). */
  simulatedS: number;
  /** True once the whole scenario has been simulated. */
  complete: boolean;
  /** User requests that arrived (served + throttled). */
  arrivals: number;
  /** User requests served. */
  invocations: number;
  coldStarts: number;
  /** coldStarts / invocations (0 when none). */
  coldStartRatio: number;
  throttled: number;
  latencyMs: LatencySummary;
  latencyColdMs: LatencySummary;
  latencyWarmMs: LatencySummary;
  histogram: LatencyHistogram;
  instances: {
    /** Time-averaged live instances (busy + idle warm, provisioned included). */
    mean: number;
    busyMean: number;
    idleMean: number;
    peak: number;
    /** Instances created (cold starts of requests and pings). */
    started: number;
    /** Instances reclaimed after keep-alive (or unloaded by a pre-warming policy). */
    reclaimed: number;
    /** Instances loaded ahead of demand by a pre-warming keep-alive policy. */
    prewarmed: number;
  };
  keepWarm: { pings: number; coldPings: number };
  /** Billed GB-seconds of user requests (handler + INIT when billed), exact. */
  billedGbSeconds: number;
  /** GB-seconds of idle warm instances that the provider keeps for you. */
  idleGbSeconds: number;
  usage: Usage;
  series: Series;
  /** Filled by billing; null only when the provider cannot be billed. */
  cost: Cost | null;
}
