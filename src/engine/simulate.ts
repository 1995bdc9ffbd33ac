/**
 * The discrete-event simulation of one function's instance pool: arrivals, warm reuse, cold starts,
 * keep-alive reclamation, provisioned instances, keep-warm pings and throttling, with every metric
 * streamed into fixed-size accumulators (memory bounded by peak concurrency, not invocation count).
 *
 * Event order at equal times is fixed: completions, then keep-alive expiries, then pings, then
 * arrivals; among completions, the binary heap's order (deterministic for a given history).
 */
import type { Scenario } from '../scenario/schema.ts';
import { createArrivals } from './arrivals/createArrivals.ts';
import { bill, meterFor } from './billing/bill.ts';
import { emptyUsage, type MeterSpec } from './billing/meter.ts';
import { createSampler } from './distributions/sampler.ts';
import { CompletionHeap } from './instances/completionHeap.ts';
import { IdleDeque } from './instances/idleDeque.ts';
import { binIndex, BINS } from './metrics/logHistogram.ts';
import { buildReport, type Accumulators } from './metrics/buildReport.ts';
import { COARSE_BINS, COARSE_SHIFT, chooseInterval } from './metrics/intervals.ts';
import { initDistribution } from './platform/initModel.ts';
import type { Report } from './report.ts';
import { createSource, STREAM } from './rng.ts';

export interface Simulation {
  /** Scenario length, s. */
  readonly durationS: number;
  /** Simulates up to `untilS` (capped at the scenario's end); true once the whole run is done. */
  advance(untilS: number): boolean;
  /** The report so far: partial while running, final once `advance` returned true. */
  report(): Report;
}

export interface SimulationOptions {
  /** Overrides the provider's billing meter (tests, what-ifs). */
  meter?: MeterSpec;
}

/** simulate(scenario) runs a validated scenario to its end and returns its report. */
export function simulate(scenario: Scenario, options: SimulationOptions = {}): Report {
  const sim = createSimulation(scenario, options);
  sim.advance(Infinity);
  return sim.report();
}

export function createSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  const { seed, durationS } = scenario;
  const fn = scenario.function;
  const pf = scenario.platform;
  const meter = options.meter ?? meterFor(scenario);

  const arrivals = createArrivals(scenario.traffic, durationS, createSource(seed, STREAM.arrivals));
  const sampleService = createSampler(fn.durationMs, createSource(seed, STREAM.service));
  const sampleInit = createSampler(fn.initMs ?? initDistribution(scenario), createSource(seed, STREAM.init));
  const reuseSource = createSource(seed, STREAM.reuse);

  const keepAliveS = pf.keepAliveS;
  const perInstance = pf.instanceConcurrency;
  const maxLive = pf.maxConcurrency;
  const reuse = pf.reuse;
  const granularityMs = meter.granularityMs;
  const minimumMs = meter.minimumMs;
  const billInit = meter.billInit;
  const busyGranularityMs = meter.busyGranularityMs;
  const cpuFraction = fn.cpuBoundFraction;
  const pingEveryS = pf.keepWarm.everyS;
  const pingConcurrency = pf.keepWarm.concurrency;
  const pingMs = pf.keepWarm.durationMs;

  // ---- instance table: struct of arrays indexed by instance id, grown by doubling ----
  let cap = 64;
  let active = new Int32Array(cap);
  let readyAt = new Float64Array(cap);
  let busySince = new Float64Array(cap);
  let provisionedFlag = new Uint8Array(cap);
  /** Position in `avail` (instances with 0 < active < perInstance), −1 when absent. */
  let availPos = new Int32Array(cap).fill(-1);
  let avail = new Int32Array(cap);
  let availCount = 0;
  let freeIds = new Int32Array(cap);
  let freeCount = 0;
  let nextId = 0;

  const idle = new IdleDeque(cap);
  const heap = new CompletionHeap(cap);
  let provIdle = new Int32Array(Math.max(1, pf.provisioned));
  let provIdleCount = 0;

  // ---- time-weighted state ----
  let now = 0;
  let live = 0;
  let busy = 0;
  let liveArea = 0;
  let busyArea = 0;
  let peakLive = 0;

  // ---- per-interval series ----
  const intervalS = chooseInterval(durationS);
  const nIntervals = Math.max(1, Math.ceil(durationS / intervalS));
  let k = 0;
  let nextBoundary = intervalS;
  let ivLive = 0;
  let ivBusy = 0;
  const acc: Accumulators = {
    intervalS,
    nIntervals,
    arrivalsByInterval: new Float64Array(nIntervals),
    coldByInterval: new Float64Array(nIntervals),
    throttledByInterval: new Float64Array(nIntervals),
    busyByInterval: new Float64Array(nIntervals),
    liveByInterval: new Float64Array(nIntervals),
    livePeakByInterval: new Float64Array(nIntervals),
    latencyByInterval: new Uint32Array(nIntervals * COARSE_BINS),
    histCold: new Float64Array(BINS),
    histWarm: new Float64Array(BINS),
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
    usage: emptyUsage(durationS, fn.memoryMb, pf.provisioned),
    liveArea: 0,
    busyArea: 0,
    peakLive: 0,
    now: 0
  };
  const usage = acc.usage;

  let nextArrival = arrivals.next();
  let pingIndex = 0;
  let nextPing = pingEveryS > 0 ? 0 : Infinity;
  let done = false;

  function grow(): void {
    const n = cap * 2;
    active = copy(new Int32Array(n), active);
    readyAt = copy(new Float64Array(n), readyAt);
    busySince = copy(new Float64Array(n), busySince);
    provisionedFlag = copy(new Uint8Array(n), provisionedFlag);
    const pos = new Int32Array(n).fill(-1);
    pos.set(availPos);
    availPos = pos;
    avail = copy(new Int32Array(n), avail);
    freeIds = copy(new Int32Array(n), freeIds);
    cap = n;
  }

  function newInstance(t: number, ready: number, provisioned: boolean): number {
    let id: number;
    if (freeCount > 0) id = freeIds[--freeCount];
    else {
      if (nextId === cap) grow();
      id = nextId++;
    }
    active[id] = 0;
    readyAt[id] = ready;
    busySince[id] = t;
    provisionedFlag[id] = provisioned ? 1 : 0;
    live++;
    if (live > peakLive) peakLive = live;
    if (live > acc.livePeakByInterval[k]) acc.livePeakByInterval[k] = live;
    acc.started++;
    return id;
  }

  /** Integrates the time-weighted counts up to t, closing intervals on the way. */
  function advanceTo(t: number): void {
    while (t >= nextBoundary && k < nIntervals - 1) {
      const dt = nextBoundary - now;
      liveArea += live * dt;
      busyArea += busy * dt;
      ivLive += live * dt;
      ivBusy += busy * dt;
      acc.liveByInterval[k] = ivLive / intervalS;
      acc.busyByInterval[k] = ivBusy / intervalS;
      ivLive = 0;
      ivBusy = 0;
      now = nextBoundary;
      k++;
      nextBoundary = (k + 1) * intervalS;
      acc.livePeakByInterval[k] = live;
    }
    const dt = t - now;
    liveArea += live * dt;
    busyArea += busy * dt;
    ivLive += live * dt;
    ivBusy += busy * dt;
    now = t;
  }

  function availAdd(id: number): void {
    availPos[id] = availCount;
    avail[availCount++] = id;
  }

  function availRemove(id: number): void {
    const p = availPos[id];
    const last = avail[--availCount];
    avail[p] = last;
    availPos[last] = p;
    availPos[id] = -1;
  }

  function makeIdle(id: number, t: number): void {
    if (provisionedFlag[id] === 1) provIdle[provIdleCount++] = id;
    else idle.push(id, t);
  }

  /** Finds or starts an instance for a request at time t; −1 when throttled. Sets `coldInitMs`. */
  let coldInitMs = 0;
  function acquire(t: number): number {
    coldInitMs = -1;
    if (availCount > 0) return avail[availCount - 1];
    if (provIdleCount > 0) return provIdle[--provIdleCount];
    if (idle.size > 0) {
      if (reuse === 'mru') return idle.popNewest();
      if (reuse === 'lru') return idle.popOldest();
      return idle.removeAt(Math.floor(reuseSource() * idle.size));
    }
    if (live >= maxLive) return -1;
    coldInitMs = sampleInit();
    return newInstance(t, t + coldInitMs / 1000, false);
  }

  /** Starts one request (or ping) on an instance and schedules its completion. */
  function dispatch(t: number, ping: boolean): void {
    const id = acquire(t);
    if (id < 0) {
      if (!ping) {
        acc.throttled++;
        acc.throttledByInterval[k]++;
      }
      return;
    }
    const serviceMs = ping ? pingMs : sampleService();
    const startedCold = coldInitMs >= 0;
    // A request that joins an instance still in INIT (instanceConcurrency > 1) waits for it.
    const waitMs = startedCold ? coldInitMs : readyAt[id] > t ? (readyAt[id] - t) * 1000 : 0;
    const cold = startedCold || waitMs > 0;
    const latencyMs = waitMs + serviceMs;
    const a = active[id]++;
    if (a === 0) {
      busy++;
      if (!startedCold) busySince[id] = t;
    }
    if (perInstance > 1) {
      if (a === 0) availAdd(id);
      else if (a + 1 === perInstance) availRemove(id);
    }
    heap.push(t + latencyMs / 1000, id);

    let billed = Math.ceil(serviceMs / granularityMs) * granularityMs;
    if (billed < minimumMs) billed = minimumMs;
    let initExtra = 0;
    if (startedCold && billInit) {
      let withInit = Math.ceil((coldInitMs + serviceMs) / granularityMs) * granularityMs;
      if (withInit < minimumMs) withInit = minimumMs;
      initExtra = withInit - billed;
    }
    if (ping) {
      acc.pings++;
      if (cold) acc.coldPings++;
      usage.pingRequests++;
      usage.pingBilledMs += billed + initExtra;
      return;
    }
    usage.requests++;
    usage.initBilledMs += initExtra;
    if (provisionedFlag[id] === 1) {
      usage.provisionedRequests++;
      usage.provisionedBilledMs += billed;
    } else usage.onDemandBilledMs += billed;
    usage.cpuMs += Math.ceil(serviceMs * cpuFraction);

    const bin = binIndex(latencyMs);
    acc.latencyByInterval[k * COARSE_BINS + (bin >> COARSE_SHIFT)]++;
    if (cold) {
      acc.coldStarts++;
      acc.coldByInterval[k]++;
      acc.histCold[bin]++;
      acc.sumCold += latencyMs;
      if (latencyMs > acc.maxCold) acc.maxCold = latencyMs;
    } else {
      acc.histWarm[bin]++;
      acc.sumWarm += latencyMs;
      if (latencyMs > acc.maxWarm) acc.maxWarm = latencyMs;
    }
  }

  function complete(t: number, id: number): void {
    const a = --active[id];
    if (perInstance > 1) {
      if (a === 0) availRemove(id);
      else if (a + 1 === perInstance) availAdd(id);
    }
    if (a === 0) {
      busy--;
      usage.instanceBusyMs += roundBusy((t - busySince[id]) * 1000);
      makeIdle(id, t);
    }
  }

  function roundBusy(ms: number): number {
    // The epsilon keeps float noise (200.0000001 ms) from costing a whole extra step.
    return Math.ceil(ms / busyGranularityMs - 1e-9) * busyGranularityMs;
  }

  function reclaimOldest(): void {
    const id = idle.popOldest();
    live--;
    acc.reclaimed++;
    freeIds[freeCount++] = id;
  }

  // Provisioned instances exist, initialised, from t = 0.
  for (let i = 0; i < pf.provisioned; i++) {
    const id = newInstance(0, 0, true);
    acc.started--;
    provIdle[provIdleCount++] = id;
  }

  function advance(untilS: number): boolean {
    if (done) return true;
    const stop = untilS < durationS ? untilS : durationS;
    for (;;) {
      const tc = heap.size > 0 ? heap.topTime() : Infinity;
      const te = idle.size > 0 ? idle.oldestSince() + keepAliveS : Infinity;
      const ta = nextArrival < nextPing ? nextArrival : nextPing;
      if (tc <= te && tc <= ta) {
        if (tc > stop) break;
        const id = heap.topId();
        heap.pop();
        advanceTo(tc);
        complete(tc, id);
      } else if (te <= ta) {
        if (te > stop) break;
        advanceTo(te);
        reclaimOldest();
      } else {
        if (ta > stop) break;
        advanceTo(ta);
        if (ta === nextPing) {
          for (let i = 0; i < pingConcurrency; i++) dispatch(ta, true);
          pingIndex++;
          nextPing = pingIndex * pingEveryS;
          if (nextPing >= durationS) nextPing = Infinity;
        } else {
          acc.arrivals++;
          acc.arrivalsByInterval[k]++;
          dispatch(ta, false);
          nextArrival = arrivals.next();
        }
      }
    }
    advanceTo(stop);
    if (stop >= durationS) {
      done = true;
      finish();
    }
    return done;
  }

  /** Closes the last interval and bills busy periods still open at the end of the run. */
  function finish(): void {
    const lastLen = durationS - k * intervalS;
    acc.liveByInterval[k] = ivLive / lastLen;
    acc.busyByInterval[k] = ivBusy / lastLen;
    for (let id = 0; id < nextId; id++) {
      if (active[id] > 0) usage.instanceBusyMs += roundBusy((durationS - busySince[id]) * 1000);
    }
  }

  function report(): Report {
    acc.liveArea = liveArea;
    acc.busyArea = busyArea;
    acc.peakLive = peakLive;
    acc.now = now;
    if (!done) {
      // A partial report shows the open interval's averages so far.
      const len = now - k * intervalS;
      acc.liveByInterval[k] = len > 0 ? ivLive / len : live;
      acc.busyByInterval[k] = len > 0 ? ivBusy / len : busy;
    }
    const r = buildReport(acc, done, k);
    r.cost = done || now > 0 ? bill(r.usage, scenario) : null;
    return r;
  }

  return { durationS, advance, report };
}

function copy<T extends Int32Array | Float64Array | Uint8Array>(to: T, from: T): T {
  to.set(from as never);
  return to;
}
