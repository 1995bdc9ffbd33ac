import { waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { Runner } from '../../../src/app/state/runner.svelte.ts';
import { simulate } from '../../../src/engine/simulate.ts';
import { crashingClient, inProcessClients } from '../helpers/inProcessClient.ts';
import { expectSameReport } from '../helpers/sameReport.ts';
import { shortScenario } from '../helpers/scenarios.ts';

describe('Runner', () => {
  it('run(scenario) ends done with the report of that scenario', async () => {
    const { factory } = inProcessClients();
    const runner = new Runner(factory);
    const scenario = shortScenario(1);
    await runner.run(scenario);
    expect(runner.status).toBe('done');
    expectSameReport(runner.report!, simulate(scenario));
    expect(runner.reportScenario).toBe(scenario);
    expect(runner.completed).toBe(1);
    expect(runner.fraction).toBe(1);
    // The always-on comparison follows from the same worker.
    await waitFor(() => expect(runner.comparisonScenario).toBe(scenario));
    expect(runner.comparison?.curves.length).toBe(scenario.alwaysOn.options.length);
    runner.dispose();
  });

  it('a new run cancels the one in flight (terminating its worker); only the newest result is kept', async () => {
    const { factory, log } = inProcessClients();
    const runner = new Runner(factory);
    const long = shortScenario(24 * 2);
    const short = shortScenario(1, (s) => (s.function.memoryMb = 1024));
    const first = runner.run(long);
    await new Promise((r) => setTimeout(r, 30));
    const second = runner.run(short);
    await Promise.all([first, second]);
    expect(log.terminated).toBeGreaterThanOrEqual(1);
    expect(runner.reportScenario).toBe(short);
    expect(runner.report?.usage.memoryMb).toBe(1024);
    expect(runner.completed).toBe(1);
    runner.dispose();
  });

  it('cancel() stops the run, keeps the last result, and retry() runs it again', async () => {
    const { factory } = inProcessClients();
    const runner = new Runner(factory);
    const quick = shortScenario(1);
    await runner.run(quick);
    const before = runner.report;
    const long = runner.run(shortScenario(24 * 2));
    await new Promise((r) => setTimeout(r, 30));
    runner.cancel();
    await long;
    expect(runner.status).toBe('cancelled');
    expect(runner.report).toBe(before);
    await runner.retry();
    expect(runner.status).toBe('done');
    expect(runner.reportScenario?.durationS).toBe(2 * 86_400);
    runner.dispose();
  });

  it('streams progress and, for long runs, partial reports while running', async () => {
    const { factory } = inProcessClients();
    const runner = new Runner(factory, { partialAfterMs: 0 });
    const seen: number[] = [];
    const partials: boolean[] = [];
    const run = runner.run(shortScenario(24 * 3));
    while (runner.status === 'running') {
      seen.push(runner.simulatedS);
      if (runner.report) partials.push(runner.report.complete);
      await new Promise((r) => setTimeout(r, 20));
    }
    await run;
    expect(seen.some((s) => s > 0 && s < 3 * 86_400)).toBe(true);
    expect(partials).toContain(false);
    runner.dispose();
  });

  it('the always-on comparison runs on its own worker, so the next run does not queue behind it', async () => {
    const { factory, log } = inProcessClients();
    const runner = new Runner(factory);
    const first = shortScenario(1);
    await runner.run(first);
    // The next run starts at once, while the first run's comparison may still be computing.
    const second = shortScenario(1, (s) => (s.function.memoryMb = 1024));
    await runner.run(second);
    expect(runner.reportScenario).toBe(second);
    await waitFor(() => expect(runner.comparisonScenario).toBe(second));
    expect(log.started).toBe(2);
    runner.dispose();
  });

  it('a partial update that arrives after the final result does not replace it', async () => {
    // Comlink sends callback calls over their own MessagePort and the result over the worker's, so
    // under load a partial can arrive last (seen in CI: the page stuck on "partial: 11.3 h").
    const scenario = shortScenario(1);
    const final = simulate(scenario);
    let late: ((u: unknown) => unknown) | undefined;
    const client = {
      api: {
        run: async (_s: unknown, onUpdate: (u: unknown) => unknown) => {
          late = onUpdate;
          return { report: final, elapsedMs: 1, point: null, sweepSizes: [] };
        },
        compare: async () => null
      },
      crashed: new Promise<never>(() => {}),
      terminate: () => {}
    };
    const runner = new Runner(() => client as never, { partialAfterMs: 0 });
    await runner.run(scenario);
    expect(runner.report).toBe(final);
    const partial = { ...final, complete: false, simulatedS: 1800 };
    late?.({ simulatedS: 1800, durationS: scenario.durationS, report: partial });
    expect(runner.report).toBe(final);
    expect(runner.simulatedS).toBe(scenario.durationS);
    runner.dispose();
  });

  it('a crashed worker gives an error with its message; retry starts a fresh worker', async () => {
    let crash = true;
    const { factory, log } = inProcessClients();
    const runner = new Runner(() => (crash ? crashingClient() : factory()));
    const scenario = shortScenario(1);
    await runner.run(scenario);
    expect(runner.status).toBe('error');
    expect(runner.error).toMatch(/crashed: boom/);
    crash = false;
    await runner.retry();
    expect(runner.status).toBe('done');
    // One fresh run worker, plus the worker that computes the always-on comparison.
    expect(log.started).toBe(2);
    runner.dispose();
  });
});
