import { describe, expect, it } from 'vitest';
import {
  fmtCount,
  fmtDurationS,
  fmtMb,
  fmtMs,
  fmtPct,
  fmtUsd
} from '../../../src/charts/format.ts';

describe('format', () => {
  it('formats each kind of number the way the charts print it', () => {
    const table: [string, string][] = [
      [fmtUsd(43.7612), '$43.76'],
      [fmtUsd(12_345.6), '$12,346'],
      [fmtUsd(0.0038), '$0.0038'],
      [fmtUsd(-5), '−$5.00'],
      [fmtCount(26_280_000), '26.3M'],
      [fmtCount(2.5e9), '2.5B'],
      [fmtCount(9.3), '9.3'],
      [fmtMs(120), '120 ms'],
      [fmtMs(1234), '1.23 s'],
      [fmtPct(0.00012), '0.012 %'],
      [fmtPct(0.23), '23 %'],
      [fmtMb(10_240), '10,240 MB'],
      [fmtMb(512), '512 MB'],
      [fmtDurationS(86_400), '24 h'],
      [fmtDurationS(300), '5 min']
    ];
    for (const [got, expected] of table) expect(got).toBe(expected);
  });
});
