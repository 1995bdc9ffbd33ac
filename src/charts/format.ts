/** Number formats for chart labels and sentences (d3-format), one place for each kind of number. */
import { format } from 'd3-format';

const usdCents = format('$,.2f');
const usdWhole = format('$,.0f');
const usdSmall = format('$,.4f');
const siCount = format('.3~s');
const grouped = format(',.0f');
const sig3 = format('.3~r');

/** $1,234.57 ; $12,345 above ten thousand ; $0.0012 below a cent. */
export function fmtUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '–';
  const a = Math.abs(usd);
  if (a >= 10_000) return usdWhole(usd);
  if (a > 0 && a < 0.01) return usdSmall(usd);
  return usdCents(usd);
}

/** $1k, $20, $0.5 for axis ticks; below a tenth of a cent, $0. */
export function fmtUsdTick(usd: number): string {
  if (Math.abs(usd) < 0.001) return '$0';
  if (Math.abs(usd) >= 1000) return '$' + siCount(usd).replace('G', 'B');
  return '$' + sig3(usd);
}

/** 1.2M, 350k, 12 (SI prefix with G shown as B, as people write traffic). */
export function fmtCount(n: number): string {
  if (!Number.isFinite(n)) return '–';
  if (Math.abs(n) < 1000) return sig3(Math.round(n * 1000) / 1000);
  return siCount(n).replace('G', 'B');
}

/** 1,234,567 */
export function fmtInt(n: number): string {
  return Number.isFinite(n) ? grouped(n) : '–';
}

/** 850 ms, 1.2 s, 3.5 min */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 1000) return `${sig3(ms)} ms`;
  if (ms < 60_000) return `${sig3(ms / 1000)} s`;
  return `${sig3(ms / 60_000)} min`;
}

/** Axis ticks in ms: 10, 100, 1k, 10k. */
export function fmtMsTick(ms: number): string {
  return ms >= 1000 ? siCount(ms) : sig3(ms);
}

/** 12.3 % (share in [0, 1]). */
export function fmtPct(share: number): string {
  if (!Number.isFinite(share)) return '–';
  const pct = share * 100;
  return `${pct !== 0 && Math.abs(pct) < 1 ? format('.2~r')(pct) : format('.3~r')(pct)} %`;
}

/** 1024 MB, 10,240 MB */
export function fmtMb(mb: number): string {
  return `${mb >= 10_000 ? grouped(mb) : String(mb)} MB`;
}

/** 36 h as "36 h", 90 s as "1.5 min", 2 days as "2 d". */
export function fmtDurationS(s: number): string {
  if (s < 60) return `${sig3(s)} s`;
  if (s < 3600) return `${sig3(s / 60)} min`;
  if (s < 2 * 86_400) return `${sig3(s / 3600)} h`;
  return `${sig3(s / 86_400)} d`;
}
