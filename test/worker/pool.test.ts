import { describe, expect, it } from 'vitest';
import { CancelledError, poolSize, WorkerPool } from '../../src/worker/pool.ts';
import { inProcessClients } from '../app/helpers/inProcessClient.ts';
import { shortScenario } from '../app/helpers/scenarios.ts';

/** An API whose `sweepPoint` just echoes after `ms` milliseconds, so timing is under test control. */
function slowApi(ms: number, active: { now: number; max: number }) {
  return {
    async sweepPoint(_s: unknown, memoryMb: number) {
      active.now++;
      active.max = Math.max(active.max, active.now);
      await new Promise((r) => setTimeout(r, ms));
      active.now--;
      return { memoryMb };
    }
  };
}

describe('WorkerPool', () => {
  it('poolSize follows hardwareConcurrency, capped at 4 and at least 1', () => {
    const table: [number | undefined, number][] = [
      [1, 1],
      [2, 2],
      [8, 4],
      [0, 2],
      [undefined, 2]
    ];
    for (const [cores, expected] of table) expect(poolSize(cores)).toBe(expected);
  });

  it('map runs real sweep points in parallel and returns them in item order', async () => {
    const { factory, log } = inProcessClients();
    const pool = new WorkerPool(2, factory);
    const seen: number[] = [];
    const scenario = shortScenario(0.25);
    const points = await pool.map(
      [128, 1024, 512],
      (api, mb) => api.sweepPoint(scenario, mb),
      (p) => seen.push(p.memoryMb)
    );
    expect(points.map((p) => p.memoryMb)).toEqual([128, 1024, 512]);
    expect(seen.sort((a, b) => a - b)).toEqual([128, 512, 1024]);
    expect(log.started).toBe(2);
    pool.dispose();
    expect(log.terminated).toBe(2);
  });

  it('never runs more tasks at once than its size', async () => {
    const active = { now: 0, max: 0 };
    const { factory } = inProcessClients(slowApi(10, active));
    const pool = new WorkerPool(3, factory);
    await pool.map([1, 2, 3, 4, 5, 6, 7], (api, mb) =>
      (api as unknown as ReturnType<typeof slowApi>).sweepPoint(null, mb)
    );
    expect(active.max).toBe(3);
    pool.dispose();
  });

  it('cancel() rejects the map in flight with CancelledError and terminates its busy workers', async () => {
    const active = { now: 0, max: 0 };
    const { factory, log } = inProcessClients(slowApi(200, active));
    const pool = new WorkerPool(2, factory);
    const running = pool.map([1, 2, 3], (api, mb) =>
      (api as unknown as ReturnType<typeof slowApi>).sweepPoint(null, mb)
    );
    await new Promise((r) => setTimeout(r, 20));
    pool.cancel();
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(log.terminated).toBe(2);
    expect(pool.live).toBe(0);
  });

  it('a new map cancels the previous one', async () => {
    const active = { now: 0, max: 0 };
    const { factory } = inProcessClients(slowApi(50, active));
    const pool = new WorkerPool(2, factory);
    const task = (api: unknown, mb: number) =>
      (api as ReturnType<typeof slowApi>).sweepPoint(null, mb);
    const first = pool.map([1, 2, 3], task);
    const second = pool.map([4, 5], task);
    await expect(first).rejects.toBeInstanceOf(CancelledError);
    expect((await second).map((p) => p.memoryMb)).toEqual([4, 5]);
    pool.dispose();
  });

  it('a task that throws rejects the map with its error', async () => {
    const { factory } = inProcessClients();
    const pool = new WorkerPool(2, factory);
    const bad = shortScenario(0.25, (s) => (s.function.cpuBoundFraction = 2));
    await expect(pool.map([128, 256], (api, mb) => api.sweepPoint(bad, mb))).rejects.toThrow(
      /cpuBoundFraction/
    );
    pool.dispose();
  });
});
