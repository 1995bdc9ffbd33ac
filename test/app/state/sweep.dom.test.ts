import { describe, expect, it } from 'vitest';
import { Sweep } from '../../../src/app/state/sweep.svelte.ts';
import { WorkerPool } from '../../../src/worker/pool.ts';
import { inProcessClients } from '../helpers/inProcessClient.ts';
import { shortScenario } from '../helpers/scenarios.ts';

describe('Sweep', () => {
  it('run(scenario, sizes, known) simulates every size but the known one, points ascending', async () => {
    const { factory } = inProcessClients();
    const pool = new WorkerPool(2, factory);
    const sweep = new Sweep(pool);
    const scenario = shortScenario(0.25);
    const known = {
      memoryMb: 512,
      monthlyUsd: 1,
      meanMs: 1,
      p50Ms: 1,
      p95Ms: 1,
      p99Ms: 1,
      coldStartRatio: 0,
      throttled: 0,
      elapsedMs: 0
    };
    await sweep.run(scenario, [128, 512, 2048, 1024], known);
    expect(sweep.status).toBe('done');
    expect(sweep.points.map((p) => p.memoryMb)).toEqual([128, 512, 1024, 2048]);
    // The known point is used as given, not simulated again.
    expect(sweep.points[1]).toBe(known);
    expect(sweep.scenario).toBe(scenario);
    expect(sweep.lastSweepMs).toBeGreaterThan(0);
    pool.dispose();
  });

  it('cancel() stops the sweep in flight without an error', async () => {
    const { factory } = inProcessClients();
    const pool = new WorkerPool(1, factory);
    const sweep = new Sweep(pool);
    const run = sweep.run(shortScenario(24), [128, 256, 512, 1024]);
    await new Promise((r) => setTimeout(r, 10));
    sweep.cancel();
    await run;
    expect(sweep.status).toBe('idle');
    expect(sweep.error).toBeNull();
    pool.dispose();
  });
});
