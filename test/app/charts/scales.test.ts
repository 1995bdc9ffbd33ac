import { describe, expect, it } from 'vitest';
import { buildScale, extentOf, ticksFor } from '../../../src/charts/scales.ts';

describe('scales', () => {
  it('buildScale({type: log}) maps decades evenly across the range', () => {
    const x = buildScale({ type: 'log', domain: [1, 1000], nice: false }, [0, 300]);
    // log10(10)/log10(1000) × 300 = 100 (theory).
    expect(x(10)).toBeCloseTo(100, 9);
  });

  it('buildScale repairs domains a scale cannot draw', () => {
    // A log domain starting at 0 starts a decade below its end instead.
    expect(buildScale({ type: 'log', domain: [0, 100], nice: false }, [0, 1]).domain()).toEqual([
      10, 100
    ]);
    // An empty linear domain becomes [0, 1] so the plot has height.
    expect(buildScale({ type: 'linear', domain: [0, 0], nice: false }, [0, 1]).domain()).toEqual([
      0, 1
    ]);
  });

  it('ticksFor(log scale) gives 1-2-5 steps over few decades and powers of ten over many', () => {
    const few = buildScale({ type: 'log', domain: [1, 100], nice: false }, [0, 1]);
    expect(ticksFor(few)).toEqual([1, 2, 5, 10, 20, 50, 100]);
    const many = buildScale({ type: 'log', domain: [1e3, 1e10], nice: false }, [0, 1]);
    expect(ticksFor(many, 5)).toEqual([1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10]);
  });

  it('extentOf ignores non-finite values and falls back when nothing is left', () => {
    expect(extentOf([3, NaN, -1, Infinity, 2])).toEqual([-1, 3]);
    expect(extentOf([NaN], [5, 6])).toEqual([5, 6]);
  });
});
