/** The engine API the worker exposes: run in chunks with throttled progress, and one memory-sweep point. */
import { simulate } from '../engine/simulate.ts';
import { compareAlwaysOn } from '../engine/alwaysOn/compareAlwaysOn.ts';
import { rescaleScenarioForMemory } from '../engine/platform/cpu.ts';
import { PROVIDER_LIMITS } from '../engine/platform/limits.ts';
import type { Report } from '../engine/report.ts';
import type { Scenario } from '../scenario/schema.ts';
import { sweepSizes } from './sweepSizes.ts';
import { createTraceApi, simulationFor, trimFunctions } from './traceApi.ts';
import { TraceStore } from './traceStore.ts';
import type { ReadProgress, TraceInput } from './traceTypes.ts';
import type { Comparison, RunResult, RunUpdate, SweepPoint } from './types.ts';

export interface RunOptions {
  /** Minimum time between two updates, ms. Default 100 (about 10 Hz). */
  updateEveryMs?: number;
  /** Wall time one chunk of simulation aims for before yielding, ms. Default 25. */
  chunkMs?: number;
}

const now = (): number => performance.now();

/**
 * Yields to the event loop so queued messages get handled between chunks. A MessageChannel
 * round-trip, because nested setTimeout(0) is clamped to 4 ms.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/** Monthly cost of a report: the monthly projection when the run is shorter than a month. */
export function monthlyUsd(report: Report): number {
  const cost = report.cost;
  if (!cost) return Number.NaN;
  return cost.monthly ? cost.monthly.totalUsd : cost.totalUsd;
}

/** FaaS vs always-on for the scenario: fleets at its traffic and break-even curves across traffic. */
export function compareWithAlwaysOn(scenario: Scenario, report: Report): Comparison | null {
  if (!report.cost || scenario.alwaysOn.options.length === 0) return null;
  const c = compareAlwaysOn(report, scenario);
  if (c.breakEven.length === 0) return null;
  return {
    faasLabel: PROVIDER_LIMITS[scenario.platform.provider].label,
    requestsPerMonth: c.requestsPerMonth,
    faasMonthlyUsd: monthlyUsd(report),
    curves: c.breakEven.map((b) => ({
      optionId: b.optionId,
      label: b.label,
      points: b.points,
      breakEvenRequestsPerMonth: b.breakEvenRequestsPerMonth,
      assumption: b.notes.join(' ')
    })),
    fleets: c.fleets.map((f) => ({
      optionId: f.optionId,
      label: f.label,
      instances: f.instances,
      monthlyUsd: f.monthlyUsd,
      utilization: f.utilization,
      p95Ms: f.latency.p95Ms
    })),
    notes: c.notes
  };
}

/** The sweep's summary of one report at `memoryMb`. */
export function toSweepPoint(report: Report, memoryMb: number, elapsedMs: number): SweepPoint {
  return {
    memoryMb,
    monthlyUsd: monthlyUsd(report),
    meanMs: report.latencyMs.mean,
    p50Ms: report.latencyMs.p50,
    p95Ms: report.latencyMs.p95,
    p99Ms: report.latencyMs.p99,
    coldStartRatio: report.coldStartRatio,
    throttled: report.throttled,
    elapsedMs
  };
}

/** This worker's parsed traces (per worker: a terminated worker's traces are read again from the files). */
const traces = new TraceStore();

export const simApi = {
  ...createTraceApi(traces),

  /**
   * Simulates `scenario` in chunks of simulated time, sized so each takes about `chunkMs`, and calls
   * `onUpdate` at most every `updateEveryMs` with the time covered and the partial report. A trace
   * scenario replays the trace this worker read, or first reads `trace`'s files (a new worker),
   * telling `onRead` the bytes read.
   */
  async run(
    scenario: Scenario,
    onUpdate?: (update: RunUpdate) => unknown,
    options: RunOptions = {},
    trace?: TraceInput,
    onRead?: (progress: ReadProgress) => unknown
  ): Promise<RunResult> {
    const updateEveryMs = options.updateEveryMs ?? 100;
    const chunkMs = options.chunkMs ?? 25;
    const started = now();
    const sim = await simulationFor(traces, scenario, trace, onRead);
    const isTrace = scenario.traffic.kind === 'trace';
    const durationS = sim.durationS;
    // First chunk: 1 % of the run; later chunks are resized from the measured speed.
    let chunkS = Math.max(durationS / 100, 1e-3);
    let coveredS = 0;
    let lastUpdate = started;
    for (;;) {
      const untilS = Math.min(durationS, coveredS + chunkS);
      const t0 = now();
      const complete = sim.advance(untilS);
      const spent = now() - t0;
      coveredS = untilS;
      if (complete || coveredS >= durationS) break;
      // Aim at chunkMs, growing at most 4× at a time so one slow stretch cannot block for long.
      chunkS = Math.min(chunkS * 4, (chunkS * chunkMs) / Math.max(spent, 0.5));
      if (onUpdate && now() - lastUpdate >= updateEveryMs) {
        lastUpdate = now();
        // Not awaited: waiting for the page's answer would stall the simulation.
        const partial = sim.report();
        void onUpdate({
          simulatedS: coveredS,
          durationS,
          report: isTrace ? trimFunctions(partial) : partial
        });
      }
      await yieldToEventLoop();
    }
    const report = sim.report();
    const elapsedMs = now() - started;
    return {
      report,
      elapsedMs,
      point: toSweepPoint(report, scenario.function.memoryMb, elapsedMs),
      // The memory sweep does not replay traces (each size would read the trace again).
      sweepSizes: isTrace ? [] : sweepSizes(scenario.platform.provider, scenario.function.memoryMb)
    };
  },

  /**
   * FaaS vs always-on for a finished run: a separate call so the run's charts draw before the
   * break-even curves (≈ 250 bills) are computed.
   */
  async compare(scenario: Scenario, report: Report): Promise<Comparison | null> {
    return compareWithAlwaysOn(scenario, report);
  },

  /** The memory sizes to sweep for this scenario's provider, MB, ascending. */
  async sweepSizes(scenario: Scenario): Promise<number[]> {
    return sweepSizes(scenario.platform.provider, scenario.function.memoryMb);
  },

  /** Simulates the scenario rescaled to `memoryMb` (CPU share, init time) and summarises it. */
  async sweepPoint(scenario: Scenario, memoryMb: number): Promise<SweepPoint> {
    const started = now();
    const report = simulate(rescaleScenarioForMemory(scenario, memoryMb));
    return toSweepPoint(report, memoryMb, now() - started);
  }
};

export type SimApi = typeof simApi;
