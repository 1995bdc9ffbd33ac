import { describe, expect, it } from 'vitest';
import type { MeterSpec } from '../../src/engine/billing/meter.ts';
import { createSimulation, simulate } from '../../src/engine/simulate.ts';
import { assertInDelta, assertRelative, scenario } from '../helpers.ts';

const LAMBDA_1MS: MeterSpec = {
  granularityMs: 1,
  minimumMs: 0,
  billInit: true,
  busyGranularityMs: 1
};
const fixed = (value: number) => ({ dist: 'fixed' as const, value });
const exponential = (mean: number) => ({ dist: 'exponential' as const, mean });

/** Erlang B blocking probability of an M/G/c/c loss system with offered load a (insensitive to G). */
function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

describe('simulate(scenario): theory', () => {
  it('at low load P(cold) = 1 − e^{−λS} + e^{−λ(S+K)} ≈ e^{−λ(K + E[S])}', () => {
    // One instance at a time: a request is warm iff it arrives after the previous completion
    // (gap > S) and within K of it, so P(warm) = e^{−λS} − e^{−λ(S+K)} for fixed S.
    const lambda = 0.005;
    const K = 120;
    const S = 0.1;
    const r = simulate(
      scenario({
        durationS: 40_000_000,
        traffic: { kind: 'poisson', ratePerS: lambda },
        function: { durationMs: fixed(S * 1000), initMs: fixed(0) },
        platform: { keepAliveS: K }
      }),
      { meter: LAMBDA_1MS }
    );
    const exact = 1 - Math.exp(-lambda * S) + Math.exp(-lambda * (S + K));
    // ~200,000 requests: SE of a proportion ≈ √(0.25/200,000) ≈ 0.0011; 5 SE.
    assertInDelta(r.coldStartRatio, exact, 0.0056, 'P(cold) vs exact');
    assertInDelta(
      r.coldStartRatio,
      Math.exp(-lambda * (K + S)),
      0.0062,
      "P(cold) vs the issue's e^(−λ(K+E[S]))"
    );
  });

  it("Little's law: mean busy instances = λ · E[latency]", () => {
    const r = simulate(
      scenario({
        durationS: 20_000,
        traffic: { kind: 'poisson', ratePerS: 20 },
        function: { durationMs: exponential(100), initMs: fixed(250) },
        platform: { keepAliveS: 60 }
      }),
      { meter: LAMBDA_1MS }
    );
    const lambda = r.invocations / 20_000;
    // Holds on every sample path up to edge effects at the end of the run (< 0.1 %).
    assertRelative(r.instances.busyMean, (lambda * r.latencyMs.mean) / 1000, 0.002, 'busy mean');
  });

  it('zero keep-alive makes every request cold', () => {
    const r = simulate(
      scenario({
        durationS: 3600,
        traffic: { kind: 'poisson', ratePerS: 10 },
        platform: { keepAliveS: 0 }
      }),
      { meter: LAMBDA_1MS }
    );
    expect(r.invocations).toBeGreaterThan(30_000);
    expect(r.coldStarts).toBe(r.invocations);
    assertInDelta(r.coldStartRatio, 1, 0);
  });

  it('provisioned ≥ peak concurrency leaves no cold start', () => {
    const base = scenario({
      durationS: 7200,
      traffic: { kind: 'poisson', ratePerS: 20 },
      function: { durationMs: exponential(100) }
    });
    const first = simulate(base, { meter: LAMBDA_1MS });
    expect(first.coldStarts).toBeGreaterThan(0);
    const peak = first.instances.peak;
    const r = simulate(
      { ...base, platform: { ...base.platform, provisioned: peak } },
      { meter: LAMBDA_1MS }
    );
    expect(r.coldStarts).toBe(0);
    expect(r.usage.provisionedRequests).toBe(r.invocations);
    expect(r.instances.peak).toBe(peak);
  });

  it('maxConcurrency throttles: with warm instances the loss rate is Erlang B(c, λE[S])', () => {
    // Huge keep-alive and zero init: after the first c cold starts it is an M/M/c/c loss system.
    const r = simulate(
      scenario({
        durationS: 20_000,
        traffic: { kind: 'poisson', ratePerS: 50 },
        function: { durationMs: exponential(100), initMs: fixed(0) },
        // maxLifetimeS 0: no retirement at the instance age limit, so instances live as long as theory says.
        platform: { keepAliveS: 1e9, maxConcurrency: 5, maxLifetimeS: 0 }
      }),
      { meter: LAMBDA_1MS }
    );
    expect(r.instances.peak).toBe(5);
    expect(r.coldStarts).toBe(5);
    // B(5, 5) = 0.2849; ~1,000,000 arrivals.
    assertInDelta(r.throttled / r.arrivals, erlangB(5, 5), 0.004, 'blocking probability');
    expect(r.throttled + r.invocations).toBe(r.arrivals);
  });

  it('keep-warm pings every 5 min keep a rarely used function warm, and are counted', () => {
    const common = {
      durationS: 864_000,
      traffic: { kind: 'poisson' as const, ratePerS: 0.001 },
      function: { durationMs: fixed(100) }
    };
    // maxLifetimeS 0: pings alone, without the platform retiring the pinged instance every few hours.
    const cold = simulate(scenario({ ...common, platform: { keepAliveS: 600, maxLifetimeS: 0 } }), {
      meter: LAMBDA_1MS
    });
    const warm = simulate(
      scenario({
        ...common,
        platform: {
          keepAliveS: 600,
          maxLifetimeS: 0,
          keepWarm: { everyS: 300, concurrency: 1, durationMs: 5 }
        }
      }),
      { meter: LAMBDA_1MS }
    );
    // Without pings P(cold) ≈ e^{−0.6} ≈ 0.55; with them only the first request or one that
    // collides with a 5 ms ping is cold.
    assertInDelta(cold.coldStartRatio, Math.exp(-0.001 * 600.1), 0.05, 'no pings');
    expect(warm.coldStartRatio).toBeLessThan(0.01);
    expect(warm.keepWarm.pings).toBe(864_000 / 300);
    expect(warm.usage.pingRequests).toBe(864_000 / 300);
    expect(warm.keepWarm.coldPings).toBe(1);
  });

  it('instanceConcurrency > 1 packs requests onto few instances', () => {
    const common = {
      durationS: 3600,
      traffic: { kind: 'poisson' as const, ratePerS: 50 },
      function: { durationMs: exponential(100) }
    };
    const one = simulate(scenario(common), { meter: LAMBDA_1MS });
    const many = simulate(scenario({ ...common, platform: { instanceConcurrency: 80 } }), {
      meter: LAMBDA_1MS
    });
    // Busy requests ≈ 50 × 0.1 = 5 on average; 80 fit on one instance.
    expect(one.instances.peak).toBeGreaterThan(8);
    expect(many.instances.peak).toBeLessThanOrEqual(2);
    expect(many.coldStarts).toBeLessThan(one.coldStarts);
  });

  it('LRU reuse keeps more instances alive than MRU', () => {
    const common = { durationS: 7200, traffic: { kind: 'poisson' as const, ratePerS: 5 } };
    const mru = simulate(scenario({ ...common, platform: { reuse: 'mru' } }), {
      meter: LAMBDA_1MS
    });
    const lru = simulate(scenario({ ...common, platform: { reuse: 'lru' } }), {
      meter: LAMBDA_1MS
    });
    const rnd = simulate(scenario({ ...common, platform: { reuse: 'random' } }), {
      meter: LAMBDA_1MS
    });
    expect(lru.instances.mean).toBeGreaterThan(mru.instances.mean);
    expect(rnd.instances.mean).toBeGreaterThan(mru.instances.mean);
    expect(rnd.invocations).toBe(mru.invocations);
  });
});

describe("placement 'first-free'", () => {
  it('serves a request on an instance that frees before the new one finishes INIT', () => {
    // Constant 1 req/s, 1.5 s handler, 5 s INIT: request 1 (t = 1) finds instance 0 busy until
    // 1.5 s and starts instance 1 (ready at 6 s); under 'first-free' it runs on instance 0 at 1.5 s.
    const common = {
      durationS: 4,
      traffic: { kind: 'constant' as const, ratePerS: 1 },
      function: { durationMs: fixed(1500), initMs: fixed(5000) }
    };
    const plain = simulate(scenario(common), { meter: LAMBDA_1MS });
    const late = simulate(scenario({ ...common, platform: { placement: 'first-free' } }), {
      meter: LAMBDA_1MS
    });
    // Plain: every request finds every instance busy or initialising and pays its own INIT.
    expect(plain.coldStarts).toBe(4);
    // First-free: r0–r3 (t = 0…3) start instances 0–3 (ready at 5, 6, 7, 8 s) and queue. Instance 0
    // serves r0 at 5 s (cold), instance 1 r1 at 6 s (cold); instance 0 frees at 6.5 s and serves
    // r2 warm after a 4.5 s wait (latency 6 s); instance 2 serves r3 at 7 s (cold); instance 3
    // finishes INIT with nobody waiting. Queued requests are served after the run's end.
    expect(late.invocations).toBe(4);
    expect(late.instances.started).toBe(4);
    expect(late.coldStarts).toBe(3);
    assertInDelta(late.latencyWarmMs.max, 6000, 1e-6, 'the warm request waited 4.5 s + 1.5 s');
    assertInDelta(late.latencyColdMs.max, 6500, 1e-6, 'r0: 5 s INIT + 1.5 s');
    // A longer run shows the effect: fewer requests pay an INIT than instances are started.
    const long = {
      ...common,
      durationS: 600,
      traffic: { kind: 'poisson' as const, ratePerS: 0.5 }
    };
    const a = simulate(scenario(long), { meter: LAMBDA_1MS });
    const b = simulate(scenario({ ...long, platform: { placement: 'first-free' } }), {
      meter: LAMBDA_1MS
    });
    expect(a.coldStarts).toBe(a.instances.started);
    expect(b.coldStarts).toBeLessThan(b.instances.started);
    expect(b.invocations).toBe(a.invocations);
    expect(b.latencyMs.mean).toBeLessThan(a.latencyMs.mean);
  });
});

describe('keep-alive policies', () => {
  // A timer every 7 minutes, as in Shahrad et al.'s example of a periodic function.
  const periodic = {
    durationS: 7 * 86_400,
    traffic: { kind: 'constant' as const, ratePerS: 1 / 420 },
    function: { durationMs: fixed(100), initMs: fixed(300) }
  };

  it("'none' makes every request cold; fixed 5 min too on a 7-minute timer", () => {
    const none = simulate(scenario({ ...periodic, platform: { keepAlive: { policy: 'none' } } }), {
      meter: LAMBDA_1MS
    });
    const five = simulate(scenario({ ...periodic, platform: { keepAliveS: 300 } }), {
      meter: LAMBDA_1MS
    });
    expect(none.invocations).toBe(1440);
    expect(none.coldStartRatio).toBe(1);
    expect(five.coldStartRatio).toBe(1);
    // No idle instance is ever kept by 'none'.
    assertInDelta(none.idleGbSeconds, 0, 1e-9, 'idle GB-s');
  });

  it("'hybrid-histogram' learns the 7-minute period and pre-warms: almost no request is cold", () => {
    const r = simulate(
      scenario({ ...periodic, platform: { keepAlive: { policy: 'hybrid-histogram' } } }),
      {
        meter: LAMBDA_1MS
      }
    );
    // Until 10 idle times are seen it keeps instances 4 h (fallback), so those requests are warm
    // too; only the first request is cold, and pre-warming loads one instance per period.
    expect(r.coldStarts).toBeLessThanOrEqual(2);
    expect(r.instances.prewarmed).toBeGreaterThan(1400);
    // Pre-warming unloads the instance for ~5.4 of every 7 minutes: far less idle memory than a
    // fixed keep-alive long enough to stay warm (10 min keeps it all the time).
    // (maxLifetimeS 0: without the platform's retirement every few hours, fixed 10 min is warm throughout.)
    const ten = simulate(
      scenario({ ...periodic, platform: { keepAliveS: 600, maxLifetimeS: 0 } }),
      { meter: LAMBDA_1MS }
    );
    expect(ten.coldStarts).toBe(1);
    expect(r.idleGbSeconds).toBeLessThan(0.5 * ten.idleGbSeconds);
  });
});

describe('simulate(scenario): accounting', () => {
  it('is deterministic: same seed → identical report; another seed → another one', () => {
    const s = scenario({ durationS: 3600 });
    expect(JSON.stringify(simulate(s))).toBe(JSON.stringify(simulate(s)));
    expect(JSON.stringify(simulate({ ...s, seed: 2 }))).not.toBe(JSON.stringify(simulate(s)));
  });

  it('series add up to the totals and average to the time averages', () => {
    const r = simulate(
      scenario({
        durationS: 86_400,
        traffic: { kind: 'diurnal', meanRatePerS: 2, peakToMean: 4, peakHourUtc: 12 }
      })
    );
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(r.series.intervalS).toBe(300);
    expect(r.series.t.length).toBe(288);
    expect(sum(r.series.arrivals)).toBe(r.arrivals);
    expect(sum(r.series.coldStarts)).toBe(r.coldStarts);
    assertRelative(sum(r.series.busy) / r.series.busy.length, r.instances.busyMean, 1e-9, 'busy');
    assertRelative(sum(r.series.live) / r.series.live.length, r.instances.mean, 1e-9, 'live');
    expect(Math.max(...r.series.livePeak)).toBe(r.instances.peak);
  });

  it('bills whole milliseconds per invocation: 27.55 ms → 28 ms, or 100 ms at 100 ms granularity', () => {
    // AWS News Blog 2020-12-01: "Duration 27.55 ms → Billed Duration 28 ms" (and 100 ms before).
    const s = scenario({
      durationS: 1000,
      traffic: { kind: 'constant', ratePerS: 10 },
      function: { memoryMb: 1024, durationMs: fixed(27.55), initMs: fixed(100) },
      platform: { keepAliveS: 600 }
    });
    const r = simulate(s, { meter: LAMBDA_1MS });
    expect(r.invocations).toBe(10_000);
    expect(r.usage.onDemandBilledMs).toBe(28 * 10_000);
    // The first request (t = 0) is cold and busy until 0.1276 s, so the second (t = 0.1 s)
    // is cold too; each adds ceil(100 + 27.55) − 28 = 100 ms of INIT.
    expect(r.coldStarts).toBe(2);
    expect(r.usage.initBilledMs).toBe(200);
    assertInDelta(r.billedGbSeconds, (28 * 10_000 + 200) / 1000, 1e-12, 'GB-s at 1 GB');
    // Warm requests all take exactly 27.55 ms: the median is exact, not a bin edge.
    assertInDelta(r.latencyMs.p50, 27.55, 1e-9, 'p50');
    const legacy = simulate(s, { meter: { ...LAMBDA_1MS, granularityMs: 100, billInit: false } });
    expect(legacy.usage.onDemandBilledMs).toBe(100 * 10_000);
    expect(legacy.usage.initBilledMs).toBe(0);
  });

  it('advance() in chunks gives the same report as one run, bit for bit, with partial reports on the way', () => {
    const s = scenario({ durationS: 86_400, traffic: { kind: 'poisson', ratePerS: 1 } });
    // Chunk ends that fall inside intervals (1,234.5 s is not a multiple of the 300 s interval).
    const sim = createSimulation(s);
    let partial = sim.report();
    for (let t = 1234.5; !sim.advance(t); t += 1234.5) {
      const next = sim.report();
      expect(next.complete).toBe(false);
      expect(next.simulatedS).toBe(t);
      expect(next.arrivals).toBeGreaterThanOrEqual(partial.arrivals);
      partial = next;
    }
    expect(JSON.stringify(sim.report())).toBe(JSON.stringify(simulate(s)));
  });

  it('memory stays bounded: instance tables grow with peak concurrency only', () => {
    const r = simulate(
      scenario({
        durationS: 600,
        traffic: { kind: 'poisson', ratePerS: 2000 },
        platform: { maxConcurrency: 5000 }
      })
    );
    expect(r.instances.peak).toBeGreaterThan(64);
    expect(r.instances.peak).toBeLessThan(5000);
    expect(r.invocations + r.throttled).toBe(r.arrivals);
  });
});
