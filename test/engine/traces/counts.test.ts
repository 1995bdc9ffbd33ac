import { describe, expect, it } from 'vitest';
import { createSource } from '../../../src/engine/rng.ts';
import { createCountsParser } from '../../../src/engine/traces/createCountsParser.ts';
import { createTraceParser } from '../../../src/engine/traces/createTraceParser.ts';
import { countsCursor, expandCounts } from '../../../src/engine/traces/expandCounts.ts';
import type { Trace } from '../../../src/engine/traces/traceModel.ts';
import { assertInDelta } from '../../helpers.ts';
import { parseInChunks } from './chunks.ts';

function counts(trace: Trace, i = 0): number[] {
  const a = trace.functions[i].arrivals;
  if (a.kind !== 'counts') throw new Error('expected counts');
  return Array.from(a.counts);
}

describe('per-interval counts', () => {
  it('a count column alone: one row per interval of 60 s', () => {
    const trace = parseInChunks(createTraceParser(), 'count\n3\n0\n5\n');
    expect(trace.format).toBe('counts');
    expect(counts(trace)).toEqual([3, 0, 5]);
    expect(trace.invocations).toBe(8);
    expect(trace.durationS).toBe(180);
  });

  it('a minute column: gaps become zero intervals, unsorted rows are placed by time', () => {
    const trace = parseInChunks(createTraceParser(), 'minute,invocations\n10,2\n13,1\n11,4\n');
    expect(counts(trace)).toEqual([2, 4, 0, 1]);
    expect(trace.startS).toBe(600);
    expect(trace.functions[0].arrivals).toMatchObject({ intervalS: 60 });
  });

  it('a time column in seconds sets the interval to the smallest gap, unless intervalS is given', () => {
    const auto = parseInChunks(createTraceParser(), 'time,count\n0,1\n300,2\n900,3\n');
    expect(counts(auto)).toEqual([1, 2, 0, 3]); // interval 300 s
    const forced = parseInChunks(
      createCountsParser({ intervalS: 100 }),
      'time,count\n0,1\n300,2\n'
    );
    expect(counts(forced)).toEqual([1, 0, 0, 2]);
    expect(() =>
      parseInChunks(createCountsParser({ intervalS: 200 }), 'time,count\n0,1\n300,2\n')
    ).toThrow(
      'line 3, column "time": time is 1.500 intervals of 200 s after the first; must be a whole number'
    );
  });

  it('a function column makes one series per function over the same intervals', () => {
    const trace = parseInChunks(
      createTraceParser(),
      'function,minute,count\nA,0,1\nB,0,2\nA,1,3\n'
    );
    expect(trace.functions.map((f) => f.id)).toEqual(['A', 'B']);
    expect(counts(trace, 0)).toEqual([1, 3]);
    expect(counts(trace, 1)).toEqual([2, 0]);
  });
});

describe('spreading counts within intervals', () => {
  it('expandCounts puts counts[i] sorted arrivals in [i·T, (i+1)·T)', () => {
    const c = [5, 0, 3, 1];
    const t = expandCounts(c, 10, createSource(3, 1));
    expect(t.length).toBe(9);
    expect(Array.from(t.map((x) => Math.floor(x / 10)))).toEqual([0, 0, 0, 0, 0, 2, 2, 2, 3]);
    for (let i = 1; i < t.length; i++) expect(t[i]).toBeGreaterThanOrEqual(t[i - 1]);
  });

  it('the same seed gives the same arrivals; startS shifts them', () => {
    const a = expandCounts([4, 2], 60, createSource(9, 1));
    const b = expandCounts([4, 2], 60, createSource(9, 1), 1000);
    expect(Array.from(b)).toEqual(Array.from(a).map((x) => x + 1000));
  });

  it('arrivals are uniform within an interval: mean T/2, variance T²/12, CDF within 1 % (10,000 samples)', () => {
    const n = 10_000;
    const t = expandCounts([n], 1, createSource(1, 1));
    let m = 0;
    for (const x of t) m += x;
    m /= n;
    let v = 0;
    for (const x of t) v += (x - m) ** 2;
    v /= n;
    // Uniform(0,1): mean 0.5 (σ/√n ≈ 0.003), variance 1/12 ≈ 0.0833.
    assertInDelta(m, 0.5, 0.01, 'mean');
    assertInDelta(v, 1 / 12, 0.003, 'variance');
    // Sorted sample: the k-th value is near k/n (Kolmogorov–Smirnov 99 % bound 1.63/√n ≈ 0.016).
    let ks = 0;
    for (let k = 0; k < n; k++) ks = Math.max(ks, Math.abs(t[k] - (k + 0.5) / n));
    expect(ks).toBeLessThan(0.0163);
  });

  it('the cursor returns Infinity when done and counts what remains', () => {
    const c = countsCursor([2, 1], 60, createSource(1, 1));
    expect(c.remaining).toBe(3);
    c.next();
    expect(c.remaining).toBe(2);
    c.next();
    c.next();
    expect(c.next()).toBe(Infinity);
  });
});
