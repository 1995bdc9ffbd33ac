/** Plain data that crosses the worker boundary: progress, partial results and sweep points. */
import type { Report } from '../engine/report.ts';

/** What a running simulation reports about ten times a second. */
export interface RunUpdate {
  /** Simulated time covered so far, s. */
  simulatedS: number;
  /** Simulated time the scenario asks for, s. */
  durationS: number;
  /** The report so far (partial: `complete` is false). */
  report: Report;
}

/** A finished run. */
export interface RunResult {
  report: Report;
  /** Wall time the worker spent simulating, ms (transport excluded). */
  elapsedMs: number;
  /** The run summarised as a sweep point at its own memory (the sweep need not simulate it again). */
  point: SweepPoint;
  /** Memory sizes the sweep should simulate for this scenario's provider, MB, ascending. */
  sweepSizes: number[];
}

/** One memory size of the sweep: a normal simulation of the scenario rescaled to `memoryMb`. */
export interface SweepPoint {
  memoryMb: number;
  /** Cost projected to a month, USD (the run's own total when it is a month or longer). */
  monthlyUsd: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  coldStartRatio: number;
  throttled: number;
  /** Wall time of this size's simulation in the worker, ms. */
  elapsedMs: number;
}

/** One point of a break-even curve: both monthly bills at one traffic level. */
export interface BreakEvenPoint {
  requestsPerMonth: number;
  faasUsd: number;
  alwaysOnUsd: number;
}

/** The function's bill against one always-on option, across traffic. */
export interface BreakEvenCurve {
  /** Always-on catalog id, e.g. 'ec2:t4g.small'. */
  optionId: string;
  label: string;
  points: BreakEvenPoint[];
  /** Traffic at which the two bills are equal, requests/month; null when they never cross in range. */
  breakEvenRequestsPerMonth: number | null;
  /** The assumption behind the curve, in words. */
  assumption: string;
}

/** FaaS vs always-on for one scenario. */
export interface Comparison {
  /** The function's provider, in words. */
  faasLabel: string;
  curves: BreakEvenCurve[];
  /** The scenario's own traffic, requests/month. */
  requestsPerMonth: number;
  /** The scenario's own FaaS bill, USD/month. */
  faasMonthlyUsd: number;
  /** Each option's fleet sized for the scenario's own traffic. */
  fleets: FleetSummary[];
  /** How the comparison was made, in words. */
  notes: string[];
}

/** An always-on fleet sized for the scenario's traffic. */
export interface FleetSummary {
  optionId: string;
  label: string;
  instances: number;
  monthlyUsd: number;
  /** Mean CPU utilisation, 0–1. */
  utilization: number;
  /** p95 latency at the mean rate (queueing included, no cold starts), ms. */
  p95Ms: number;
}
