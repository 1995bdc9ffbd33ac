import { describe, expect, it } from 'vitest';
import type { MeterSpec } from '../../../src/engine/billing/meter.ts';
import { maxLifetimeFor, PROVIDER_MAX_LIFETIME } from '../../../src/engine/platform/maxLifetime.ts';
import { simulate } from '../../../src/engine/simulate.ts';
import { restoreScenario } from '../../../src/scenario/restore.ts';
import { assertInDelta, assertRelative, scenario } from '../../helpers.ts';

const LAMBDA_1MS: MeterSpec = {
  granularityMs: 1,
  minimumMs: 0,
  billInit: true,
  busyGranularityMs: 1
};
const fixed = (value: number) => ({ dist: 'fixed' as const, value });

describe('maxLifetimeFor', () => {
  it('maxLifetimeFor takes the provider value when the scenario gives null or nothing, else the given one', () => {
    // AWS: the value fitted on the even exp.csv rows (3.25 h, docs/validation.md); others: none known.
    expect(maxLifetimeFor(scenario({}))).toBe(11_700);
    expect(maxLifetimeFor(scenario({ platform: { maxLifetimeS: undefined } }))).toBe(11_700);
    expect(maxLifetimeFor(scenario({ platform: { provider: 'gcp-cloud-run' } }))).toBe(0);
    expect(maxLifetimeFor(scenario({ platform: { maxLifetimeS: 0 } }))).toBe(0);
    expect(maxLifetimeFor(scenario({ platform: { maxLifetimeS: 7200 } }))).toBe(7200);
    for (const fact of Object.values(PROVIDER_MAX_LIFETIME))
      expect(fact.source.length).toBeGreaterThan(0);
  });
});

describe('simulate with platform.maxLifetimeS', () => {
  it('a steady request stream pays one cold start per instance lifetime', () => {
    // One request every 1 s, 100 ms each, no INIT: one instance at a time. The instance started at
    // t = 0 reaches 3,600 s mid-request and is retired when that request ends (3,600.1 s); the request
    // at 3,601 s starts the next one, and so on: cold starts at 0, 3,601, 7,202, …, 32,409 s → 10.
    const r = simulate(
      scenario({
        durationS: 36_000,
        traffic: { kind: 'constant', ratePerS: 1 },
        function: { durationMs: fixed(100), initMs: fixed(0) },
        platform: { keepAliveS: 600, maxLifetimeS: 3600 }
      }),
      { meter: LAMBDA_1MS }
    );
    expect(r.invocations).toBe(36_000);
    expect(r.coldStarts).toBe(10);
    expect(r.instances.started).toBe(10);
    expect(r.instances.peak).toBe(1);
  });

  it('a request in flight at the lifetime finishes untouched; the instance goes after it', () => {
    // A 5 s request every 10 s, lifetime 12 s: an instance serves t = 0–5 and 10–15, is past its
    // lifetime when the second request ends, and goes; the request at 20 s starts a new one.
    // So every other request is cold, and no latency is cut short (all are 5,000 ms, INIT 0).
    const r = simulate(
      scenario({
        durationS: 1000,
        traffic: { kind: 'constant', ratePerS: 0.1 },
        function: { durationMs: fixed(5000), initMs: fixed(0) },
        platform: { keepAliveS: 600, maxLifetimeS: 12 }
      }),
      { meter: LAMBDA_1MS }
    );
    expect(r.invocations).toBe(100);
    expect(r.coldStarts).toBe(50);
    expect(r.latencyMs.max).toBe(5000);
    assertInDelta(r.latencyMs.mean, 5000, 1e-9, 'mean latency, ms');
  });

  it('an idle instance goes at its lifetime, before its keep-alive ends, and reports its idle time', () => {
    // One 100 ms request every 1,000 s, keep-alive 1 h, lifetime 2,500 s: the instance serves 0 and
    // 1,000 and 2,000 s, is idle from 2,000.1 s and retired at 2,500 s (idle 499.9 s); the request at
    // 3,000 s is cold. Cycle of 3,000 s with the instance alive 2,500 s: mean count 5/6.
    const idle: number[] = [];
    const r = simulate(
      scenario({
        durationS: 30_000,
        traffic: { kind: 'constant', ratePerS: 0.001 },
        function: { durationMs: fixed(100), initMs: fixed(0) },
        platform: { keepAliveS: 3600, maxLifetimeS: 2500 }
      }),
      { meter: LAMBDA_1MS, onRetire: (s) => idle.push(s) }
    );
    expect(r.coldStarts).toBe(10);
    expect(idle).toHaveLength(10);
    for (const s of idle) assertInDelta(s, 499.9, 1e-6, 'idle time at retirement, s');
    expect(r.instances.reclaimed).toBe(10);
    assertRelative(r.instances.mean, 5 / 6, 1e-9, 'mean instances');
  });

  it('maxLifetimeS 0 never retires; provisioned instances are never retired', () => {
    const steady = {
      durationS: 36_000,
      traffic: { kind: 'constant' as const, ratePerS: 1 },
      function: { durationMs: fixed(100), initMs: fixed(0) }
    };
    const off = simulate(scenario({ ...steady, platform: { maxLifetimeS: 0 } }), {
      meter: LAMBDA_1MS
    });
    expect(off.coldStarts).toBe(1);
    const prov = simulate(
      scenario({ ...steady, platform: { maxLifetimeS: 3600, provisioned: 1 } }),
      {
        meter: LAMBDA_1MS
      }
    );
    expect(prov.coldStarts).toBe(0);
    expect(prov.instances.reclaimed).toBe(0);
  });

  it("with 'first-free' placement every request is still served, and instances are still retired", () => {
    // A retiring instance never takes a queued request (an initialising one does), so nothing is lost.
    const r = simulate(
      scenario({
        durationS: 200_000,
        traffic: { kind: 'poisson', ratePerS: 1 },
        function: { durationMs: { dist: 'exponential', mean: 2000 }, initMs: fixed(500) },
        platform: { placement: 'first-free', keepAliveS: 640, maxLifetimeS: 3600 }
      }),
      { meter: LAMBDA_1MS }
    );
    expect(r.invocations).toBe(r.arrivals);
    // No instance outlives 3,600 s (plus the request it is serving), so over 200,000 s of steady
    // traffic more than 200,000 / 3,600 ≈ 56 are started.
    expect(r.instances.started).toBeGreaterThan(200_000 / 3600);
  });

  it('Poisson traffic on a warm pool: extra cold starts ≈ instances in use / lifetime', () => {
    // λ = 2/s, E[S] = 0.5 s, keep-alive 1e9 s: without retirement the pool reaches its peak early
    // and almost never starts another. With lifetime L, each instance is replaced once per L
    // (± the few it takes to rebuild a pool of the same size), so the cold-start rate approaches
    // mean pool size / L. Tolerance 15 %: the pool is small and its size varies.
    const common = {
      durationS: 2_000_000,
      traffic: { kind: 'poisson' as const, ratePerS: 2 },
      function: { durationMs: { dist: 'exponential' as const, mean: 500 }, initMs: fixed(0) }
    };
    const L = 20_000;
    const r = simulate(scenario({ ...common, platform: { keepAliveS: 1e9, maxLifetimeS: L } }), {
      meter: LAMBDA_1MS
    });
    const never = simulate(
      scenario({ ...common, platform: { keepAliveS: 1e9, maxLifetimeS: 0 } }),
      { meter: LAMBDA_1MS }
    );
    const extraPerS = (r.coldStarts - never.coldStarts) / common.durationS;
    assertRelative(extraPerS, r.instances.mean / L, 0.15, 'retirement cold starts per second');
  });
});

describe('restoreScenario: platform.maxLifetimeS', () => {
  it('restoreScenario accepts null, 0 and seconds, and rejects a negative lifetime naming the field', () => {
    const ok = restoreScenario({ platform: { maxLifetimeS: 7200 } });
    expect(ok.ok && ok.scenario.platform.maxLifetimeS).toBe(7200);
    const unset = restoreScenario({});
    expect(unset.ok && unset.scenario.platform.maxLifetimeS).toBeNull();
    const bad = restoreScenario({ platform: { maxLifetimeS: -1 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.path)).toContain('platform.maxLifetimeS');
  });
});
