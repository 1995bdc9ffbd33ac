/** Migrates a loose scenario object from any released format version to the current one. */
import { SCENARIO_VERSION } from './defaults.ts';
import { describe, type FieldError, type Loose } from './fieldReader.ts';

/**
 * One step: turns a version-n object into a version-(n+1) object. It works on loose input (fields
 * may be missing or wrong; validation comes after), returns a new object, and may add warnings.
 */
export type Migration = (input: Loose, warn: (message: string) => void) => Loose;

/**
 * MIGRATIONS[n] migrates version n to n + 1. Only v1 exists; when v2 ships, add
 * `1: migrateV1toV2` here and bump SCENARIO_VERSION. Never edit a released step: old links depend on it.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type MigrateResult =
  { ok: true; value: Loose; fromVersion: number } | { ok: false; error: FieldError };

/**
 * migrateScenario(input) reads `version` (missing = current, so hand-written partial scenarios work)
 * and applies each step up to SCENARIO_VERSION.
 */
export function migrateScenario(
  input: Loose,
  warn: (message: string) => void,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  current: number = SCENARIO_VERSION
): MigrateResult {
  const given = input.version;
  const fromVersion = given === undefined ? current : given;
  if (typeof fromVersion !== 'number' || !Number.isInteger(fromVersion) || fromVersion < 1) {
    return {
      ok: false,
      error: { path: 'version', message: `must be a whole number ≥ 1, got ${describe(given)}` }
    };
  }
  if (fromVersion > current) {
    return {
      ok: false,
      error: {
        path: 'version',
        message: `${fromVersion} is newer than this Coldstart reads (${current}); update Coldstart`
      }
    };
  }
  let value: Loose = input;
  for (let v = fromVersion; v < current; v++) {
    const step = migrations[v];
    if (!step) {
      return {
        ok: false,
        error: { path: 'version', message: `no migration from version ${v} to ${v + 1}` }
      };
    }
    value = { ...step(value, warn), version: v + 1 };
  }
  return { ok: true, value, fromVersion };
}
