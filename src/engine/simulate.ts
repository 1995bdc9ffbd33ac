/**
 * The discrete-event simulation of one function's instance pool: arrivals, warm reuse, cold starts,
 * keep-alive reclamation, provisioned instances, keep-warm pings and throttling, with every metric
 * streamed into fixed-size accumulators (memory bounded by peak concurrency, not invocation count).
 *
 * Event order at equal times is fixed: completions, then keep-alive expiries, then pings, then
 * arrivals; among completions, the binary heap's order (deterministic for a given history).
 *
 * Performance: the state is fields of one class, not closure variables, because V8 boxes every
 * write of a double captured by a closure (one allocation per event) but stores double fields
 * in place.
 */
import type { KeepAliveSpec, Scenario } from '../scenario/schema.ts';
import type { ArrivalProcess } from './arrivals/arrivalProcess.ts';
import { createArrivals } from './arrivals/createArrivals.ts';
import { bill, meterFor } from './billing/bill.ts';
import type { MeterSpec, Usage } from './billing/meter.ts';
import { durationSampler, type Sampler } from './distributions/sampler.ts';
import { CompletionHeap } from './instances/completionHeap.ts';
import { IdleDeque } from './instances/idleDeque.ts';
import { createKeepAlivePolicy } from './keepAlive/createKeepAlivePolicy.ts';
import type { KeepAlivePolicy } from './keepAlive/keepAlivePolicy.ts';
import {
  buildReport,
  createAccumulators,
  type Accumulators,
  type OpenInterval
} from './metrics/buildReport.ts';
import { COARSE_BINS, COARSE_SHIFT } from './metrics/intervals.ts';
import { binIndex } from './metrics/logHistogram.ts';
import { initDistribution } from './platform/initModel.ts';
import { maxLifetimeFor } from './platform/maxLifetime.ts';
import type { Report } from './report.ts';
import { createRng, STREAM, type Uniform } from './rng.ts';

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
  /**
   * Called when an instance is retired at its maximum lifetime, with how long it had been idle
   * (0 when it was serving): validation uses it to count instances as a measurement study did.
   */
  onRetire?: (idleS: number) => void;
}

/**
 * Where a request goes when it finds no idle instance (with instanceConcurrency 1):
 * 'new-instance' binds it to the instance it starts, so it always pays the INIT (the plain model
 * of published simulators); 'first-free' starts the instance too but queues the request for
 * whichever instance frees first, the new one after its INIT or a busy one finishing sooner.
 */
export type Placement = Scenario['platform']['placement'];

/** simulate(scenario) runs a validated scenario to its end and returns its report. */
export function simulate(scenario: Scenario, options: SimulationOptions = {}): Report {
  const sim = createSimulation(scenario, options);
  sim.advance(Infinity);
  return sim.report();
}

export function createSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  const sim = new PoolSimulation(scenario, options.meter ?? meterFor(scenario));
  if (options.onRetire) sim.onRetire = options.onRetire;
  return sim;
}

/** What differs between the instance pools of one run (one per function of a trace). */
export interface PoolSetup {
  arrivals: ArrivalProcess;
  /** Draws the next user request's handler duration, ms, in arrival order. */
  service: Sampler;
  /** Per-pool counters, for per-function results; null for a single-pool run. */
  stats: PoolStats | null;
}

/** Counters of one pool inside a multi-pool run (per-function results of a trace). */
export interface PoolStats {
  arrivals: number;
  invocations: number;
  coldStarts: number;
  throttled: number;
  latencySumMs: number;
  /** Latency counts over coarse bins (≈ 9 % wide), for per-function percentiles. */
  latencyCoarse: Float64Array;
}

export function emptyPoolStats(): PoolStats {
  return {
    arrivals: 0,
    invocations: 0,
    coldStarts: 0,
    throttled: 0,
    latencySumMs: 0,
    latencyCoarse: new Float64Array(COARSE_BINS)
  };
}

/** Keep-alive policies other than a fixed time need per-instance expiry (see PoolSimulation). */
export function keepAliveIsFixed(spec: KeepAliveSpec): boolean {
  return spec.policy === 'fixed' || spec.policy === 'none';
}

export class PoolSimulation implements Simulation {
  readonly durationS: number;
  readonly #scenario: Scenario;

  // ---- configuration ----
  private readonly arrivals: ArrivalProcess;
  private readonly service: Sampler;
  private readonly stats: PoolStats | null;
  /** Non-fixed keep-alive (hybrid histogram): per-instance expiry and pre-warming; null = fixed. */
  private readonly policy: KeepAlivePolicy | null;
  private readonly init: Sampler;
  private readonly reuseSource: Uniform;
  private readonly keepAliveS: number;
  private readonly perInstance: number;
  private readonly maxLive: number;
  private readonly reuse: number; // 0 mru, 1 lru, 2 random
  private readonly granularityMs: number;
  private readonly minimumMs: number;
  private readonly billInit: boolean;
  private readonly busyGranularityMs: number;
  private readonly cpuFraction: number;
  private readonly pingEveryS: number;
  private readonly pingConcurrency: number;
  private readonly pingMs: number;
  private readonly firstFree: boolean;

  // ---- instance table: struct of arrays indexed by instance id, grown by doubling ----
  private cap = 64;
  private active = new Int32Array(64);
  private readyAt = new Float64Array(64);
  private busySince = new Float64Array(64);
  private provisionedFlag = new Uint8Array(64);
  /** Position in `avail` (instances with 0 < active < perInstance), −1 when absent. */
  private availPos = new Int32Array(64).fill(-1);
  private avail = new Int32Array(64);
  private availCount = 0;
  private freeIds = new Int32Array(64);
  private freeCount = 0;
  private nextId = 0;
  private readonly idle = new IdleDeque(64);
  private readonly heap = new CompletionHeap(64);
  private readonly provIdle: Int32Array;
  private provIdleCount = 0;

  // ---- time-weighted state ----
  private now = 0;
  private live = 0;
  private busy = 0;
  private liveArea = 0;
  private busyArea = 0;

  // ---- per-interval series ----
  private readonly intervalS: number;
  private readonly nIntervals: number;
  private k = 0;
  private nextBoundary: number;
  private ivLive = 0;
  private ivBusy = 0;

  // ---- event sources ----
  private nextArrival: number;
  private pingIndex = 0;
  private nextPing: number;
  private done = false;
  /** Furthest time `advance` was asked to reach (events up to it are processed), s. */
  private until = 0;
  /** INIT time of the instance `acquire` just started, ms; −1 when it reused one. */
  private coldInitMs = -1;

  // ---- 'first-free' placement: requests waiting for an instance, FIFO ----
  private pendingAt = new Float64Array(16);
  private pendingPing = new Uint8Array(16);
  private pendingHead = 0;
  private pendingCount = 0;
  /** INIT duration of each initialising instance, ms (billed with its first request). */
  private initMsOf = new Float64Array(64);

  // ---- variable keep-alive (policy ≠ null): expiry and pre-warm events, lazily invalidated ----
  /** (time, id) expiries of idle instances; id −1 = a pre-warm that loads a new idle instance. */
  private readonly expiries = new CompletionHeap(16);
  /** When each idle instance expires, s; −1 once reused (its heap entry is then stale). */
  private expiresAt = new Float64Array(64);
  /** When the pool last became idle (no request in flight), s; −1 before the first request. */
  private idleSinceAll = -1;
  private ivPeak = 0;

  // ---- maximum instance lifetime (platform.maxLifetimeS): retirements, lazily invalidated ----
  /** Age at which an on-demand instance is retired, s; 0 = never. */
  private readonly maxLifetimeS: number;
  /**
   * (time, id) retirements of idle instances, queued when an instance first goes idle before its
   * lifetime ends (a serving one is checked when its last request ends, with no event).
   */
  private readonly retirements = new CompletionHeap(16);
  /** When each instance reaches its lifetime, s; Infinity = never; −1 once unloaded. */
  private retireAt = new Float64Array(64);
  /** 1 = has an entry in `retirements`. */
  private retireQueued = new Uint8Array(64);
  /** See SimulationOptions.onRetire. */
  onRetire: ((idleS: number) => void) | null = null;

  private readonly acc: Accumulators;
  private readonly usage: Usage;

  /**
   * One instance pool. `setup` gives its arrivals and durations (default: the scenario's traffic
   * and distribution); `shared` lets several pools add into one set of accumulators (a trace's
   * functions), each pool adding its own share of every interval.
   */
  constructor(
    scenario: Scenario,
    meter: MeterSpec,
    setup?: PoolSetup,
    shared?: Accumulators,
    durationS = scenario.durationS
  ) {
    const { seed } = scenario;
    const fn = scenario.function;
    const pf = scenario.platform;
    this.#scenario = scenario;
    this.durationS = durationS;
    this.arrivals =
      setup?.arrivals ??
      createArrivals(scenario.traffic, durationS, createRng(seed, STREAM.arrivals));
    this.service =
      setup?.service ?? durationSampler(fn.durationMs, createRng(seed, STREAM.service));
    this.stats = setup?.stats ?? null;
    this.init = durationSampler(
      fn.initMs ?? initDistribution(scenario),
      createRng(seed, STREAM.init)
    );
    this.reuseSource = createRng(seed, STREAM.reuse);
    const keepAlive = pf.keepAlive;
    this.policy = keepAliveIsFixed(keepAlive)
      ? null
      : createKeepAlivePolicy(keepAlive, pf.keepAliveS);
    this.keepAliveS = keepAlive.policy === 'none' ? 0 : pf.keepAliveS;
    this.perInstance = pf.instanceConcurrency;
    this.maxLive = pf.maxConcurrency;
    this.reuse = pf.reuse === 'mru' ? 0 : pf.reuse === 'lru' ? 1 : 2;
    this.granularityMs = meter.granularityMs;
    this.minimumMs = meter.minimumMs;
    this.billInit = meter.billInit;
    this.busyGranularityMs = meter.busyGranularityMs;
    this.cpuFraction = fn.cpuBoundFraction;
    this.pingEveryS = pf.keepWarm.everyS;
    this.pingConcurrency = pf.keepWarm.concurrency;
    this.pingMs = pf.keepWarm.durationMs;
    this.firstFree = pf.placement === 'first-free' && pf.instanceConcurrency === 1;
    this.maxLifetimeS = maxLifetimeFor(scenario);
    this.provIdle = new Int32Array(Math.max(1, pf.provisioned));

    this.acc = shared ?? createAccumulators(durationS, fn.memoryMb, pf.provisioned);
    this.usage = this.acc.usage;
    this.intervalS = this.acc.intervalS;
    this.nIntervals = this.acc.nIntervals;
    this.nextBoundary = this.intervalS;

    // Provisioned instances exist, initialised, from t = 0 (not counted as started).
    for (let i = 0; i < pf.provisioned; i++) {
      const id = this.newInstance(0, 0, true);
      this.provIdle[this.provIdleCount++] = id;
      this.acc.started--;
    }
    this.nextArrival = this.arrivals.next();
    this.nextPing = this.pingEveryS > 0 ? 0 : Infinity;
  }

  advance(untilS: number): boolean {
    if (this.done) return true;
    const stop = untilS < this.durationS ? untilS : this.durationS;
    const heap = this.heap;
    const idle = this.idle;
    const keepAliveS = this.keepAliveS;
    for (;;) {
      const tc = heap.size > 0 ? heap.topTime() : Infinity;
      const te =
        this.policy === null
          ? idle.size > 0
            ? idle.oldestSince() + keepAliveS
            : Infinity
          : this.expiries.size > 0
            ? this.expiries.topTime()
            : Infinity;
      const tp = this.nextPing;
      const ta = this.nextArrival < tp ? this.nextArrival : tp;
      // Retirements come after completions and expiries at the same time, before arrivals.
      const tr = this.retirements.size > 0 ? this.retirements.topTime() : Infinity;
      if (tr < tc && tr < te && tr <= ta) {
        if (tr > stop) break;
        this.advanceTo(tr);
        this.retireTop(tr);
        continue;
      }
      if (tc <= te && tc <= ta) {
        if (tc > stop) break;
        const id = heap.topId();
        heap.pop();
        this.advanceTo(tc);
        if (id >= 0) this.complete(tc, id);
        else this.initDone(tc, -1 - id);
      } else if (te <= ta) {
        if (te > stop) break;
        this.advanceTo(te);
        if (this.policy === null) this.reclaimOldest();
        else this.expireOrPrewarm(te);
      } else {
        if (ta > stop) break;
        this.advanceTo(ta);
        if (ta === tp) this.pingAll(ta);
        else {
          this.acc.arrivals++;
          this.acc.arrivalsByInterval[this.k]++;
          if (this.stats !== null) this.stats.arrivals++;
          this.dispatch(ta, false);
          this.nextArrival = this.arrivals.next();
        }
      }
    }
    if (stop >= this.durationS) {
      this.advanceTo(this.durationS);
      this.done = true;
      this.finish();
    } else {
      // Integrate only at event times and interval boundaries, so that a run advanced in chunks
      // gives bit-for-bit the report of a run in one go; the stretch since the last event is
      // added on the fly by report().
      while (stop >= this.nextBoundary && this.k < this.nIntervals - 1) this.closeInterval();
      if (stop > this.until) this.until = stop;
    }
    return this.done;
  }

  report(): Report {
    const acc = this.acc;
    const a = this.areas();
    acc.liveArea = a.live;
    acc.busyArea = a.busy;
    acc.now = a.now;
    const r = buildReport(acc, this.done, this.k, this.done ? null : this.openInterval());
    r.cost = bill(r.usage, this.#scenario);
    return r;
  }

  /** The open interval's averages so far (partial reports), without closing it. */
  openInterval(): OpenInterval {
    const t = this.reached();
    const dt = t - this.now;
    const len = t - this.k * this.intervalS;
    return {
      k: this.k,
      live: len > 0 ? (this.ivLive + this.live * dt) / len : this.live,
      busy: len > 0 ? (this.ivBusy + this.busy * dt) / len : this.busy,
      peak: this.ivPeak
    };
  }

  /** Time-weighted totals of this pool up to the time reached (multi-pool runs add them up). */
  areas(): { live: number; busy: number; now: number } {
    const t = this.reached();
    const dt = t - this.now;
    return { live: this.liveArea + this.live * dt, busy: this.busyArea + this.busy * dt, now: t };
  }

  /** Simulated time reached: the scenario's end once done, else the furthest `advance` target. */
  private reached(): number {
    return this.done ? this.durationS : this.until > this.now ? this.until : this.now;
  }

  /** Integrates the time-weighted counts up to t, closing intervals on the way. */
  private advanceTo(t: number): void {
    while (t >= this.nextBoundary && this.k < this.nIntervals - 1) this.closeInterval();
    const dt = t - this.now;
    const liveDt = this.live * dt;
    const busyDt = this.busy * dt;
    this.liveArea += liveDt;
    this.busyArea += busyDt;
    this.ivLive += liveDt;
    this.ivBusy += busyDt;
    this.now = t;
  }

  private closeInterval(): void {
    const dt = this.nextBoundary - this.now;
    this.liveArea += this.live * dt;
    this.busyArea += this.busy * dt;
    this.ivLive += this.live * dt;
    this.ivBusy += this.busy * dt;
    const acc = this.acc;
    // += : pools of a multi-pool run share the accumulators and each adds its share.
    acc.liveByInterval[this.k] += this.ivLive / this.intervalS;
    acc.busyByInterval[this.k] += this.ivBusy / this.intervalS;
    acc.livePeakByInterval[this.k] += this.ivPeak;
    this.ivLive = 0;
    this.ivBusy = 0;
    this.now = this.nextBoundary;
    this.k++;
    this.nextBoundary = (this.k + 1) * this.intervalS;
    this.ivPeak = this.live;
  }

  private pingAll(t: number): void {
    for (let i = 0; i < this.pingConcurrency; i++) this.dispatch(t, true);
    this.pingIndex++;
    const next = this.pingIndex * this.pingEveryS;
    this.nextPing = next < this.durationS ? next : Infinity;
  }

  private grow(): void {
    const n = this.cap * 2;
    this.active = grown(new Int32Array(n), this.active);
    this.readyAt = grown(new Float64Array(n), this.readyAt);
    this.busySince = grown(new Float64Array(n), this.busySince);
    this.provisionedFlag = grown(new Uint8Array(n), this.provisionedFlag);
    this.availPos = grown(new Int32Array(n).fill(-1), this.availPos);
    this.avail = grown(new Int32Array(n), this.avail);
    this.freeIds = grown(new Int32Array(n), this.freeIds);
    this.initMsOf = grown(new Float64Array(n), this.initMsOf);
    this.expiresAt = grown(new Float64Array(n), this.expiresAt);
    this.retireAt = grown(new Float64Array(n), this.retireAt);
    this.retireQueued = grown(new Uint8Array(n), this.retireQueued);
    this.cap = n;
  }

  private newInstance(t: number, ready: number, provisioned: boolean): number {
    let id: number;
    if (this.freeCount > 0) id = this.freeIds[--this.freeCount];
    else {
      if (this.nextId === this.cap) this.grow();
      id = this.nextId++;
    }
    this.active[id] = 0;
    this.readyAt[id] = ready;
    this.busySince[id] = t;
    this.provisionedFlag[id] = provisioned ? 1 : 0;
    // Provisioned instances are not retired: the provider replaces them before they go.
    this.retireAt[id] = this.maxLifetimeS > 0 && !provisioned ? t + this.maxLifetimeS : Infinity;
    this.retireQueued[id] = 0;
    const live = ++this.live;
    if (live > this.ivPeak) this.ivPeak = live;
    this.acc.started++;
    return id;
  }

  private availAdd(id: number): void {
    this.availPos[id] = this.availCount;
    this.avail[this.availCount++] = id;
  }

  private availRemove(id: number): void {
    const p = this.availPos[id];
    const last = this.avail[--this.availCount];
    this.avail[p] = last;
    this.availPos[last] = p;
    this.availPos[id] = -1;
  }

  /** Finds or starts an instance for a request at time t; −1 when throttled. Sets `coldInitMs`. */
  private acquire(t: number): number {
    this.coldInitMs = -1;
    if (this.availCount > 0) return this.avail[this.availCount - 1];
    if (this.provIdleCount > 0) return this.provIdle[--this.provIdleCount];
    const idle = this.idle;
    if (idle.size > 0) {
      const id =
        this.reuse === 0
          ? idle.popNewest()
          : this.reuse === 1
            ? idle.popOldest()
            : idle.removeAt(Math.floor(this.reuseSource.next() * idle.size));
      if (this.policy !== null) this.expiresAt[id] = -1;
      return id;
    }
    if (this.live >= this.maxLive) return -1;
    const initMs = this.init.sample();
    this.coldInitMs = initMs;
    return this.newInstance(t, t + initMs / 1000, false);
  }

  /** Starts one request (or ping) on an instance and schedules its completion. */
  private dispatch(t: number, ping: boolean): void {
    if (this.policy !== null && !ping && this.busy === 0 && this.idleSinceAll >= 0) {
      this.policy.observeIdle(t - this.idleSinceAll);
    }
    if (this.firstFree) {
      this.dispatchFirstFree(t, ping);
      return;
    }
    const id = this.acquire(t);
    if (id < 0) {
      if (!ping) this.throttle();
      return;
    }
    const initMs = this.coldInitMs;
    const startedCold = initMs >= 0;
    // A request that joins an instance still in INIT (instanceConcurrency > 1) waits for it.
    const ready = this.readyAt[id];
    const waitMs = startedCold ? initMs : ready > t ? (ready - t) * 1000 : 0;
    this.run(t, id, ping, waitMs, startedCold ? initMs : -1, startedCold || waitMs > 0);
  }

  /**
   * Runs a request (or ping) that arrived at `t` on instance `id` after waiting `waitMs`; `initMs`
   * ≥ 0 when this request is the one that pays the instance's INIT.
   */
  private run(
    t: number,
    id: number,
    ping: boolean,
    waitMs: number,
    initMs: number,
    cold: boolean
  ): void {
    const acc = this.acc;
    const serviceMs = ping ? this.pingMs : this.service.sample();
    const startedCold = initMs >= 0;
    const latencyMs = waitMs + serviceMs;
    const a = this.active[id]++;
    if (a === 0) {
      this.busy++;
      if (!startedCold) this.busySince[id] = this.now;
    }
    if (this.perInstance > 1) {
      if (a === 0) this.availAdd(id);
      else if (a + 1 === this.perInstance) this.availRemove(id);
    }
    this.heap.push(t + latencyMs / 1000, id);

    const g = this.granularityMs;
    // 1 ms granularity (most providers) needs no division, which is slow on the hot path.
    let billed = g === 1 ? Math.ceil(serviceMs) : Math.ceil(serviceMs / g) * g;
    if (billed < this.minimumMs) billed = this.minimumMs;
    let initExtra = 0;
    if (startedCold && this.billInit) {
      let withInit = Math.ceil((initMs + serviceMs) / g) * g;
      if (withInit < this.minimumMs) withInit = this.minimumMs;
      initExtra = withInit - billed;
    }
    const usage = this.usage;
    if (ping) {
      acc.pings++;
      if (cold) acc.coldPings++;
      usage.pingRequests++;
      usage.pingBilledMs += billed + initExtra;
      return;
    }
    usage.requests++;
    usage.initBilledMs += initExtra;
    if (this.provisionedFlag[id] === 1) {
      usage.provisionedRequests++;
      usage.provisionedBilledMs += billed;
    } else usage.onDemandBilledMs += billed;
    if (this.cpuFraction > 0) usage.cpuMs += Math.ceil(serviceMs * this.cpuFraction);

    const bin = binIndex(latencyMs);
    acc.latencyByInterval[this.k * COARSE_BINS + (bin >> COARSE_SHIFT)]++;
    const stats = this.stats;
    if (stats !== null) {
      stats.invocations++;
      if (cold) stats.coldStarts++;
      stats.latencySumMs += latencyMs;
      stats.latencyCoarse[bin >> COARSE_SHIFT]++;
    }
    if (cold) {
      acc.coldStarts++;
      acc.coldByInterval[this.k]++;
      acc.histCold[bin]++;
      acc.histColdSum[bin] += latencyMs;
      acc.sumCold += latencyMs;
      if (latencyMs > acc.maxCold) acc.maxCold = latencyMs;
    } else {
      acc.histWarm[bin]++;
      acc.histWarmSum[bin] += latencyMs;
      acc.sumWarm += latencyMs;
      if (latencyMs > acc.maxWarm) acc.maxWarm = latencyMs;
    }
  }

  private throttle(): void {
    this.acc.throttled++;
    this.acc.throttledByInterval[this.k]++;
    if (this.stats !== null) this.stats.throttled++;
  }

  /** 'first-free': serve from an idle instance, else queue and start one (unless at the limit). */
  private dispatchFirstFree(t: number, ping: boolean): void {
    if (this.provIdleCount > 0 || this.idle.size > 0) {
      const id = this.acquire(t);
      this.run(t, id, ping, 0, -1, false);
      return;
    }
    if (this.live >= this.maxLive) {
      if (!ping) this.throttle();
      return;
    }
    const initMs = this.init.sample();
    const id = this.newInstance(t, t + initMs / 1000, false);
    this.initMsOf[id] = initMs;
    this.busy++;
    this.active[id] = 1; // occupied by its INIT
    this.heap.push(t + initMs / 1000, -1 - id);
    this.enqueue(t, ping);
  }

  private enqueue(t: number, ping: boolean): void {
    if (this.pendingCount === this.pendingAt.length) {
      const n = this.pendingAt.length * 2;
      const at = new Float64Array(n);
      const pg = new Uint8Array(n);
      for (let i = 0; i < this.pendingCount; i++) {
        const j = (this.pendingHead + i) % this.pendingAt.length;
        at[i] = this.pendingAt[j];
        pg[i] = this.pendingPing[j];
      }
      this.pendingAt = at;
      this.pendingPing = pg;
      this.pendingHead = 0;
    }
    const j = (this.pendingHead + this.pendingCount++) % this.pendingAt.length;
    this.pendingAt[j] = t;
    this.pendingPing[j] = ping ? 1 : 0;
  }

  /** An instance finished its INIT ('first-free'): it serves the oldest waiting request, if any. */
  private initDone(t: number, id: number): void {
    this.active[id] = 0;
    this.busy--;
    const initMs = this.initMsOf[id];
    if (this.pendingCount > 0) {
      const j = this.pendingHead;
      const at = this.pendingAt[j];
      const ping = this.pendingPing[j] === 1;
      this.pendingHead = (j + 1) % this.pendingAt.length;
      this.pendingCount--;
      // busySince stays at the instance's creation, so its busy period includes the INIT.
      this.run(at, id, ping, (t - at) * 1000, initMs, true);
      return;
    }
    // Nobody waits any more (a busy instance took the request): a warm idle instance, whose INIT
    // the provider still bills when INIT is billed.
    if (this.billInit)
      this.usage.initBilledMs += Math.ceil(initMs / this.granularityMs) * this.granularityMs;
    this.usage.instanceBusyMs += this.roundBusy((t - this.busySince[id]) * 1000);
    if (!this.retiredOnIdle(t, id)) this.idle.push(id, t);
  }

  private complete(t: number, id: number): void {
    if (this.firstFree && this.pendingCount > 0 && t < this.retireAt[id]) {
      // The freed instance takes the oldest waiting request at once: a warm start after a wait.
      const j = this.pendingHead;
      const at = this.pendingAt[j];
      const ping = this.pendingPing[j] === 1;
      this.pendingHead = (j + 1) % this.pendingAt.length;
      this.pendingCount--;
      // One continuous busy period: the instance never goes idle.
      const since = this.busySince[id];
      this.active[id]--;
      this.busy--;
      this.run(at, id, ping, (t - at) * 1000, -1, false);
      this.busySince[id] = since;
      return;
    }
    const a = --this.active[id];
    if (this.perInstance > 1) {
      if (a === 0) this.availRemove(id);
      else if (a + 1 === this.perInstance) this.availAdd(id);
    }
    if (a === 0) {
      this.busy--;
      this.usage.instanceBusyMs += this.roundBusy((t - this.busySince[id]) * 1000);
      if (this.provisionedFlag[id] === 1) this.provIdle[this.provIdleCount++] = id;
      else if (this.retiredOnIdle(t, id)) {
        // The application still went idle (the hybrid policy learns from that gap).
        if (this.policy !== null && this.busy === 0) this.idleSinceAll = t;
      } else if (this.policy === null) this.idle.push(id, t);
      else this.idleByPolicy(t, id);
    }
  }

  /**
   * Variable keep-alive: after an execution ends at t, keep the instance until t + keepAliveS, or,
   * with a pre-warm window, unload it now and load a fresh one at t + prewarmS (Shahrad et al.).
   */
  private idleByPolicy(t: number, id: number): void {
    if (this.busy === 0) this.idleSinceAll = t;
    const w = this.policy!.windows();
    if (w.prewarmS > 0) {
      this.unload(id);
      this.expiries.push(t + w.prewarmS, -1);
      return;
    }
    this.idle.push(id, t);
    const until = t + w.keepAliveS;
    this.expiresAt[id] = until;
    this.expiries.push(until, id);
  }

  /** A variable keep-alive event at t: an idle instance's expiry (if still valid) or a pre-warm. */
  private expireOrPrewarm(t: number): void {
    const id = this.expiries.topId();
    this.expiries.pop();
    if (id < 0) {
      // Pre-warm: load an instance (the provider's cost, not a user's cold start) and keep it.
      if (this.live >= this.maxLive) return;
      const fresh = this.newInstance(t, t, false);
      this.acc.prewarms++;
      const until = t + this.policy!.windows().keepAliveS;
      this.idle.push(fresh, t);
      this.expiresAt[fresh] = until;
      this.expiries.push(until, fresh);
      return;
    }
    if (this.expiresAt[id] !== t) return; // reused since: a stale entry
    this.expiresAt[id] = -1;
    const idle = this.idle;
    for (let i = 0; i < idle.size; i++) {
      if (idle.at(i) === id) {
        idle.removeAt(i);
        break;
      }
    }
    this.unload(id);
  }

  private unload(id: number): void {
    this.retireAt[id] = -1;
    this.live--;
    this.acc.reclaimed++;
    this.freeIds[this.freeCount++] = id;
  }

  private roundBusy(ms: number): number {
    const g = this.busyGranularityMs;
    // The epsilon keeps float noise (200.0000001 ms) from costing a whole extra step.
    const billed = Math.ceil(ms / g - 1e-9) * g;
    return billed < this.minimumMs ? this.minimumMs : billed;
  }

  /**
   * An instance has no request left at t: if it has reached its lifetime it is unloaded (true);
   * otherwise its retirement is queued, once, in case it is still idle then.
   */
  private retiredOnIdle(t: number, id: number): boolean {
    const at = this.retireAt[id];
    if (t >= at) {
      this.retireNow(id, 0);
      return true;
    }
    if (at !== Infinity && this.retireQueued[id] === 0) {
      this.retireQueued[id] = 1;
      this.retirements.push(at, id);
    }
    return false;
  }

  /**
   * The next queued retirement, at t: the instance goes now if idle; if serving, its completion
   * retires it. Entries of instances already unloaded (or of a reused id) are stale and skipped.
   */
  private retireTop(t: number): void {
    const id = this.retirements.topId();
    this.retirements.pop();
    if (this.retireAt[id] !== t) return;
    this.retireQueued[id] = 0;
    if (this.active[id] > 0) return;
    const idle = this.idle;
    for (let i = 0; i < idle.size; i++) {
      if (idle.at(i) === id) {
        const idleS = t - idle.sinceAt(i);
        idle.removeAt(i);
        if (this.policy !== null) this.expiresAt[id] = -1;
        this.retireNow(id, idleS);
        return;
      }
    }
  }

  private retireNow(id: number, idleS: number): void {
    this.unload(id);
    if (this.onRetire !== null) this.onRetire(idleS);
  }

  private reclaimOldest(): void {
    this.unload(this.idle.popOldest());
  }

  /**
   * Serves requests still queued at the end ('first-free'): they arrived within the run, so they
   * count. No time is integrated past the end; only INIT and completion events are processed.
   */
  private drainPending(): void {
    const heap = this.heap;
    while (this.pendingCount > 0 && heap.size > 0) {
      const t = heap.topTime();
      const id = heap.topId();
      heap.pop();
      if (id >= 0) this.complete(t, id);
      else this.initDone(t, -1 - id);
    }
  }

  /** Closes the last interval and bills busy periods still open at the end of the run. */
  private finish(): void {
    this.drainPending();
    const lastLen = this.durationS - this.k * this.intervalS;
    this.acc.liveByInterval[this.k] += this.ivLive / lastLen;
    this.acc.busyByInterval[this.k] += this.ivBusy / lastLen;
    this.acc.livePeakByInterval[this.k] += this.ivPeak;
    for (let id = 0; id < this.nextId; id++) {
      if (this.active[id] > 0)
        this.usage.instanceBusyMs += this.roundBusy((this.durationS - this.busySince[id]) * 1000);
    }
  }
}

function grown<T extends Int32Array | Float64Array | Uint8Array>(to: T, from: T): T {
  to.set(from as never);
  return to;
}
