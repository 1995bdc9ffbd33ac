/**
 * Sizing an always-on fleet for a traffic: instances for the peak at a target utilisation, its
 * monthly cost, its utilisation and an M/M/c (Erlang C) latency estimate. No cold starts.
 */
import type { AlwaysOnOption } from '../pricing/alwaysOn.ts';
import { alwaysOnCost, type AlwaysOnBill } from './alwaysOnCost.ts';
import { mmcWait } from './erlangC.ts';

/** CPU per request below this is taken as this much: framework and network overhead, ms [assumption]. */
export const MIN_CPU_MS = 0.5;

export interface FleetInput {
  option: AlwaysOnOption;
  /** Mean request rate, per s. */
  meanRatePerS: number;
  /** Rate of the busiest interval, per s (≥ mean). */
  peakRatePerS: number;
  /** CPU work per request on one full core, ms. */
  cpuMs: number;
  /** I/O wait per request, ms. */
  ioMs: number;
  /** Requests per second one instance serves at 100 % CPU; default vCPUs × 1000 / cpuMs. */
  capacityPerInstance?: number;
  /** Target CPU utilisation at the peak, (0, 1]. Default 0.6. */
  targetUtilization?: number;
  /** Fewest instances, for availability. Default 2. */
  minInstances?: number;
  /** Hours in a month. Default 730. */
  monthHours?: number;
}

export interface FleetLatency {
  meanMs: number;
  p95Ms: number;
  p99Ms: number;
  /** P(a request waits for a core). */
  waitProbability: number;
}

export interface Fleet {
  optionId: string;
  label: string;
  instances: number;
  /** Requests per second one instance serves at 100 % CPU. */
  capacityPerInstance: number;
  /** Mean CPU utilisation of the fleet, 0–1. */
  utilization: number;
  /** Utilisation in the peak interval. */
  peakUtilization: number;
  monthlyUsd: number;
  bill: AlwaysOnBill;
  /** Latency at the mean rate and at the peak. */
  latency: FleetLatency;
  peakLatency: FleetLatency;
  /** Formula and assumptions in words. */
  notes: string[];
}

/** sizeFleet(input) sizes and prices the fleet; plain data in and out. */
export function sizeFleet(input: FleetInput): Fleet {
  const { option } = input;
  const target = input.targetUtilization ?? 0.6;
  const minInstances = input.minInstances ?? 2;
  const monthHours = input.monthHours ?? 730;
  const cpuMs = Math.max(MIN_CPU_MS, input.cpuMs);
  const capacity = input.capacityPerInstance ?? (option.vcpu * 1000) / cpuMs;
  const peak = Math.max(input.peakRatePerS, input.meanRatePerS);
  const instances = Math.max(minInstances, 1, Math.ceil(peak / (capacity * target) - 1e-9));
  const utilization = input.meanRatePerS / (instances * capacity);
  const peakUtilization = peak / (instances * capacity);

  // Each instance is an M/M/c queue for CPU: c whole cores (at least one, sharing a fractional vCPU),
  // each serving at μ = capacity / c; I/O wait is added as a pure delay.
  const cores = Math.max(1, Math.floor(option.vcpu));
  const mu = capacity / cores;
  const latencyAt = (ratePerS: number): FleetLatency => {
    const wait = mmcWait(cores, ratePerS / instances, mu);
    const base = input.ioMs + 1000 / mu;
    return {
      meanMs: base + wait.meanS * 1000,
      p95Ms: base + wait.quantileS(0.95) * 1000,
      p99Ms: base + wait.quantileS(0.99) * 1000,
      waitProbability: wait.probability
    };
  };
  const latency = latencyAt(input.meanRatePerS);

  // App Runner bills an instance as active while ≥ 1 request is in flight: with Poisson arrivals the
  // number in flight is about Poisson(λ·W), so P(active) ≈ 1 − e^(−λW) (M/G/∞).
  const inFlight = (input.meanRatePerS / instances) * (latency.meanMs / 1000);
  const bill = alwaysOnCost(option, {
    count: instances,
    hours: monthHours,
    activeFraction: 1 - Math.exp(-inFlight)
  });

  const notes = [
    `Instances = max(${minInstances}, ⌈peak ${fmt(peak)} req/s ÷ (${fmt(capacity)} req/s per instance × ${fmt(target)})⌉) = ${instances}.`,
    input.capacityPerInstance === undefined
      ? `Capacity per instance = ${fmt(option.vcpu)} vCPU × 1000 ÷ ${fmt(cpuMs)} CPU-ms per request${input.cpuMs < MIN_CPU_MS ? ` (CPU per request floored at ${MIN_CPU_MS} ms)` : ''}.`
      : `Capacity per instance given: ${fmt(capacity)} req/s.`,
    `Latency: M/M/c per instance (Erlang C), c = ${cores} core(s) at μ = ${fmt(mu)} req/s each, + ${fmt(input.ioMs)} ms I/O; p95/p99 add the waiting-time quantile to the mean service time (the handler's own spread is not included). No cold starts.`
  ];
  if (option.baselinePerVcpu !== null && utilization > option.baselinePerVcpu) {
    notes.push(
      `${option.label} is burstable with a ${fmt(option.baselinePerVcpu * 100)} % baseline per vCPU; at ${fmt(utilization * 100)} % mean utilisation it spends CPU credits (surplus credits in unlimited mode are billed extra and not included) [U].`
    );
  }
  if (option.vcpuConfidence === 'U')
    notes.push(`${option.label}: vCPUs for sizing are an assumption [U].`);
  return {
    optionId: option.id,
    label: option.label,
    instances,
    capacityPerInstance: capacity,
    utilization,
    peakUtilization,
    monthlyUsd: bill.totalUsd,
    bill,
    latency,
    peakLatency: latencyAt(peak),
    notes
  };
}

function fmt(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}
