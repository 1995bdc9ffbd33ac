import { describe, expect, it } from 'vitest';
import { KeepAliveRun } from '../../../src/app/state/keepAliveRun.svelte.ts';
import { inProcessClients } from '../helpers/inProcessClient.ts';
import { shortScenario } from '../helpers/scenarios.ts';

describe('KeepAliveRun', () => {
  it('run(scenario) compares the seven policies in a worker of its own, then frees it', async () => {
    const { factory, log } = inProcessClients();
    const run = new KeepAliveRun(factory);
    const scenario = shortScenario(0.25);
    await run.run(scenario);
    expect(run.status).toBe('done');
    // none, fixed 1/5/10/20/60 min, hybrid histogram (compareKeepAlive's variants).
    expect(run.rows).toHaveLength(7);
    expect(run.rows![0].coldStartRatio).toBe(1); // policy 'none': every request cold
    expect(run.scenario).toBe(scenario);
    expect(run.fraction).toBe(1);
    expect(log).toEqual({ started: 1, terminated: 1 });
  });

  it('cancel() terminates the worker and keeps the last finished comparison', async () => {
    const { factory, log } = inProcessClients();
    const run = new KeepAliveRun(factory);
    await run.run(shortScenario(0.1));
    const rows = run.rows;
    const pending = run.run(shortScenario(2));
    run.cancel();
    await pending;
    expect(run.status).toBe('cancelled');
    expect(run.rows).toBe(rows);
    expect(log.terminated).toBe(log.started);
  });
});
