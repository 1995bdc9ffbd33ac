import { describe, expect, it } from 'vitest';
import { applyAzure2019Extras } from '../../src/engine/traces/applyAzure2019Extras.ts';
import { createAzure2019DurationsParser } from '../../src/engine/traces/createAzure2019DurationsParser.ts';
import { createTraceParser } from '../../src/engine/traces/createTraceParser.ts';
import { simulateTrace } from '../../src/engine/simulateTrace.ts';
import type { Trace } from '../../src/engine/traces/traceModel.ts';
import { DEFAULT_TRAFFIC } from '../../src/scenario/defaults.ts';
import type { FunctionSelection } from '../../src/scenario/schema.ts';
import { assertInDelta, scenario } from '../helpers.ts';
import { parseInChunks, readTrace } from './traces/chunks.ts';

function parse(path: string): Trace {
  return parseInChunks(createTraceParser(), readTrace(path), 65_536);
}

function traceScenario(select: FunctionSelection = { mode: 'all' }, durationS = 86_400) {
  return scenario({
    durationS,
    traffic: {
      ...DEFAULT_TRAFFIC.trace,
      file: { name: 'x.csv', sizeBytes: null, sha256: null },
      select
    }
  });
}

describe('simulateTrace(scenario, trace)', () => {
  it('replays the Azure 2021 sample: every invocation, its own duration, per function', () => {
    const trace = parse('azure2021/AzureFunctionsInvocationTrace2021_first998.csv');
    const r = simulateTrace(traceScenario(), trace);
    // README: 998 invocations, 49 (app, func) pairs; the run lasts the trace's length.
    expect(r.arrivals).toBe(998);
    expect(r.invocations + r.throttled).toBe(998);
    expect(r.functions.length).toBe(49);
    expect(r.functions.reduce((a, f) => a + f.arrivals, 0)).toBe(998);
    for (const f of r.functions) expect(f.durations).toBe('trace per-invocation');
    expect(r.trace.horizonS).toBeCloseTo(trace.durationS, 9);
    // Each function's arrivals match the trace's count for it.
    const byId = new Map(trace.functions.map((f) => [`${f.app}/${f.id}`, f.invocations]));
    for (const f of r.functions) expect(f.arrivals).toBe(byId.get(`${f.app}/${f.id}`));
    // Mean warm latency is at least the trace's median duration scale (0.25 s) — not the scenario's 120 ms.
    expect(r.latencyWarmMs.p50).toBeGreaterThan(150);
  });

  it('replays the 500-function 8-hour Azure 2019 sample with exactly its 3,037,902 invocations', () => {
    const trace = parse('azure2019/invitro_500fn_8h/invocations.csv');
    const r = simulateTrace(traceScenario(), trace);
    expect(r.arrivals).toBe(3_037_902);
    expect(r.functions.length).toBe(500);
    expect(r.trace.horizonS).toBe(8 * 3600);
    // The series' arrivals add up to the total, and the bill covers what was served.
    expect(r.series.arrivals.reduce((a, b) => a + b, 0)).toBe(3_037_902);
    expect(r.cost?.totalUsd).toBeGreaterThan(0);
    // Most functions are rarely invoked: their cold-start ratio is high, the busy ones' is low
    // (Shahrad et al.: the top 19 % of apps carry 99.6 % of invocations).
    const sorted = [...r.functions].sort((a, b) => b.arrivals - a.arrivals);
    expect(sorted[0].coldStartRatio).toBeLessThan(0.01);
    expect(sorted[sorted.length - 1].coldStartRatio).toBeGreaterThan(0.3);
  });

  it('selects the top N functions, and uses the percentile durations when given', () => {
    const trace = parse('azure2019/invitro_500fn_8h/invocations.csv');
    const durations = parseInChunks(
      createAzure2019DurationsParser(),
      readTrace('azure2019/invitro_500fn_8h/durations.csv')
    );
    const withDurations = applyAzure2019Extras(trace, durations);
    const r = simulateTrace(traceScenario({ mode: 'top', n: 5 }), withDurations);
    expect(r.functions.length).toBe(5);
    const top5 = [...trace.functions].sort((a, b) => b.invocations - a.invocations).slice(0, 5);
    expect(r.arrivals).toBe(top5.reduce((a, f) => a + f.invocations, 0));
    expect(r.functions.every((f) => f.durations === 'trace percentiles')).toBe(true);
  });

  it('is deterministic and cuts the trace at durationS', () => {
    const trace = parse('azure2019/single_hot_function_day/invocations.csv');
    const s = traceScenario({ mode: 'all' }, 120);
    const a = simulateTrace(s, trace);
    const b = simulateTrace(s, trace);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    // The first two minutes' counts of the hot function.
    const f = trace.functions[0];
    if (f.arrivals.kind !== 'counts') throw new Error('expected per-minute counts');
    expect(a.arrivals).toBe(f.arrivals.counts[0] + f.arrivals.counts[1]);
    assertInDelta(a.simulatedS, 120, 0);
  });
});

describe('compareKeepAlive(scenario, run)', () => {
  it('orders policies on the 500-function trace: none is coldest, long fixed wastes most, hybrid sits on the frontier', async () => {
    const { compareKeepAlive } = await import('../../src/engine/compareKeepAlive.ts');
    const trace = parse('azure2019/invitro_500fn_8h/invocations.csv');
    const rows = compareKeepAlive(traceScenario(), (s) => simulateTrace(s, trace));
    const byLabel = new Map(rows.map((r) => [r.label, r]));
    const none = byLabel.get('none (always cold)')!;
    const f10 = byLabel.get('fixed 10 min')!;
    const f60 = byLabel.get('fixed 60 min')!;
    const hybrid = byLabel.get('hybrid histogram')!;
    expect(none.coldStartRatio).toBe(1);
    assertInDelta(none.wastedGbSeconds, 0, 1e-9, 'none keeps nothing warm');
    // Longer fixed keep-alive: fewer cold starts, more idle memory (monotone in the window).
    expect(f60.coldStartRatio).toBeLessThan(f10.coldStartRatio);
    expect(f60.wastedGbSeconds).toBeGreaterThan(f10.wastedGbSeconds);
    // The paper's headline (Shahrad et al. §5): most functions are invoked every few minutes or
    // less often, so with fixed 10 min the 75th-percentile function is cold on (nearly) every
    // request, while the hybrid histogram pre-warms it; and it wastes less memory than fixed 60 min.
    expect(f10.p75FunctionColdStartRatio).toBeGreaterThan(0.9);
    expect(hybrid.p75FunctionColdStartRatio).toBeLessThan(0.5 * f10.p75FunctionColdStartRatio);
    expect(hybrid.wastedGbSeconds).toBeLessThan(f60.wastedGbSeconds);
    expect(rows.some((r) => r.pareto)).toBe(true);
    // On the paper's measure (the 75th-percentile function) the hybrid histogram is on the frontier.
    expect(hybrid.paretoP75Function).toBe(true);
  });
});
