/** Compares two reports of the same seeded scenario: counts exactly, time averages within float noise. */
import { expect } from 'vitest';
import type { Report } from '../../../src/engine/report.ts';

/**
 * Chunked runs (`advance` in steps) integrate time averages in a different order than one-shot
 * runs, so means may differ in the last bits; every count and latency must be identical.
 */
export function expectSameReport(got: Report, want: Report): void {
  expect(got.invocations).toBe(want.invocations);
  expect(got.arrivals).toBe(want.arrivals);
  expect(got.coldStarts).toBe(want.coldStarts);
  expect(got.throttled).toBe(want.throttled);
  expect(got.latencyMs).toEqual(want.latencyMs);
  expect(got.histogram).toEqual(want.histogram);
  expect(got.series.arrivals).toEqual(want.series.arrivals);
  expect(got.instances.mean).toBeCloseTo(want.instances.mean, 9);
  expect(got.instances.busyMean).toBeCloseTo(want.instances.busyMean, 9);
  expect(got.cost?.totalUsd ?? 0).toBeCloseTo(want.cost?.totalUsd ?? 0, 9);
}
