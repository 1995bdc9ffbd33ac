/** Pure scale builders for the charts: domain + range in, d3 scale out (marks never build scales). */
import { scaleLinear, scaleLog } from 'd3-scale';
import type { ScaleLinear, ScaleLogarithmic } from 'd3-scale';

export type NumScale = ScaleLinear<number, number> | ScaleLogarithmic<number, number>;

export interface ScaleSpec {
  type: 'linear' | 'log';
  domain: [number, number];
  /** Extend the domain to round tick values. Default true. */
  nice?: boolean;
  /** Clamp values outside the domain to the range. Default false. */
  clamp?: boolean;
}

/** buildScale({type:'log', domain:[1, 1000]}, [0, 300]) maps 10 to 100. */
export function buildScale(spec: ScaleSpec, range: [number, number]): NumScale {
  const [lo, hi] = saneDomain(spec);
  const scale = spec.type === 'log' ? scaleLog().domain([lo, hi]) : scaleLinear().domain([lo, hi]);
  scale.range(range).clamp(spec.clamp ?? false);
  if (spec.nice ?? true) scale.nice();
  return scale;
}

/** A domain a scale can draw: finite, non-empty, and positive for log scales. */
function saneDomain(spec: ScaleSpec): [number, number] {
  let [lo, hi] = spec.domain;
  if (spec.type === 'log') {
    if (!(lo > 0)) lo = hi > 0 ? hi / 10 : 1;
    if (!(hi > 0)) hi = lo * 10;
    if (lo === hi) return [lo / 2, hi * 2];
    return [lo, hi];
  }
  if (!Number.isFinite(lo)) lo = 0;
  if (!Number.isFinite(hi)) hi = lo + 1;
  if (lo === hi) return lo === 0 ? [0, 1] : [Math.min(0, lo), Math.max(0, hi) * 1.1 || 1];
  return [lo, hi];
}

/** Tick values: about `count` for linear scales; powers of ten (and 2, 5 when few) for log scales. */
export function ticksFor(scale: NumScale, count = 5): number[] {
  if (!('base' in scale)) return scale.ticks(count);
  const [lo, hi] = scale.domain() as [number, number];
  const decades = Math.log10(hi / lo);
  const steps = decades >= count ? [1] : decades > 2 ? [1, 3] : [1, 2, 5];
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    const every = decades > count * 3 ? Math.ceil(decades / count) : 1;
    if (e % every !== 0) continue;
    for (const m of steps) {
      const v = m * 10 ** e;
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(v);
    }
  }
  return out;
}

/** [min, max] of the finite values, or `fallback` when there are none. */
export function extentOf(
  values: Iterable<number>,
  fallback: [number, number] = [0, 1]
): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : fallback;
}
