import { describe, expect, it } from 'vitest';
import {
  fromRatePerS,
  requestsPerMonth,
  secondsPer,
  tidy,
  toRatePerS
} from '../../../src/app/state/units.ts';

describe('units', () => {
  it('secondsPer(unit) gives the seconds in each rate period, a month being monthHours hours', () => {
    // 60 s, 3,600 s, 86,400 s by definition; 730 h × 3,600 = 2,628,000 s; 744 h × 3,600 = 2,678,400 s.
    const table: [Parameters<typeof secondsPer>, number][] = [
      [['s'], 1],
      [['min'], 60],
      [['h'], 3600],
      [['day'], 86_400],
      [['month'], 2_628_000],
      [['month', 744], 2_678_400]
    ];
    for (const [args, expected] of table) expect(secondsPer(...args)).toBe(expected);
  });

  it('toRatePerS and fromRatePerS convert between a display unit and requests per second', () => {
    // 3 per minute = 3/60 = 0.05 per second (hand calculation).
    expect(toRatePerS(3, 'min')).toBeCloseTo(0.05, 12);
    // 0.05/s × 86,400 s = 4,320 per day.
    expect(fromRatePerS(0.05, 'day')).toBe(4320);
  });

  it('fromRatePerS(toRatePerS(v)) gives back exactly what was typed', () => {
    for (const [v, unit] of [
      [3, 'min'],
      [7, 'h'],
      [1000, 'day'],
      [2_600_000, 'month'],
      [0.1, 's']
    ] as const) {
      expect(fromRatePerS(toRatePerS(v, unit), unit)).toBe(v);
    }
  });

  it('tidy(x) removes float noise past 12 significant digits and leaves NaN alone', () => {
    expect(tidy(0.05 * 60)).toBe(3); // 3.0000000000000004 without tidy
    expect(tidy(Number.NaN)).toBeNaN();
  });

  it('requestsPerMonth(ratePerS) counts requests in a 730-hour month', () => {
    // 10/s × 730 h × 3,600 s/h = 26,280,000.
    expect(requestsPerMonth(10)).toBe(26_280_000);
  });
});
