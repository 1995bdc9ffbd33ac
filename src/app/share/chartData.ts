/** Each chart's data, and the report's headline numbers, as plain tables for CSV and JSON export. */
import type { Report } from '../../engine/report.ts';
import type { Comparison, SweepPoint } from '../../worker/types.ts';

/** A table: column names and rows of numbers or text. */
export interface Table {
  columns: string[];
  rows: (number | string)[][];
}

/** The report's headline numbers, one metric per row. */
export function reportTable(report: Report): Table {
  const l = report.latencyMs;
  const rows: [string, number | string][] = [
    ['simulated_s', report.simulatedS],
    ['arrivals', report.arrivals],
    ['invocations', report.invocations],
    ['cold_starts', report.coldStarts],
    ['cold_start_ratio', report.coldStartRatio],
    ['throttled', report.throttled],
    ['latency_mean_ms', l.mean],
    ['latency_p50_ms', l.p50],
    ['latency_p95_ms', l.p95],
    ['latency_p99_ms', l.p99],
    ['latency_p999_ms', l.p999],
    ['latency_max_ms', l.max],
    ['instances_mean', report.instances.mean],
    ['instances_peak', report.instances.peak],
    ['billed_gb_s', report.billedGbSeconds],
    ['idle_gb_s', report.idleGbSeconds],
    ['cost_total_usd', report.cost?.totalUsd ?? ''],
    [
      'cost_monthly_usd',
      report.cost ? (report.cost.monthly?.totalUsd ?? report.cost.totalUsd) : ''
    ],
    ['cost_per_million_usd', report.cost?.perMillionUsd ?? '']
  ];
  return { columns: ['metric', 'value'], rows };
}

/** Latency histogram: each log-spaced bin with warm and cold counts and the cumulative share. */
export function latencyTable(report: Report): Table {
  const h = report.histogram;
  const total = h.warm.reduce((a, b) => a + b, 0) + h.cold.reduce((a, b) => a + b, 0);
  let running = 0;
  const rows: number[][] = [];
  for (let i = 0; i < h.warm.length; i++) {
    const n = (h.warm[i] ?? 0) + (h.cold[i] ?? 0);
    running += n;
    if (n === 0) continue;
    rows.push([
      h.edgesMs[i]!,
      h.edgesMs[i + 1]!,
      h.warm[i] ?? 0,
      h.cold[i] ?? 0,
      total > 0 ? running / total : 0
    ]);
  }
  return { columns: ['from_ms', 'to_ms', 'warm', 'cold', 'share_at_or_below'], rows };
}

/** The bill: each line item for the run and projected to a month. */
export function costTable(report: Report): Table {
  const cost = report.cost;
  if (!cost) return { columns: ['item'], rows: [] };
  const factor = cost.monthly?.factor ?? 1;
  return {
    columns: ['item', 'quantity', 'unit', 'unit_price_usd', 'run_usd', 'monthly_usd'],
    rows: [
      ...cost.lineItems.map((li) => [
        li.label,
        li.quantity,
        li.unit,
        li.unitPriceUsd,
        li.usd,
        li.usd * factor
      ]),
      ['Total', '', '', '', cost.totalUsd, cost.monthly?.totalUsd ?? cost.totalUsd]
    ]
  };
}

/** The per-interval series behind the timeline chart. */
export function timelineTable(report: Report): Table {
  const s = report.series;
  return {
    columns: [
      't_s',
      'arrivals',
      'cold_starts',
      'throttled',
      'busy_instances',
      'live_instances',
      'live_peak',
      'p95_ms'
    ],
    rows: s.t.map((t, i) => [
      t,
      s.arrivals[i]!,
      s.coldStarts[i]!,
      s.throttled[i]!,
      s.busy[i]!,
      s.live[i]!,
      s.livePeak[i]!,
      s.p95Ms[i]!
    ])
  };
}

/** The memory sweep, one size per row. */
export function memoryTable(points: readonly SweepPoint[]): Table {
  return {
    columns: [
      'memory_mb',
      'monthly_usd',
      'mean_ms',
      'p50_ms',
      'p95_ms',
      'p99_ms',
      'cold_start_ratio',
      'throttled'
    ],
    rows: points.map((p) => [
      p.memoryMb,
      p.monthlyUsd,
      p.meanMs,
      p.p50Ms,
      p.p95Ms,
      p.p99Ms,
      p.coldStartRatio,
      p.throttled
    ])
  };
}

/** Break-even curves: both monthly bills at each traffic level, per always-on option. */
export function breakEvenTable(comparison: Comparison): Table {
  return {
    columns: ['option', 'requests_per_month', 'faas_usd', 'always_on_usd'],
    rows: comparison.curves.flatMap((c) =>
      c.points.map((p) => [c.label, p.requestsPerMonth, p.faasUsd, p.alwaysOnUsd])
    )
  };
}

/** RFC 4180 CSV: comma-separated, CRLF line ends, fields with commas, quotes or line breaks quoted. */
export function toCsv(table: Table): string {
  const cell = (v: number | string) => {
    const text = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [table.columns, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** The table as JSON: an array of objects keyed by column. */
export function toJsonRows(table: Table): string {
  const objects = table.rows.map((row) =>
    Object.fromEntries(table.columns.map((c, i) => [c, row[i] ?? null]))
  );
  return `${JSON.stringify(objects, null, 2)}\n`;
}
