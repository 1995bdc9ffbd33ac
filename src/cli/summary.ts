/** The short human summary `coldstart run` prints without --json. */
import type { Report } from '../engine/report.ts';
import type { TraceReport } from '../engine/simulateTrace.ts';
import type { Scenario, Traffic } from '../scenario/schema.ts';

/** formatSummary(report, scenario) returns a few aligned lines, ending with a newline. */
export function formatSummary(report: Report, scenario: Scenario): string {
  const { latencyMs: l, instances: i, cost } = report;
  const p = scenario.platform;
  const rows: [string, string][] = [
    [
      'scenario',
      `${describeTraffic(scenario.traffic)} · ${p.provider} ${int(scenario.function.memoryMb)} MB ` +
        `${scenario.function.runtime} ${p.arch} · ${duration(scenario.durationS)} · seed ${scenario.seed}`
    ],
    ['invocations', `${int(report.invocations)}   throttled ${int(report.throttled)}`],
    ['cold starts', `${int(report.coldStarts)} (${percent(report.coldStartRatio)})`],
    [
      'latency ms',
      `p50 ${ms(l.p50)}  p95 ${ms(l.p95)}  p99 ${ms(l.p99)}  mean ${ms(l.mean)}  max ${ms(l.max)}`
    ],
    [
      'instances',
      `mean ${dec(i.mean)} (busy ${dec(i.busyMean)}, idle ${dec(i.idleMean)})  peak ${int(i.peak)}`
    ],
    ['billed', `${dec(report.billedGbSeconds)} GB-s`],
    ['cost', cost ? describeCost(cost) : 'not available for this provider']
  ];
  if ('functions' in report) rows.push(...traceRows(report as TraceReport));
  return rows.map(([label, value]) => `${label.padEnd(12)} ${value}\n`).join('');
}

/** The trace's size and its busiest functions. */
function traceRows(r: TraceReport): [string, string][] {
  const t = r.trace;
  const rows: [string, string][] = [
    [
      'trace',
      `${t.format}: ${int(t.functionsSimulated)} of ${int(t.functionsInTrace)} functions, ${duration(t.horizonS)} replayed`
    ]
  ];
  const top = [...r.functions].sort((a, b) => b.invocations - a.invocations).slice(0, 5);
  for (const f of top) {
    rows.push([
      '  function',
      `${f.app ? `${f.app.slice(0, 8)}/` : ''}${f.id.slice(0, 12)}  ${int(f.invocations)} inv  cold ${percent(f.coldStartRatio)}  p95 ${ms(f.latencyMs.p95)} ms`
    ]);
  }
  return rows;
}

function describeCost(cost: NonNullable<Report['cost']>): string {
  const parts = [`${usd(cost.totalUsd)} total`];
  if (cost.monthly) parts.push(`${usd(cost.monthly.totalUsd)}/month`);
  if (cost.perMillionUsd !== null) parts.push(`${usd(cost.perMillionUsd)} per million requests`);
  return parts.join(' · ');
}

function describeTraffic(t: Traffic): string {
  switch (t.kind) {
    case 'constant':
    case 'poisson':
      return `${t.kind} ${dec(t.ratePerS)} req/s`;
    case 'diurnal':
      return `diurnal mean ${dec(t.meanRatePerS)} req/s, peak ×${dec(t.peakToMean)} at ${dec(t.peakHourUtc)}h UTC`;
    case 'bursts':
      return `bursts ${dec(t.baseRatePerS)} → ${dec(t.burstRatePerS)} req/s for ${dec(t.burstLengthS)} s every ${dec(t.burstEveryS)} s`;
    case 'trace':
      return `trace ${t.inline !== null ? '(inline)' : t.file.name}, ${t.select.mode === 'all' ? 'all functions' : t.select.mode === 'top' ? `top ${t.select.n} functions` : `function ${t.select.id}`}`;
  }
}

const EN = 'en-US';

/** 1,234,567 */
export function int(n: number): string {
  return Math.round(n).toLocaleString(EN);
}

/** 1,234.57 (two decimals at most). */
export function dec(n: number): string {
  return n.toLocaleString(EN, { maximumFractionDigits: 2 });
}

/** Milliseconds to one decimal below 100 ms, whole above. */
export function ms(n: number): string {
  return n.toLocaleString(EN, { maximumFractionDigits: n < 100 ? 1 : 0 });
}

/** 0.143 % (three significant digits). */
export function percent(ratio: number): string {
  return `${(ratio * 100).toLocaleString(EN, { maximumSignificantDigits: 3 })} %`;
}

/** $12.34, or four significant digits below a dollar ($0.004321). */
export function usd(n: number): string {
  const options =
    Math.abs(n) >= 1
      ? { minimumFractionDigits: 2, maximumFractionDigits: 2 }
      : { maximumSignificantDigits: 4 };
  return `$${n.toLocaleString(EN, options)}`;
}

function duration(s: number): string {
  if (s % 86_400 === 0) return `${int(s / 86_400)} d`;
  if (s % 3600 === 0) return `${int(s / 3600)} h`;
  return `${dec(s)} s`;
}
