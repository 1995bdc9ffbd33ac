/**
 * Trace replay: each selected function of a parsed trace is its own instance pool, configured like
 * the scenario's function, all pools adding into one set of accumulators (the total) while keeping
 * small per-function counters. Per-minute counts are spread uniformly at random within the minute
 * (seeded, one stream per function, so results do not depend on which other functions are run).
 */
import type { Scenario } from '../scenario/schema.ts';
import type { ArrivalProcess } from './arrivals/arrivalProcess.ts';
import { bill, meterFor } from './billing/bill.ts';
import { durationSampler, type Sampler } from './distributions/sampler.ts';
import { buildReport, createAccumulators, type Accumulators } from './metrics/buildReport.ts';
import { coarseQuantile } from './metrics/intervals.ts';
import type { Report } from './report.ts';
import { createRng, createSource } from './rng.ts';
import { emptyPoolStats, PoolSimulation, type PoolStats, type Simulation } from './simulate.ts';
import { countsCursor, timesCursor } from './traces/expandCounts.ts';
import { selectFunctions } from './traces/selectFunctions.ts';
import type { Trace, TraceFunction } from './traces/traceModel.ts';

/** Seed streams of trace pools start here: pool i uses 1000 + 2i (arrivals) and 1001 + 2i (durations). */
const TRACE_STREAM_BASE = 1000;

/** One function's result in a trace replay. */
export interface FunctionResult {
  id: string;
  app: string;
  trigger?: string;
  /** Invocations of this function in the trace within the run. */
  arrivals: number;
  invocations: number;
  coldStarts: number;
  coldStartRatio: number;
  throttled: number;
  /** Mean exact; percentiles from coarse bins (≈ 9 % resolution). */
  latencyMs: { mean: number; p50: number; p95: number; p99: number };
  /** Where this function's durations came from. */
  durations: 'trace per-invocation' | 'trace percentiles' | 'scenario';
  /** Memory the trace reports for it (information; the run uses the scenario's memory). */
  traceMemoryMb?: number;
}

export interface TraceReport extends Report {
  functions: FunctionResult[];
  trace: {
    format: Trace['format'];
    /** Functions in the trace, and how many were simulated. */
    functionsInTrace: number;
    functionsSimulated: number;
    /** Invocations of the simulated functions in the whole trace. */
    invocationsInTrace: number;
    /** Run length: min(scenario.durationS, the trace's length), s. */
    horizonS: number;
    notes: string[];
  };
}

export interface TraceSimulation extends Simulation {
  report(): TraceReport;
}

/** simulateTrace(scenario, trace) replays a parsed trace to its end. */
export function simulateTrace(scenario: Scenario, trace: Trace): TraceReport {
  const sim = createTraceSimulation(scenario, trace);
  sim.advance(Infinity);
  return sim.report();
}

export function createTraceSimulation(scenario: Scenario, trace: Trace): TraceSimulation {
  if (scenario.traffic.kind !== 'trace')
    throw new Error(`simulateTrace needs traffic.kind 'trace', got '${scenario.traffic.kind}'`);
  const traffic = scenario.traffic;
  const horizonS = Math.min(scenario.durationS, trace.durationS);
  if (!(horizonS > 0)) throw new Error(`the trace covers ${trace.durationS} s: nothing to replay`);
  const functions = selectFunctions(trace.functions, traffic.select);
  const meter = meterFor(scenario);
  const pf = scenario.platform;
  const acc = createAccumulators(
    horizonS,
    scenario.function.memoryMb,
    pf.provisioned * functions.length
  );
  const notes = [
    ...trace.notes,
    'per-interval counts are spread uniformly at random within each interval (seeded)'
  ];
  if (functions.length > 1) {
    notes.push(
      `each of the ${functions.length} functions is its own instance pool with the scenario's memory, keep-alive and limits`
    );
    notes.push(
      'peak instances add each pool’s peak per interval: an upper bound on the simultaneous peak'
    );
  }

  const results: { f: TraceFunction; stats: PoolStats; durations: FunctionResult['durations'] }[] =
    [];
  const pools = functions.map((f, i) => {
    const stats = emptyPoolStats();
    const { service, durations } = serviceFor(f, i, scenario, traffic.useTraceDurations);
    results.push({ f, stats, durations });
    return new PoolSimulation(
      scenario,
      meter,
      { arrivals: arrivalsOf(f, i, scenario.seed, horizonS), service, stats },
      acc,
      horizonS
    );
  });

  let done = false;
  return {
    durationS: horizonS,
    advance(untilS: number): boolean {
      if (done) return true;
      let all = true;
      for (const p of pools) all = p.advance(untilS) && all;
      done = all;
      return done;
    },
    report(): TraceReport {
      return traceReport(scenario, trace, acc, pools, results, done, horizonS, notes);
    }
  };
}

function traceReport(
  scenario: Scenario,
  trace: Trace,
  acc: Accumulators,
  pools: PoolSimulation[],
  results: { f: TraceFunction; stats: PoolStats; durations: FunctionResult['durations'] }[],
  done: boolean,
  horizonS: number,
  notes: string[]
): TraceReport {
  let live = 0;
  let busy = 0;
  let now = horizonS;
  for (const p of pools) {
    const a = p.areas();
    live += a.live;
    busy += a.busy;
    now = Math.min(now, a.now);
  }
  acc.liveArea = live;
  acc.busyArea = busy;
  acc.now = pools.length > 0 ? now : horizonS;
  const opens = done ? null : pools.map((p) => p.openInterval());
  const k =
    opens === null || opens.length === 0 ? acc.nIntervals - 1 : Math.min(...opens.map((o) => o.k));
  const base = buildReport(acc, done, k, opens);
  base.cost = bill(base.usage, scenario);
  const invocationsInTrace = results.reduce((a, r) => a + r.f.invocations, 0);
  return {
    ...base,
    functions: results.map(({ f, stats, durations }) => functionResult(f, stats, durations)),
    trace: {
      format: trace.format,
      functionsInTrace: trace.functions.length,
      functionsSimulated: results.length,
      invocationsInTrace,
      horizonS,
      notes
    }
  };
}

function functionResult(
  f: TraceFunction,
  s: PoolStats,
  durations: FunctionResult['durations']
): FunctionResult {
  const q = (p: number) => coarseQuantile(s.latencyCoarse, s.invocations, p);
  const r: FunctionResult = {
    id: f.id,
    app: f.app,
    arrivals: s.arrivals,
    invocations: s.invocations,
    coldStarts: s.coldStarts,
    coldStartRatio: s.invocations > 0 ? s.coldStarts / s.invocations : 0,
    throttled: s.throttled,
    latencyMs: {
      mean: s.invocations > 0 ? s.latencySumMs / s.invocations : 0,
      p50: q(0.5),
      p95: q(0.95),
      p99: q(0.99)
    },
    durations
  };
  if (f.trigger !== undefined) r.trigger = f.trigger;
  if (f.memoryMb !== undefined) r.traceMemoryMb = f.memoryMb;
  return r;
}

/** A function's arrivals, cut at the horizon. */
function arrivalsOf(f: TraceFunction, i: number, seed: number, horizonS: number): ArrivalProcess {
  const inner =
    f.arrivals.kind === 'times'
      ? timesCursor(f.arrivals.timesS)
      : countsCursor(
          f.arrivals.counts,
          f.arrivals.intervalS,
          createSource(seed, TRACE_STREAM_BASE + 2 * i)
        );
  return new Horizon(inner, horizonS);
}

class Horizon implements ArrivalProcess {
  constructor(
    private readonly inner: ArrivalProcess,
    private readonly horizonS: number
  ) {}

  next(): number {
    // Inclusive: a timestamp trace ends at its last arrival, which belongs to the run.
    const t = this.inner.next();
    return t <= this.horizonS ? t : Infinity;
  }
}

/** Durations in arrival order: the trace's per-invocation ones, its percentiles, or the scenario's. */
function serviceFor(
  f: TraceFunction,
  i: number,
  scenario: Scenario,
  useTrace: boolean
): { service: Sampler; durations: FunctionResult['durations'] } {
  const rng = createRng(scenario.seed, TRACE_STREAM_BASE + 2 * i + 1);
  if (useTrace && f.durationsMs !== undefined) {
    return { service: new DurationCursor(f.durationsMs), durations: 'trace per-invocation' };
  }
  if (useTrace && f.duration !== undefined) {
    return { service: durationSampler(f.duration, rng), durations: 'trace percentiles' };
  }
  return { service: durationSampler(scenario.function.durationMs, rng), durations: 'scenario' };
}

class DurationCursor implements Sampler {
  private k = 0;
  constructor(private readonly ms: Float32Array) {}

  sample(): number {
    // Azure 2021 durations can be 0 s (sub-millisecond runs); bill and time them as ≥ 1 µs.
    const v = this.k < this.ms.length ? this.ms[this.k++] : this.ms[this.ms.length - 1];
    return v > 0.001 ? v : 0.001;
  }
}
