/** Reads a duration distribution (ms) from loose input: fixed, exponential, lognormal, percentiles. */
import { DIST_KINDS } from '../choices.ts';
import type { DurationDist } from '../schema.ts';
import {
  checkNumber,
  describe,
  fmt,
  join,
  type FieldReader,
  type Loose,
  type NumberRule
} from '../fieldReader.ts';

const DIST_FIELDS: { readonly [K in DurationDist['dist']]: readonly string[] } = {
  fixed: ['value'],
  exponential: ['mean'],
  lognormal: ['median', 'p99'],
  percentiles: ['p', 'ms']
};

const NON_NEGATIVE: NumberRule = { min: 0, unit: 'ms' };
const POSITIVE: NumberRule = { min: 0, minExclusive: true, unit: 'ms' };

/**
 * readDist(r, parent, key, path, fallback, nullable) reads parent[key]. A missing `dist` means the
 * fallback's kind; a missing parameter comes from the fallback only when the kind is the same,
 * otherwise it is required (there is no default exponential mean to invent). With `nullable`, null
 * is a valid value (initMs: null = modelled).
 */
export function readDist(
  r: FieldReader,
  parent: Loose,
  key: string,
  path: string,
  fallback: DurationDist | null,
  nullable: boolean
): DurationDist | null {
  const raw = parent[key];
  if (raw === null) {
    r.markGiven(path);
    if (nullable) return null;
    r.fail(path, `must be an object like {"dist":"fixed","value":100}, got null`);
    return fallback;
  }
  const obj = r.object(parent, key, path);
  if (!obj) return fallback;
  const distPath = join(path, 'dist');
  if (obj.dist === undefined && !fallback) {
    r.fail(distPath, `is required: one of ${DIST_KINDS.map((d) => `'${d}'`).join(', ')}`);
    return fallback;
  }
  const kind = r.oneOf(obj, 'dist', distPath, fallback?.dist ?? 'fixed', DIST_KINDS);
  if (!r.allValid(distPath)) return fallback;
  r.unknownKeys(obj, path, ['dist', ...DIST_FIELDS[kind]], ` for dist '${kind}'`);
  const base: Partial<Record<string, unknown>> = fallback?.dist === kind ? fallback : {};

  /** A numeric parameter: the given value, else the same-kind fallback's, else required. */
  const param = (field: string, rule: NumberRule): number => {
    const fieldPath = join(path, field);
    if (obj[field] !== undefined) return r.number(obj, field, fieldPath, Number.NaN, rule);
    if (typeof base[field] === 'number') return base[field];
    r.fail(fieldPath, `is required for dist '${kind}'`);
    return Number.NaN;
  };

  switch (kind) {
    case 'fixed':
      return { dist: 'fixed', value: param('value', NON_NEGATIVE) };
    case 'exponential':
      return { dist: 'exponential', mean: param('mean', POSITIVE) };
    case 'lognormal': {
      const dist = {
        dist: 'lognormal' as const,
        median: param('median', POSITIVE),
        p99: param('p99', POSITIVE)
      };
      const p99Path = join(path, 'p99');
      // p99 = median means no spread (σ = 0, a fixed duration), which the sampler handles.
      if (r.allValid(join(path, 'median'), p99Path) && dist.p99 < dist.median) {
        r.fail(p99Path, `must be ≥ median (${fmt(dist.median)} ms), got ${fmt(dist.p99)}`);
      }
      return dist;
    }
    case 'percentiles':
      return readPercentiles(r, obj, path, fallback?.dist === 'percentiles' ? fallback : null);
  }
}

function readPercentiles(
  r: FieldReader,
  obj: Loose,
  path: string,
  base: Extract<DurationDist, { dist: 'percentiles' }> | null
): DurationDist {
  const pPath = join(path, 'p');
  const msPath = join(path, 'ms');
  const p = readNumberArray(r, obj, 'p', pPath, base?.p, { min: 0, max: 100 });
  const ms = readNumberArray(r, obj, 'ms', msPath, base?.ms, NON_NEGATIVE);
  if (p && r.allValid(pPath)) {
    if (p.length < 2) r.fail(pPath, `must list at least 2 percentiles, got ${p.length}`);
    const i = p.findIndex((x, k) => k > 0 && x <= p[k - 1]!);
    if (i > 0) {
      r.fail(
        pPath,
        `must be strictly ascending, got ${fmt(p[i]!)} after ${fmt(p[i - 1]!)} at index ${i}`
      );
    }
  }
  if (ms && r.allValid(msPath)) {
    const i = ms.findIndex((x, k) => k > 0 && x < ms[k - 1]!);
    if (i > 0) {
      r.fail(
        msPath,
        `must not decrease, got ${fmt(ms[i]!)} after ${fmt(ms[i - 1]!)} at index ${i}`
      );
    }
  }
  if (p && ms && r.allValid(pPath, msPath) && p.length !== ms.length) {
    r.fail(msPath, `must have one value per percentile in p (${p.length}), got ${ms.length}`);
  }
  return { dist: 'percentiles', p: p ?? [], ms: ms ?? [] };
}

/** An array of numbers, each checked against `rule`; required when there is no fallback. */
function readNumberArray(
  r: FieldReader,
  obj: Loose,
  key: string,
  path: string,
  fallback: number[] | undefined,
  rule: NumberRule
): number[] | undefined {
  const value = obj[key];
  if (value === undefined) {
    if (!fallback) r.fail(path, `is required for dist 'percentiles'`);
    return fallback?.slice();
  }
  r.markGiven(path);
  if (!Array.isArray(value)) {
    r.fail(path, `must be an array of numbers, got ${describe(value)}`);
    return undefined;
  }
  for (let i = 0; i < value.length; i++) {
    const problem = checkNumber(value[i], rule);
    if (problem) {
      r.fail(path, `[${i}] ${problem}`);
      return undefined;
    }
  }
  return (value as number[]).slice();
}

/** The largest duration a distribution states, with the path of the field that states it. */
export function distLargest(dist: DurationDist, path: string): { ms: number; path: string } {
  switch (dist.dist) {
    case 'fixed':
      return { ms: dist.value, path: join(path, 'value') };
    case 'exponential':
      return { ms: dist.mean, path: join(path, 'mean') };
    case 'lognormal':
      return { ms: dist.p99, path: join(path, 'p99') };
    case 'percentiles':
      return { ms: dist.ms[dist.ms.length - 1] ?? 0, path: join(path, 'ms') };
  }
}
