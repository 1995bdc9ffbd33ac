/** Named benchmark scenarios (targets in issue 2: ≥ 6 M invocations/s on `reference`, month < 200 MB RSS). */
import { DEFAULT_SCENARIO } from '../src/scenario/defaults.ts';
import type { Scenario } from '../src/scenario/schema.ts';

function make(patch: (s: Scenario) => void): Scenario {
  const s = structuredClone(DEFAULT_SCENARIO);
  patch(s);
  return s;
}

/**
 * Poisson 100 req/s, exponential service mean 100 ms, 200 ms init, keep-alive 600 s, 20 M invocations:
 * the plain model of bench/minimalLoop.ts (no maximum instance lifetime), with full metrics and billing.
 */
const reference = make((s) => {
  s.durationS = 200_000;
  s.traffic = { kind: 'poisson', ratePerS: 100 };
  s.function.durationMs = { dist: 'exponential', mean: 100 };
  s.function.initMs = { dist: 'fixed', value: 200 };
  s.platform.keepAliveS = 600;
  s.platform.maxLifetimeS = 0;
});

export const BENCH_SCENARIOS: Record<string, Scenario> = {
  reference,
  /** 30 days at 100 req/s: 259 M invocations; the memory target. */
  month: make((s) => {
    Object.assign(s, structuredClone(reference));
    s.durationS = 30 * 86_400;
  }),
  /** The default scenario (log-normal service, modelled init, AWS's 3.25 h instance lifetime) at 100 req/s. */
  lognormal: make((s) => {
    s.durationS = 100_000;
    s.traffic = { kind: 'poisson', ratePerS: 100 };
  }),
  diurnal: make((s) => {
    s.durationS = 10 * 86_400;
    s.traffic = { kind: 'diurnal', meanRatePerS: 10, peakToMean: 4, peakHourUtc: 14 };
  }),
  'cloud-run-concurrency-80': make((s) => {
    s.durationS = 100_000;
    s.traffic = { kind: 'poisson', ratePerS: 100 };
    s.function.durationMs = { dist: 'exponential', mean: 100 };
    s.platform.provider = 'gcp-cloud-run';
    s.platform.instanceConcurrency = 80;
  }),
  'high-concurrency-2000rps': make((s) => {
    s.durationS = 5_000;
    s.traffic = { kind: 'poisson', ratePerS: 2000 };
    s.function.durationMs = { dist: 'exponential', mean: 100 };
    s.platform.maxConcurrency = 10_000;
  })
};
