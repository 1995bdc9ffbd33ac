import { describe, expect, it } from 'vitest';
import {
  costTable,
  latencyTable,
  reportTable,
  timelineTable,
  toCsv,
  toJsonRows
} from '../../../src/app/share/chartData.ts';
import { simulate } from '../../../src/engine/simulate.ts';
import { restoreScenario } from '../../../src/scenario/restore.ts';

const r = restoreScenario({ seed: 2, durationS: 1800, traffic: { kind: 'poisson', ratePerS: 2 } });
if (!r.ok) throw new Error('scenario');
const report = simulate(r.scenario);

describe('chart data tables', () => {
  it('latencyTable counts every request once, and its last cumulative share is 1', () => {
    const t = latencyTable(report);
    const counted = t.rows.reduce((n, row) => n + (row[2] as number) + (row[3] as number), 0);
    expect(counted).toBe(report.invocations);
    expect(t.rows.at(-1)![4]).toBeCloseTo(1, 12);
  });

  it('costTable ends with the totals of the bill (run and month)', () => {
    const t = costTable(report);
    expect(t.rows.at(-1)).toEqual([
      'Total',
      '',
      '',
      '',
      report.cost!.totalUsd,
      report.cost!.monthly!.totalUsd
    ]);
    // Items add up to the total (the bill's own definition), to float precision.
    const sum = t.rows.slice(0, -1).reduce((s, row) => s + (row[4] as number), 0);
    expect(sum).toBeCloseTo(report.cost!.totalUsd, 9);
  });

  it('timelineTable has one row per interval and reportTable names each headline number', () => {
    expect(timelineTable(report).rows).toHaveLength(report.series.t.length);
    expect(reportTable(report).rows.find((row) => row[0] === 'invocations')).toEqual([
      'invocations',
      report.invocations
    ]);
  });
});

describe('toCsv / toJsonRows', () => {
  const table = {
    columns: ['item', 'usd'],
    rows: [
      ['Requests, "API"', 1.5],
      ['Line\nbreak', Number.NaN]
    ]
  };

  it('quotes fields with commas, quotes and line breaks (RFC 4180), CRLF line ends, non-finite numbers empty', () => {
    expect(toCsv(table)).toBe('item,usd\r\n"Requests, ""API""",1.5\r\n"Line\nbreak",\r\n');
  });

  it('writes one object per row', () => {
    expect(JSON.parse(toJsonRows(table))).toEqual([
      { item: 'Requests, "API"', usd: 1.5 },
      { item: 'Line\nbreak', usd: null }
    ]);
  });
});
