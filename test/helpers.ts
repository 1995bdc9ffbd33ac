/** Shared test helpers: float comparison with a stated tolerance, scenarios from partial input. */
import { expect } from 'vitest';
import { DEFAULT_SCENARIO } from '../src/scenario/defaults.ts';
import type { Scenario } from '../src/scenario/schema.ts';

/** assertInDelta(actual, expected, delta): |actual − expected| ≤ delta, with a readable failure. */
export function assertInDelta(
  actual: number,
  expected: number,
  delta: number,
  what = 'value'
): void {
  const ok = Math.abs(actual - expected) <= delta;
  if (!ok) expect.fail(`${what}: expected ${expected} ± ${delta}, got ${actual}`);
  expect(ok).toBe(true);
}

/** assertRelative(actual, expected, rel): |actual − expected| ≤ rel·|expected|. */
export function assertRelative(
  actual: number,
  expected: number,
  rel: number,
  what = 'value'
): void {
  assertInDelta(actual, expected, Math.abs(expected) * rel, what);
}

type Patch = {
  [K in keyof Scenario]?: Scenario[K] extends object ? Partial<Scenario[K]> : Scenario[K];
};

/** A complete scenario: the defaults with some sections patched (shallow per section). */
export function scenario(patch: Patch): Scenario {
  const base = structuredClone(DEFAULT_SCENARIO);
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    const b = (base as unknown as Record<string, unknown>)[key];
    out[key] =
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      typeof b === 'object' &&
      key !== 'traffic'
        ? { ...(b as object), ...(value as object) }
        : value;
  }
  return out as unknown as Scenario;
}
