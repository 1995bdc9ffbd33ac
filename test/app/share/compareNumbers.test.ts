import { describe, expect, it } from 'vitest';
import {
  diffSentence,
  headlineDiffs,
  relativeChange
} from '../../../src/app/share/compareNumbers.ts';
import type { Report } from '../../../src/engine/report.ts';

/** A report with only the fields headlineDiffs reads. */
function report(
  monthlyUsd: number,
  p: [number, number, number],
  coldStartRatio: number,
  throttled: number
): Report {
  return {
    latencyMs: { count: 1, mean: 0, p50: p[0], p95: p[1], p99: p[2], p999: 0, max: 0 },
    coldStartRatio,
    throttled,
    cost: { totalUsd: monthlyUsd / 30, monthly: { factor: 30, totalUsd: monthlyUsd } }
  } as unknown as Report;
}

describe('relativeChange(a, b)', () => {
  it.each([
    // Hand calculations: (b − a) / a, whole percent from 10 % up, one decimal below.
    [{ a: 100, b: 62 }, '−38 %'],
    [{ a: 100, b: 108.1 }, '+8.1 %'],
    [{ a: 200, b: 200 }, 'same'],
    [{ a: 0, b: 5 }, 'new (A was 0)'],
    [{ a: 1000, b: 1000.0001 }, 'same']
  ])('%o → %s', ({ a, b }, expected) => {
    expect(relativeChange(a, b)).toBe(expected);
  });
});

describe('headlineDiffs(a, b)', () => {
  const a = report(152.6, [100, 400, 1000], 0.02, 0);
  const b = report(165, [90, 300, 620], 0.005, 3);
  const rows = headlineDiffs(a, b);
  const byId = Object.fromEntries(rows.map((r) => [r.id, r]));

  it('says each change in words, with the sign people read', () => {
    // 165 − 152.6 = +12.40 $/month = +8.1 % of 152.6.
    expect(byId.cost!.change).toBe('+$12.40/month (+8.1 %)');
    expect(byId.cost!.better).toBe(false);
    // (620 − 1000) / 1000 = −38 %.
    expect(byId.p99!.change).toBe('−38 %');
    expect(byId.p99!.better).toBe(true);
    // 0.5 % − 2 % = −1.5 percentage points.
    expect(byId.cold!.change).toBe('−1.5 pts');
    expect(byId.throttled!.change).toBe('+3');
  });

  it('diffSentence leads with p99, then cost and cold starts', () => {
    expect(diffSentence(rows)).toBe('p99 −38 %, cost +$12.40/month (+8.1 %), cold starts −1.5 pts');
    expect(diffSentence(headlineDiffs(a, a))).toBe(
      'B and A give the same p99, cost and cold starts.'
    );
  });
});
