/**
 * The one restore step for scenarios from files, URLs and the UI: migrate older versions, fill
 * defaults, drop (and report) unknown fields, and reject invalid values with every reason.
 */
import { CLOUD_RUN_MIN_VCPU } from '../engine/platform/cpu.ts';
import {
  isAllowedMemory,
  nearestAllowedMemory,
  PROVIDER_LIMITS
} from '../engine/platform/limits.ts';
import { alwaysOnOption } from '../engine/pricing/alwaysOn.ts';
import { DEFAULT_SCENARIO, SCENARIO_VERSION } from './defaults.ts';
import {
  describe,
  fmt,
  FieldReader,
  isPlainObject,
  type FieldError,
  type NumberRule
} from './fieldReader.ts';
import { migrateScenario } from './migrate.ts';
import { readAlwaysOn, readBilling } from './restore/restoreBilling.ts';
import { distLargest } from './restore/restoreDist.ts';
import { readFunction } from './restore/restoreFunction.ts';
import { readPlatform } from './restore/restorePlatform.ts';
import { readTraffic } from './restore/restoreTraffic.ts';
import type { Scenario } from './schema.ts';

export type { FieldError } from './fieldReader.ts';

export type RestoreResult =
  | { ok: true; scenario: Scenario; warnings: string[] }
  | { ok: false; errors: FieldError[]; warnings: string[] };

/** Longest simulated time, s: 366 days. Longer runs are a unit mistake (ms for s), not a plan. */
export const MAX_DURATION_S = 366 * 86_400;
/** Largest seed: the engine seeds 32-bit generators, so larger seeds would alias smaller ones. */
export const MAX_SEED = 2 ** 32 - 1;
export const SEED_RULE: NumberRule = { min: 0, max: MAX_SEED, integer: true };

const TOP_LEVEL = [
  'version',
  'seed',
  'durationS',
  'traffic',
  'function',
  'platform',
  'billing',
  'alwaysOn'
];

export interface RestoreOptions {
  /** Whether an always-on id exists; default: the pricing catalog's `alwaysOnOption`. */
  isKnownAlwaysOn?: (id: string) => boolean;
}

const inAlwaysOnCatalog = (id: string): boolean => alwaysOnOption(id) !== null;

/** restoreScenario(input) turns anything (parsed JSON, a URL's object) into a valid Scenario or every error. */
export function restoreScenario(input: unknown, options: RestoreOptions = {}): RestoreResult {
  const r = new FieldReader();
  if (!isPlainObject(input)) {
    return {
      ok: false,
      errors: [{ path: '', message: `must be a JSON object, got ${describe(input)}` }],
      warnings: []
    };
  }
  const migrated = migrateScenario(input, (message) => r.warn('', message));
  if (!migrated.ok) return { ok: false, errors: [migrated.error], warnings: r.warnings };
  const root = migrated.value;
  r.unknownKeys(root, '', TOP_LEVEL);

  const scenario: Scenario = {
    version: SCENARIO_VERSION,
    seed: r.number(root, 'seed', 'seed', DEFAULT_SCENARIO.seed, SEED_RULE),
    durationS: r.number(root, 'durationS', 'durationS', DEFAULT_SCENARIO.durationS, {
      min: 0,
      minExclusive: true,
      max: MAX_DURATION_S,
      unit: 's',
      note: '(366 days)'
    }),
    traffic: readTraffic(r, root),
    function: readFunction(r, root),
    platform: readPlatform(r, root),
    billing: readBilling(r, root),
    alwaysOn: readAlwaysOn(r, root, options.isKnownAlwaysOn ?? inAlwaysOnCatalog)
  };
  checkAgainstProvider(r, scenario);
  checkConcurrency(r, scenario);

  if (r.errors.length > 0) return { ok: false, errors: r.errors, warnings: r.warnings };
  return { ok: true, scenario, warnings: r.warnings };
}

/** Memory, instance concurrency, provisioned support and timeouts against the provider's limits. */
function checkAgainstProvider(r: FieldReader, s: Scenario): void {
  if (!r.allValid('platform.provider')) return;
  const { provider } = s.platform;
  const limits = PROVIDER_LIMITS[provider];
  const fn = s.function;

  if (r.allValid('function.memoryMb') && !isAllowedMemory(limits.memoryMb, fn.memoryMb)) {
    if (r.isGiven('function.memoryMb')) {
      r.fail('function.memoryMb', `${memoryRule(provider)}, got ${describe(fn.memoryMb)}`);
    } else {
      // The default size does not exist on this provider: use its nearest size, and say so.
      const nearest = nearestAllowedMemory(limits.memoryMb, fn.memoryMb);
      r.warn(
        'function.memoryMb',
        `default ${fmt(fn.memoryMb)} MB is not offered on ${provider}; using ${fmt(nearest)} MB`
      );
      fn.memoryMb = nearest;
    }
  }

  const maxIc = limits.maxInstanceConcurrency.value;
  if (r.allValid('platform.instanceConcurrency') && s.platform.instanceConcurrency > maxIc) {
    r.fail(
      'platform.instanceConcurrency',
      `must be ≤ ${fmt(maxIc)} on ${provider} (requests one instance serves at once), got ${fmt(s.platform.instanceConcurrency)}`
    );
  }

  if (
    r.allValid('platform.provisioned') &&
    s.platform.provisioned > 0 &&
    !limits.provisioned.supported
  ) {
    r.fail(
      'platform.provisioned',
      `must be 0 on ${provider}, which has no always-warm instances, got ${fmt(s.platform.provisioned)}`
    );
  }

  const vcpu = s.billing.vcpu ?? null;
  if (
    provider === 'gcp-cloud-run' &&
    vcpu !== null &&
    r.allValid('billing.vcpu', 'function.memoryMb')
  ) {
    const least = CLOUD_RUN_MIN_VCPU.find(([maxMb]) => fn.memoryMb <= maxMb)?.[1];
    if (least !== undefined && vcpu < least) {
      r.fail(
        'billing.vcpu',
        `must be ≥ ${least} for ${fmt(fn.memoryMb)} MB on gcp-cloud-run, got ${fmt(vcpu)}`
      );
    }
  }

  const timeoutS = limits.maxTimeoutS.value;
  if (timeoutS !== null) {
    const within = (path: string, ms: number) => {
      if (r.allValid(path) && ms > timeoutS * 1000) {
        r.fail(
          path,
          `must be ≤ ${fmt(timeoutS * 1000)} ms, the maximum timeout on ${provider}, got ${fmt(ms)}`
        );
      }
    };
    const largest = distLargest(fn.durationMs, 'function.durationMs');
    within(largest.path, largest.ms);
    within('platform.keepWarm.durationMs', s.platform.keepWarm.durationMs);
  }
}

/** Provisioned and keep-warm instances must fit under maxConcurrency. */
function checkConcurrency(r: FieldReader, s: Scenario): void {
  const { maxConcurrency, provisioned, keepWarm } = s.platform;
  if (!r.allValid('platform.maxConcurrency')) return;
  if (r.allValid('platform.provisioned') && provisioned > maxConcurrency) {
    r.fail(
      'platform.provisioned',
      `must be ≤ maxConcurrency (${fmt(maxConcurrency)}), got ${fmt(provisioned)}`
    );
  }
  if (r.allValid('platform.keepWarm.concurrency') && keepWarm.concurrency > maxConcurrency) {
    r.fail(
      'platform.keepWarm.concurrency',
      `must be ≤ maxConcurrency (${fmt(maxConcurrency)}), got ${fmt(keepWarm.concurrency)}`
    );
  }
}

/** The memory rule of a provider in words, e.g. 'must be a whole number between 128 and 10,240 MB on aws-lambda'. */
export function memoryRule(provider: Scenario['platform']['provider']): string {
  const m = PROVIDER_LIMITS[provider].memoryMb;
  if (m.sizes) return `must be one of ${m.sizes.map(fmt).join(', ')} MB on ${provider}`;
  if (m.min === m.max) return `must be ${fmt(m.min)} MB on ${provider}`;
  const step = m.step === 1 ? 'a whole number' : `a multiple of ${fmt(m.step)} MB`;
  return `must be ${step} between ${fmt(m.min)} and ${fmt(m.max)} MB on ${provider}`;
}
