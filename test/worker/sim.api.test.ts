import { proxy } from 'comlink';
import { describe, expect, it } from 'vitest';
import { remoteSimApi as remote } from './remoteSimApi.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { simApi } from '../../src/worker/sim.api.ts';
import type { RunUpdate } from '../../src/worker/types.ts';
import { expectSameReport } from '../app/helpers/sameReport.ts';
import { shortScenario } from '../app/helpers/scenarios.ts';

describe('simApi over comlink', () => {
  it('run(scenario) returns the same report as simulate(scenario)', async () => {
    const scenario = shortScenario(1);
    const result = await remote().run(scenario);
    // Determinism: the chunked run and the one-shot run see the same seeded events.
    expectSameReport(result.report, simulate(scenario));
    expect(result.report.complete).toBe(true);
    expect(result.elapsedMs).toBeGreaterThan(0);
  });

  it('run streams throttled progress with partial reports covering more and more time', async () => {
    const scenario = shortScenario(24);
    const updates: RunUpdate[] = [];
    // Tiny chunks and a 20 ms update period, so even a fast machine sees several updates.
    const result = await remote().run(
      scenario,
      proxy((u: RunUpdate) => void updates.push(u)),
      { chunkMs: 2, updateEveryMs: 20 }
    );
    expect(updates.length).toBeGreaterThanOrEqual(2);
    // Throttled: at most one update per 20 ms of the run.
    expect(updates.length).toBeLessThanOrEqual(Math.ceil(result.elapsedMs / 20));
    for (let i = 1; i < updates.length; i++) {
      expect(updates[i].simulatedS).toBeGreaterThan(updates[i - 1].simulatedS);
    }
    for (const u of updates) {
      expect(u.durationS).toBe(86_400);
      expect(u.report.complete).toBe(false);
      expect(u.report.simulatedS).toBeCloseTo(u.simulatedS, 6);
    }
  });

  it('run result carries the sweep sizes and the run as a sweep point at its own memory', async () => {
    const scenario = shortScenario(1);
    const result = await remote().run(scenario);
    expect(result.sweepSizes.length).toBeGreaterThanOrEqual(12);
    expect(result.sweepSizes[0]).toBe(128);
    expect(result.sweepSizes[result.sweepSizes.length - 1]).toBe(10_240);
    expect(result.sweepSizes).toContain(512);
    expect(result.point.memoryMb).toBe(512);
    expect(result.point.p95Ms).toBe(result.report.latencyMs.p95);
  });

  it('sweepPoint(scenario, memoryMb) at the scenario memory equals the run itself', async () => {
    const scenario = shortScenario(1);
    const api = remote();
    const [run, point] = await Promise.all([api.run(scenario), api.sweepPoint(scenario, 512)]);
    expect(point.monthlyUsd).toBeCloseTo(run.point.monthlyUsd, 9);
    expect(point.p95Ms).toBe(run.point.p95Ms);
  });

  it('sweepPoint at more memory is faster for a CPU-bound function', async () => {
    const scenario = shortScenario(1, (s) => (s.function.cpuBoundFraction = 1));
    const api = remote();
    const small = await api.sweepPoint(scenario, 128);
    const big = await api.sweepPoint(scenario, 1769);
    // At 128 MB Lambda gives 128/1769 of a vCPU, so CPU-bound work takes ~14× longer (pricing-facts §1.4).
    expect(small.meanMs).toBeGreaterThan(big.meanMs * 5);
  });

  it('compare(scenario, report) gives a curve and a fleet per always-on option, traffic from the run', async () => {
    const scenario = shortScenario(1);
    const api = remote();
    const { report } = await api.run(scenario);
    const comparison = (await api.compare(scenario, report))!;
    expect(comparison.curves.map((c) => c.optionId)).toEqual(scenario.alwaysOn.options);
    expect(comparison.fleets.map((f) => f.optionId)).toEqual(scenario.alwaysOn.options);
    expect(comparison.faasLabel).toBe('AWS Lambda');
    // Mean rate of the run × 730 h × 3,600 s (the billing month).
    expect(comparison.requestsPerMonth).toBeCloseTo((report.arrivals / 3600) * 730 * 3600, 6);
    for (const c of comparison.curves) {
      expect(c.points.length).toBeGreaterThan(10);
      expect(c.assumption).not.toBe('');
    }
  });

  it('compare gives null when no always-on option is chosen', async () => {
    const scenario = shortScenario(1, (s) => (s.alwaysOn.options = []));
    const api = remote();
    const { report } = await api.run(scenario);
    expect(await api.compare(scenario, report)).toBeNull();
  });

  it('a bad scenario rejects with the engine error instead of hanging', async () => {
    const scenario = shortScenario(1, (s) => (s.function.cpuBoundFraction = 2));
    await expect(remote().sweepPoint(scenario, 1024)).rejects.toThrow(/cpuBoundFraction 2/);
  });
});

describe('simApi and trace scenarios', () => {
  it('run rejects a trace scenario without its file, with a message that names the file to choose', async () => {
    const scenario = shortScenario(1, (s) => {
      s.traffic = {
        kind: 'trace',
        file: { name: 'day.csv', sizeBytes: null, sha256: null },
        durationsFile: null,
        memoryFile: null,
        format: 'auto',
        select: { mode: 'all' },
        useTraceDurations: true,
        inline: null
      };
    });
    await expect(simApi.run(scenario)).rejects.toThrow(/replays "day\.csv": choose the file/);
  });
});
