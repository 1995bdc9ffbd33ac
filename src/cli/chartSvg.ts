/**
 * Static SVG charts for `coldstart run --svg DIR`: the app's pure chart modules (scales, CDF data,
 * time axis, number formats) drawn as strings, in the app's light theme, with title and legend.
 */
import { curveLinear, curveStepAfter, line } from 'd3-shape';
import { fmtMs, fmtMsTick, fmtUsd, fmtUsdTick, fmtCount } from '../charts/format.ts';
import { latencyCdfs } from '../charts/latencyData.ts';
import { buildScale, extentOf, ticksFor, type NumScale, type ScaleSpec } from '../charts/scales.ts';
import { timeAxisFor } from '../charts/seriesData.ts';
import type { BreakEvenCurve } from '../engine/alwaysOn/breakEven.ts';
import type { Report } from '../engine/report.ts';

/** The app's light theme (src/app/app.css), so files look like the page. */
export const THEME = {
  bg: '#ffffff',
  fg: '#1c2330',
  muted: '#5a6475',
  grid: '#eceef2',
  all: '#1c2330',
  warm: '#2f7ed8',
  cold: '#d9480f',
  rule: '#7a4fd1',
  arrivals: '#2f7ed8',
  live: '#9cc3ee',
  busy: '#1b4f91',
  cost: '#2b8a3e',
  credit: '#9aa3b0',
  faas: '#d9480f',
  options: ['#2f7ed8', '#2b8a3e', '#7a4fd1', '#c2255c', '#0c8599']
};
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

export interface LegendItem {
  label: string;
  color: string;
  shape?: 'line' | 'dashed' | 'rect';
}

interface Plot {
  width: number;
  height: number;
  pad: { top: number; right: number; bottom: number; left: number };
}

const esc = (t: string) => t.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const n1 = (v: number) => (Number.isFinite(v) ? Math.round(v * 10) / 10 : 0);

/** A whole chart: background, title, legend, then the plot body translated below them. */
export function chartDocument(
  title: string,
  legend: LegendItem[],
  plot: Plot,
  body: string,
  note = ''
): string {
  const legendY = 46;
  let x = 12;
  const items = legend.map((item) => {
    const mark =
      item.shape === 'rect'
        ? `<rect x="${x}" y="${legendY - 6}" width="12" height="12" fill="${item.color}" opacity="0.8"/>`
        : `<line x1="${x}" x2="${x + 16}" y1="${legendY}" y2="${legendY}" stroke="${item.color}" stroke-width="3"${item.shape === 'dashed' ? ' stroke-dasharray="5 3"' : ''}/>`;
    const text = `<text x="${x + 22}" y="${legendY}" dy="0.32em" font-size="12" fill="${THEME.muted}">${esc(item.label)}</text>`;
    x += 22 + item.label.length * 7.2 + 16;
    return mark + text;
  });
  const top = 64;
  const noteH = note ? 22 : 0;
  const height = top + plot.height + noteH + 8;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${plot.width}" height="${height}" viewBox="0 0 ${plot.width} ${height}" font-family="${esc(FONT)}">\n` +
    `<rect width="100%" height="100%" fill="${THEME.bg}"/>\n` +
    `<text x="12" y="26" font-size="16" font-weight="600" fill="${THEME.fg}">${esc(title)}</text>\n` +
    `${items.join('')}\n` +
    `<g transform="translate(${plot.pad.left},${top + plot.pad.top})">\n${body}</g>\n` +
    (note
      ? `<text x="12" y="${top + plot.height + 14}" font-size="12" fill="${THEME.muted}">${esc(note)}</text>\n`
      : '') +
    `</svg>\n`
  );
}

function inner(plot: Plot) {
  return {
    w: plot.width - plot.pad.left - plot.pad.right,
    h: plot.height - plot.pad.top - plot.pad.bottom
  };
}

function axisX(
  x: NumScale,
  w: number,
  h: number,
  label: string,
  format: (v: number) => string,
  opts: { grid?: boolean; ticks?: number } = {}
): string {
  const ticks = ticksFor(x, opts.ticks ?? 6)
    .map((v) => {
      const px = n1(x(v));
      const grid = opts.grid
        ? `<line x1="${px}" x2="${px}" y1="${-h}" y2="0" stroke="${THEME.grid}"/>`
        : '';
      return `<g transform="translate(${px},${h})">${grid}<line y2="5" stroke="${THEME.muted}" stroke-opacity="0.6"/><text y="17" text-anchor="middle" font-size="11" fill="${THEME.muted}">${esc(format(v))}</text></g>`;
    })
    .join('');
  return (
    `<g class="axis-x">${ticks}<line x1="0" x2="${n1(w)}" y1="${n1(h)}" y2="${n1(h)}" stroke="${THEME.muted}" stroke-opacity="0.6"/>` +
    `<text x="${n1(w / 2)}" y="${n1(h + 36)}" text-anchor="middle" font-size="12" fill="${THEME.fg}">${esc(label)}</text></g>\n`
  );
}

function axisY(
  y: NumScale,
  w: number,
  h: number,
  label: string,
  format: (v: number) => string,
  ticks = 5
): string {
  const marks = ticksFor(y, ticks)
    .map((v) => {
      const py = n1(y(v));
      return `<g transform="translate(0,${py})"><line x2="${n1(w)}" stroke="${THEME.grid}"/><line x2="-5" stroke="${THEME.muted}" stroke-opacity="0.6"/><text x="-8" dy="0.32em" text-anchor="end" font-size="11" fill="${THEME.muted}">${esc(format(v))}</text></g>`;
    })
    .join('');
  return (
    `<g class="axis-y">${marks}<line y1="0" y2="${n1(h)}" stroke="${THEME.muted}" stroke-opacity="0.6"/>` +
    `<text transform="translate(-44,${n1(h / 2)}) rotate(-90)" text-anchor="middle" font-size="12" fill="${THEME.fg}">${esc(label)}</text></g>\n`
  );
}

function path(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  x: NumScale,
  y: NumScale,
  stroke: string,
  opts: { step?: boolean; dashed?: boolean; width?: number } = {}
): string {
  const index = Array.from({ length: Math.min(xs.length, ys.length) }, (_, i) => i);
  const d =
    line<number>()
      .defined(
        (i) => Number.isFinite(ys[i]!) && Number.isFinite(y(ys[i]!)) && Number.isFinite(x(xs[i]!))
      )
      .x((i) => n1(x(xs[i]!)))
      .y((i) => n1(y(ys[i]!)))
      .curve(opts.step ? curveStepAfter : curveLinear)(index) ?? '';
  if (!d) return '';
  return `<path d="${d}" fill="none" stroke="${stroke}" stroke-width="${opts.width ?? 2}" stroke-linejoin="round"${opts.dashed ? ' stroke-dasharray="5 3"' : ''}/>\n`;
}

/** A dashed vertical rule with its label: near the bottom (stacked by `row`), or at the top, left of the rule. */
function rule(xPx: number, h: number, text: string, row: number | 'top'): string {
  const label =
    row === 'top'
      ? `<text x="${n1(xPx - 4)}" y="10" text-anchor="end" font-size="11" fill="${THEME.rule}" paint-order="stroke" stroke="${THEME.bg}" stroke-width="3">${esc(text)}</text>`
      : `<text x="${n1(xPx + 4)}" y="${n1(h - 6 - row * 14)}" font-size="11" fill="${THEME.rule}" paint-order="stroke" stroke="${THEME.bg}" stroke-width="3">${esc(text)}</text>`;
  return `<g><line x1="${n1(xPx)}" x2="${n1(xPx)}" y1="0" y2="${n1(h)}" stroke="${THEME.rule}" stroke-dasharray="4 3" stroke-width="1.25"/>${label}</g>\n`;
}

const scale = (spec: ScaleSpec, range: [number, number]) => buildScale(spec, range);

/** Latency CDF: all, warm and cold requests, with p50/p95/p99 marked (as the app's LatencyChart). */
export function latencySvg(report: Report, width = 640): string {
  const plot: Plot = { width, height: 240, pad: { top: 12, right: 16, bottom: 42, left: 60 } };
  const { w, h } = inner(plot);
  const cdfs = latencyCdfs(report.histogram);
  const x = scale({ type: 'log', domain: extentOf([...cdfs.all.xs], [1, 1000]) }, [0, w]);
  const y = scale({ type: 'linear', domain: [0, 1], nice: false }, [h, 0]);
  const l = report.latencyMs;
  const body =
    axisY(y, w, h, 'Requests at or below (%)', (v) => `${Math.round(v * 100)}`) +
    axisX(x, w, h, 'Latency (ms, log scale)', fmtMsTick, { grid: true }) +
    rule(x(l.p50), h, `p50 ${fmtMs(l.p50)}`, 2) +
    rule(x(l.p95), h, `p95 ${fmtMs(l.p95)}`, 1) +
    rule(x(l.p99), h, `p99 ${fmtMs(l.p99)}`, 0) +
    path(cdfs.warm.xs, cdfs.warm.ys, x, y, THEME.warm, { step: true }) +
    path(cdfs.cold.xs, cdfs.cold.ys, x, y, THEME.cold, { step: true, dashed: true }) +
    path(cdfs.all.xs, cdfs.all.ys, x, y, THEME.all, { step: true });
  return chartDocument(
    'Latency',
    [
      { label: 'All requests', color: THEME.all },
      { label: 'Warm', color: THEME.warm },
      { label: 'Cold start', color: THEME.cold, shape: 'dashed' },
      { label: 'p50 / p95 / p99 (all)', color: THEME.rule, shape: 'dashed' }
    ],
    plot,
    body,
    `${report.invocations.toLocaleString('en-US')} requests; ${(report.coldStartRatio * 100).toPrecision(3)} % met a cold start.`
  );
}

/** The bill per month: one bar per line item and the monthly total (as the app's CostChart). */
export function costSvg(report: Report, providerLabel: string, width = 640): string {
  const cost = report.cost;
  const factor = cost?.monthly?.factor ?? 1;
  const total = cost ? (cost.monthly?.totalUsd ?? cost.totalUsd) : 0;
  const rows = (cost?.lineItems ?? []).map((li) => ({
    label: li.label,
    value: li.usd * factor,
    credit: li.usd < 0
  }));
  const longest = Math.max(0, ...rows.map((r) => r.label.length));
  const plot: Plot = {
    width,
    height: Math.max(90, 30 * rows.length + 50),
    pad: { top: 16, right: 80, bottom: 42, left: Math.max(130, 16 + longest * 7) }
  };
  const { w, h } = inner(plot);
  const x = scale(
    {
      type: 'linear',
      domain: [
        Math.min(0, ...rows.map((r) => r.value)),
        Math.max(total, ...rows.map((r) => r.value), 1e-6)
      ]
    },
    [0, w]
  );
  const y = scale({ type: 'linear', domain: [0, Math.max(1, rows.length)], nice: false }, [h, 0]);
  const band = Math.abs(y(0) - y(1));
  const bars = rows
    .map((r, i) => {
      const x0 = x(0);
      const x1 = x(r.value);
      const top = y(rows.length - i);
      return (
        `<rect x="${n1(Math.min(x0, x1))}" y="${n1(top + band * 0.18)}" width="${n1(Math.max(1, Math.abs(x1 - x0)))}" height="${n1(band * 0.64)}" fill="${r.credit ? THEME.credit : THEME.cost}"/>` +
        `<text x="-8" y="${n1(top + band / 2)}" dy="0.32em" text-anchor="end" font-size="12" fill="${THEME.fg}">${esc(r.label)}</text>` +
        `<text x="${n1(Math.max(x0, x1) + 4)}" y="${n1(top + band / 2)}" dy="0.32em" font-size="12" fill="${THEME.fg}">${esc(fmtUsd(r.value))}</text>\n`
      );
    })
    .join('');
  const body =
    axisX(x, w, h, 'USD per month', fmtUsdTick, { grid: true, ticks: 5 }) +
    bars +
    rule(x(total), h, `total ${fmtUsd(total)}`, 'top');
  return chartDocument(
    'Monthly cost',
    [
      { label: 'Charge', color: THEME.cost, shape: 'rect' },
      { label: 'Free tier (credit)', color: THEME.credit, shape: 'rect' },
      { label: 'Monthly total', color: THEME.rule, shape: 'dashed' }
    ],
    plot,
    body,
    cost
      ? `About ${fmtUsd(total)} a month on ${providerLabel}.`
      : 'This provider cannot be billed for this scenario.'
  );
}

/** Arrivals per second and live / busy instances over the run (the app's "Over time" chart, two panels). */
export function timelineSvg(report: Report, durationS: number, width = 820): string {
  const s = report.series;
  const axis = timeAxisFor(durationS);
  const xs = s.t.map((t) => t / axis.perUnit);
  const panelH = 150;
  const plot: Plot = {
    width,
    height: panelH * 2 + 40,
    pad: { top: 12, right: 16, bottom: 42, left: 60 }
  };
  const w = width - plot.pad.left - plot.pad.right;
  const h = panelH - 30;
  const x = scale({ type: 'linear', domain: [0, durationS / axis.perUnit], nice: false }, [0, w]);
  const perS = s.arrivals.map((a) => a / s.intervalS);
  const y1 = scale({ type: 'linear', domain: [0, Math.max(1e-9, ...perS)] }, [h, 0]);
  const y2 = scale({ type: 'linear', domain: [0, Math.max(1, ...s.live, ...s.busy)] }, [h, 0]);
  const top =
    axisY(y1, w, h, 'req/s', fmtCount, 4) +
    path(xs, perS, x, y1, THEME.arrivals, { step: true, width: 1.5 });
  const bottom =
    axisY(y2, w, h, 'instances', fmtCount, 4) +
    axisX(x, w, h, `Time (${axis.unit})`, (v) => fmtCount(v), { grid: false }) +
    path(xs, s.live, x, y2, THEME.live, { step: true, width: 2 }) +
    path(xs, s.busy, x, y2, THEME.busy, { step: true, width: 1.5 });
  return chartDocument(
    'Over time',
    [
      { label: 'Arrivals (req/s)', color: THEME.arrivals },
      { label: 'Live instances (busy + idle warm)', color: THEME.live },
      { label: 'Busy instances', color: THEME.busy }
    ],
    plot,
    `${top}<g transform="translate(0,${panelH + 10})">${bottom}</g>\n`
  );
}

/** The function's monthly bill against each always-on option across traffic (log-log). */
export function breakEvenSvg(
  curves: BreakEvenCurve[],
  requestsPerMonth: number,
  faasLabel: string,
  width = 640
): string {
  const plot: Plot = { width, height: 260, pad: { top: 12, right: 16, bottom: 42, left: 60 } };
  const { w, h } = inner(plot);
  const faas = curves[0]?.points ?? [];
  const x = scale(
    {
      type: 'log',
      domain: extentOf(
        faas.map((p) => p.requestsPerMonth),
        [1e4, 1e9]
      )
    },
    [0, w]
  );
  const y = scale(
    {
      type: 'log',
      domain: extentOf(
        curves
          .flatMap((c) => c.points.flatMap((p) => [p.faasUsd, p.alwaysOnUsd]))
          .filter((v) => v >= 0.01),
        [1, 1000]
      )
    },
    [h, 0]
  );
  const clampUsd = (v: number) => (v >= 0.01 ? v : Number.NaN);
  const body =
    axisY(y, w, h, 'USD per month', fmtUsdTick) +
    axisX(x, w, h, 'Requests per month (log scale)', fmtCount, { grid: true }) +
    curves
      .map((c, i) =>
        path(
          c.points.map((p) => p.requestsPerMonth),
          c.points.map((p) => clampUsd(p.alwaysOnUsd)),
          x,
          y,
          THEME.options[i % THEME.options.length]!
        )
      )
      .join('') +
    path(
      faas.map((p) => p.requestsPerMonth),
      faas.map((p) => clampUsd(p.faasUsd)),
      x,
      y,
      THEME.faas,
      { width: 2.5 }
    ) +
    rule(x(requestsPerMonth), h, `your traffic ${fmtCount(requestsPerMonth)}/month`, 0);
  return chartDocument(
    'Function vs always-on',
    [
      { label: faasLabel, color: THEME.faas },
      ...curves.map((c, i) => ({ label: c.label, color: THEME.options[i % THEME.options.length]! }))
    ],
    plot,
    body
  );
}
