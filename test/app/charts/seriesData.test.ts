import { describe, expect, it } from 'vitest';
import { seriesRows, timeAxisFor } from '../../../src/charts/seriesData.ts';
import type { Series } from '../../../src/engine/report.ts';

describe('seriesData', () => {
  it('timeAxisFor picks minutes, hours or days from the run length', () => {
    expect(timeAxisFor(3600).unit).toBe('min');
    expect(timeAxisFor(86_400)).toEqual({ perUnit: 3600, unit: 'h' });
    expect(timeAxisFor(30 * 86_400).unit).toBe('days');
  });

  it('seriesRows sums counts and averages instance levels over equal spans', () => {
    const series: Series = {
      intervalS: 60,
      t: [0, 60, 120, 180],
      arrivals: [1, 2, 3, 4],
      coldStarts: [1, 0, 0, 1],
      throttled: [0, 0, 2, 0],
      busy: [1, 3, 2, 2],
      live: [2, 4, 4, 4],
      livePeak: [2, 5, 4, 6],
      p95Ms: [0, 0, 0, 0]
    };
    const rows = seriesRows(series, 2);
    // Rows of two intervals: arrivals 1+2, 3+4; busy (1+3)/2, (2+2)/2; live peak max.
    expect(rows).toEqual([
      {
        fromS: 0,
        toS: 120,
        arrivals: 3,
        coldStarts: 1,
        throttled: 0,
        busy: 2,
        live: 3,
        livePeak: 5
      },
      {
        fromS: 120,
        toS: 240,
        arrivals: 7,
        coldStarts: 1,
        throttled: 2,
        busy: 2,
        live: 4,
        livePeak: 6
      }
    ]);
    // Only intervals the run has covered.
    expect(seriesRows(series, 10, 100)).toHaveLength(2);
  });
});
