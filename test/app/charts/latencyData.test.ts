import { describe, expect, it } from 'vitest';
import { cdfOf, latencyCdfs } from '../../../src/charts/latencyData.ts';

describe('latencyData', () => {
  it('cdfOf(edges, counts) accumulates shares at upper edges, skipping empty outer bins', () => {
    // counts 0, 1, 3, 0 over edges 1, 2, 4, 8, 16: shares 1/4 at 4 ms and 4/4 at 8 ms (hand calculation).
    const cdf = cdfOf([1, 2, 4, 8, 16], [0, 1, 3, 0]);
    expect(cdf.xs).toEqual([2, 4, 8]);
    expect(cdf.ys).toEqual([0, 0.25, 1]);
    expect(cdf.total).toBe(4);
  });

  it('cdfOf of an empty group is empty', () => {
    expect(cdfOf([1, 2], [0])).toEqual({ xs: [], ys: [], total: 0 });
  });

  it('latencyCdfs adds cold and warm for all requests', () => {
    const { all, cold, warm } = latencyCdfs({ edgesMs: [1, 2, 4], cold: [0, 2], warm: [2, 0] });
    expect(all.total).toBe(4);
    expect(all.ys).toEqual([0, 0.5, 1]);
    expect(cold.xs).toEqual([2, 4]);
    expect(warm.xs).toEqual([1, 2]);
  });
});
