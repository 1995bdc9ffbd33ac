import { describe, expect, it } from 'vitest';
import { paretoFrontier, policyPoints, shortPolicyLabel } from '../../../src/app/charts/keepAliveData.ts';
import type { KeepAliveRow } from '../../../src/engine/compareKeepAlive.ts';

const row = (label: string, coldStartRatio: number, wastedGbSeconds: number, pareto: boolean): KeepAliveRow => ({
  label,
  keepAlive: { policy: 'fixed' },
  keepAliveS: null,
  coldStartRatio,
  p75FunctionColdStartRatio: coldStartRatio,
  wastedGbSeconds,
  totalUsd: 1,
  pareto
});

describe('keep-alive chart data', () => {
  it('shortPolicyLabel(label) keeps what tells the policies apart', () => {
    const table = [
      { label: 'none (always cold)', expected: 'none' },
      { label: 'fixed 1 min', expected: '1 min' },
      { label: 'fixed 60 min', expected: '60 min' },
      { label: 'hybrid histogram', expected: 'hybrid' },
      { label: 'something else', expected: 'something else' }
    ];
    for (const { label, expected } of table) expect(shortPolicyLabel(label)).toBe(expected);
  });

  it('paretoFrontier(rows) keeps the Pareto rows by increasing wasted memory, so the line steps down', () => {
    const rows = [
      row('fixed 60 min', 0.001, 900, true),
      row('none (always cold)', 1, 0, true),
      row('fixed 10 min', 0.01, 400, false),
      row('hybrid histogram', 0.005, 300, true)
    ];
    expect(paretoFrontier(rows).map((r) => r.label)).toEqual(['none (always cold)', 'hybrid histogram', 'fixed 60 min']);
    expect(policyPoints(rows).map((p) => p.short)).toEqual(['60 min', 'none', '10 min', 'hybrid']);
  });
});
