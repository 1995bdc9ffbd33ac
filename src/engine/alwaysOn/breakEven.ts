/**
 * Break-even between a function and always-on fleets: the monthly traffic at which the FaaS bill
 * equals the fleet's, and log-spaced {requestsPerMonth, faasUsd, alwaysOnUsd} points to chart.
 */
import type { Scenario } from '../../scenario/schema.ts';
import { bill } from '../billing/bill.ts';
import type { Usage } from '../billing/meter.ts';
import type { AlwaysOnOption } from '../pricing/alwaysOn.ts';
import { sizeFleet, type FleetInput } from './sizeFleet.ts';
import { usageAtTraffic } from './usageAtTraffic.ts';

export interface BreakEvenPoint {
  requestsPerMonth: number;
  faasUsd: number;
  alwaysOnUsd: number;
}

export interface BreakEvenCurve {
  optionId: string;
  label: string;
  /**
   * Requests per month where the FaaS bill first reaches the fleet's; null when it does not within
   * the range (see `status`).
   */
  breakEvenRequestsPerMonth: number | null;
  status: 'crosses' | 'faas-cheaper-throughout' | 'always-on-cheaper-throughout';
  points: BreakEvenPoint[];
  /** The assumption behind each curve, in words. */
  notes: string[];
}

export interface BreakEvenOptions {
  /** Lowest and highest monthly traffic. Defaults 10^3 and 10^11. */
  minRequests?: number;
  maxRequests?: number;
  /** Points in the series. Default 81 (10 per decade). */
  points?: number;
  /** Peak rate ÷ mean rate, kept at every traffic. Default 1. */
  peakToMean?: number;
}

type FleetShape = Omit<FleetInput, 'option' | 'meanRatePerS' | 'peakRatePerS'>;

/**
 * breakEven(runUsage, scenario, option, fleet, opts): FaaS cost at traffic R is bill() of the run's
 * usage scaled to R per month (usageAtTraffic); the fleet is re-sized for R at the run's peak-to-mean.
 */
export function breakEven(
  runUsage: Usage,
  scenario: Scenario,
  option: AlwaysOnOption,
  fleet: FleetShape,
  opts: BreakEvenOptions = {}
): BreakEvenCurve {
  const monthS = scenario.billing.monthHours * 3600;
  const lo = opts.minRequests ?? 1e3;
  const hi = opts.maxRequests ?? 1e11;
  const n = Math.max(2, opts.points ?? 81);
  const peakToMean = Math.max(1, opts.peakToMean ?? 1);
  const notes = [
    `FaaS at R requests/month: the run's billed duration, INIT share (its cold-start ratio), CPU and instance time per request held constant and scaled to R; keep-warm pings and provisioned capacity fixed per month; tiers and free tier applied at each R. Cold-start ratio in reality falls as traffic grows, so the FaaS curve is conservative at high R.`,
    `Always-on at R: fleet re-sized for a peak of ${round(peakToMean)} × the mean rate, running 24×7 at list price.`
  ];

  const faas = (r: number): number | null => {
    const u = usageAtTraffic(runUsage, r, monthS);
    return u ? bill(u, scenario).totalUsd : null;
  };
  const alwaysOn = (r: number): number =>
    sizeFleet({
      ...fleet,
      option,
      meanRatePerS: r / monthS,
      peakRatePerS: (r / monthS) * peakToMean,
      monthHours: scenario.billing.monthHours
    }).monthlyUsd;

  if (faas(lo) === null) {
    notes.push('The run served no requests: no per-request quantities to scale.');
    return {
      optionId: option.id,
      label: option.label,
      breakEvenRequestsPerMonth: null,
      status: 'always-on-cheaper-throughout',
      points: [],
      notes
    };
  }

  const points: BreakEvenPoint[] = [];
  const step = Math.log(hi / lo) / (n - 1);
  for (let i = 0; i < n; i++) {
    const r = lo * Math.exp(step * i);
    points.push({ requestsPerMonth: r, faasUsd: faas(r)!, alwaysOnUsd: alwaysOn(r) });
  }
  const first = points.findIndex((p) => p.faasUsd >= p.alwaysOnUsd);
  let status: BreakEvenCurve['status'];
  let at: number | null = null;
  if (first === -1) status = 'faas-cheaper-throughout';
  else if (first === 0) status = 'always-on-cheaper-throughout';
  else {
    status = 'crosses';
    // Bisection in log space between the last grid point where FaaS was cheaper and the first where it was not.
    let a = Math.log(points[first - 1].requestsPerMonth);
    let b = Math.log(points[first].requestsPerMonth);
    for (let i = 0; i < 60; i++) {
      const m = (a + b) / 2;
      const r = Math.exp(m);
      if (faas(r)! >= alwaysOn(r)) b = m;
      else a = m;
    }
    at = Math.exp(b);
  }
  return {
    optionId: option.id,
    label: option.label,
    breakEvenRequestsPerMonth: at,
    status,
    points,
    notes
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
