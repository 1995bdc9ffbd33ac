import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROVIDER_LIMITS } from '../../src/engine/platform/limits.ts';
import { DEFAULT_SCENARIO, DEFAULT_TRAFFIC } from '../../src/scenario/defaults.ts';
import { migrateScenario, type Migration } from '../../src/scenario/migrate.ts';
import { MAX_DURATION_S, restoreScenario, type RestoreResult } from '../../src/scenario/restore.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { setIn } from '../../src/scenario/validateField.ts';

const clone = (): Scenario => JSON.parse(JSON.stringify(DEFAULT_SCENARIO)) as Scenario;

function errorsOf(result: RestoreResult) {
  if (result.ok) throw new Error(`expected errors, got a valid scenario`);
  return result.errors;
}

/**
 * Each row: an invalid scenario and the error it must produce. Messages are the contract users see
 * (CLI line, UI field message): they name the rule and the value given. Bounds come from the rule
 * of each field (schema.ts docs, limits.ts with its pricing-facts.md sources).
 */
const INVALID: [name: string, input: unknown, path: string, message: string][] = [
  ['not an object', [], '', 'must be a JSON object, got an array'],
  ['null', null, '', 'must be a JSON object, got null'],
  [
    'a newer version',
    { version: 2 },
    'version',
    '2 is newer than this Coldstart reads (1); update Coldstart'
  ],
  ['version 0', { version: 0 }, 'version', 'must be a whole number ≥ 1, got 0'],
  [
    'a string version',
    { version: '1' },
    'version',
    'must be a whole number ≥ 1, got "1" (a string)'
  ],
  [
    'negative seed',
    { seed: -1 },
    'seed',
    'must be a whole number between 0 and 4,294,967,295, got -1'
  ],
  [
    'fractional seed',
    { seed: 1.5 },
    'seed',
    'must be a whole number between 0 and 4,294,967,295, got 1.5'
  ],
  [
    'seed beyond 32 bits',
    { seed: 2 ** 32 },
    'seed',
    'must be a whole number between 0 and 4,294,967,295, got 4294967296'
  ],
  [
    'zero duration',
    { durationS: 0 },
    'durationS',
    'must be a number > 0 and ≤ 31,622,400 s (366 days), got 0'
  ],
  [
    'absurd duration',
    { durationS: MAX_DURATION_S + 1 },
    'durationS',
    'must be a number > 0 and ≤ 31,622,400 s (366 days), got 31622401'
  ],
  [
    'NaN duration',
    { durationS: Number.NaN },
    'durationS',
    'must be a number > 0 and ≤ 31,622,400 s (366 days), got NaN'
  ],
  [
    'infinite duration (JSON 1e400)',
    JSON.parse('{"durationS":1e400}'),
    'durationS',
    'must be a number > 0 and ≤ 31,622,400 s (366 days), got Infinity'
  ],
  [
    'string duration',
    { durationS: '86400' },
    'durationS',
    'must be a number > 0 and ≤ 31,622,400 s (366 days), got "86400" (a string)'
  ],
  [
    'traffic not an object',
    { traffic: 'poisson' },
    'traffic',
    'must be an object, got "poisson" (a string)'
  ],
  [
    'unknown traffic kind',
    { traffic: { kind: 'sine' } },
    'traffic.kind',
    `must be one of 'constant', 'poisson', 'diurnal', 'bursts', 'trace', got "sine" (a string)`
  ],
  [
    'kind missing beside diurnal fields',
    { traffic: { meanRatePerS: 5 } },
    'traffic.kind',
    `is required with meanRatePerS (fields of kind 'diurnal')`
  ],
  [
    'negative rate',
    { traffic: { kind: 'poisson', ratePerS: -1 } },
    'traffic.ratePerS',
    'must be a number ≥ 0 requests/s, got -1'
  ],
  [
    'null rate',
    { traffic: { kind: 'constant', ratePerS: null } },
    'traffic.ratePerS',
    'must be a number ≥ 0 requests/s, got null'
  ],
  [
    'peakToMean below 1',
    { traffic: { kind: 'diurnal', peakToMean: 0.5 } },
    'traffic.peakToMean',
    'must be a number between 1 and 100, got 0.5'
  ],
  [
    'peakHourUtc 24',
    { traffic: { kind: 'diurnal', peakHourUtc: 24 } },
    'traffic.peakHourUtc',
    'must be a number ≥ 0 and < 24 h, got 24'
  ],
  [
    'negative peakHourUtc',
    { traffic: { kind: 'diurnal', peakHourUtc: -1 } },
    'traffic.peakHourUtc',
    'must be a number ≥ 0 and < 24 h, got -1'
  ],
  [
    'burst longer than its period',
    { traffic: { kind: 'bursts', burstEveryS: 60, burstLengthS: 120 } },
    'traffic.burstLengthS',
    'must be ≤ burstEveryS (60 s), got 120'
  ],
  [
    'zero burst period',
    { traffic: { kind: 'bursts', burstEveryS: 0 } },
    'traffic.burstEveryS',
    'must be a number > 0 s, got 0'
  ],
  [
    'memory below Lambda minimum',
    { function: { memoryMb: 64 } },
    'function.memoryMb',
    'must be a whole number between 128 and 10,240 MB on aws-lambda, got 64'
  ],
  [
    'memory above Lambda maximum',
    { function: { memoryMb: 10_241 } },
    'function.memoryMb',
    'must be a whole number between 128 and 10,240 MB on aws-lambda, got 10241'
  ],
  [
    'negative memory',
    { function: { memoryMb: -512 } },
    'function.memoryMb',
    'must be a whole number between 128 and 10,240 MB on aws-lambda, got -512'
  ],
  [
    'fractional memory',
    { function: { memoryMb: 512.5 } },
    'function.memoryMb',
    'must be a whole number between 128 and 10,240 MB on aws-lambda, got 512.5'
  ],
  [
    'memory not a gen1 size',
    { function: { memoryMb: 300 }, platform: { provider: 'gcp-functions-gen1' } },
    'function.memoryMb',
    'must be one of 128, 256, 512, 1,024, 2,048, 4,096, 8,192 MB on gcp-functions-gen1, got 300'
  ],
  [
    'memory above Azure Consumption maximum',
    { function: { memoryMb: 2048 }, platform: { provider: 'azure-consumption' } },
    'function.memoryMb',
    'must be a whole number between 128 and 1,536 MB on azure-consumption, got 2048'
  ],
  [
    'unknown runtime',
    { function: { runtime: 'node' } },
    'function.runtime',
    `must be one of 'nodejs20', 'nodejs22', 'python312', 'python313', 'java21', 'dotnet8', 'go', 'rust', 'ruby33', got "node" (a string)`
  ],
  [
    'negative package size',
    { function: { packageMb: -1 } },
    'function.packageMb',
    'must be a number ≥ 0 MB, got -1'
  ],
  [
    'cpuBoundFraction above 1',
    { function: { cpuBoundFraction: 1.5 } },
    'function.cpuBoundFraction',
    'must be a number between 0 and 1, got 1.5'
  ],
  [
    'cpuBoundFraction below 0',
    { function: { cpuBoundFraction: -0.1 } },
    'function.cpuBoundFraction',
    'must be a number between 0 and 1, got -0.1'
  ],
  [
    'zero threads',
    { function: { threads: 0 } },
    'function.threads',
    'must be a whole number ≥ 1, got 0'
  ],
  [
    'unknown dist',
    { function: { durationMs: { dist: 'gamma' } } },
    'function.durationMs.dist',
    `must be one of 'fixed', 'exponential', 'lognormal', 'percentiles', got "gamma" (a string)`
  ],
  [
    'p99 below the median',
    { function: { durationMs: { dist: 'lognormal', median: 200, p99: 100 } } },
    'function.durationMs.p99',
    'must be ≥ median (200 ms), got 100'
  ],
  [
    'p99 below the default median',
    { function: { durationMs: { p99: 100 } } },
    'function.durationMs.p99',
    'must be ≥ median (120 ms), got 100'
  ],
  [
    'zero median',
    { function: { durationMs: { median: 0 } } },
    'function.durationMs.median',
    'must be a number > 0 ms, got 0'
  ],
  [
    'negative fixed duration',
    { function: { durationMs: { dist: 'fixed', value: -5 } } },
    'function.durationMs.value',
    'must be a number ≥ 0 ms, got -5'
  ],
  [
    'exponential without its mean',
    { function: { durationMs: { dist: 'exponential' } } },
    'function.durationMs.mean',
    `is required for dist 'exponential'`
  ],
  [
    'duration beyond Lambda timeout',
    { function: { durationMs: { dist: 'fixed', value: 900_001 } } },
    'function.durationMs.value',
    'must be ≤ 900,000 ms, the maximum timeout on aws-lambda, got 900,001'
  ],
  [
    'percentiles p not ascending',
    { function: { durationMs: { dist: 'percentiles', p: [0, 50, 50, 100], ms: [1, 2, 3, 4] } } },
    'function.durationMs.p',
    'must be strictly ascending, got 50 after 50 at index 2'
  ],
  [
    'percentiles ms decreasing',
    { function: { durationMs: { dist: 'percentiles', p: [0, 50, 100], ms: [10, 5, 20] } } },
    'function.durationMs.ms',
    'must not decrease, got 5 after 10 at index 1'
  ],
  [
    'percentiles p above 100',
    { function: { durationMs: { dist: 'percentiles', p: [0, 150], ms: [1, 2] } } },
    'function.durationMs.p',
    '[1] must be a number between 0 and 100, got 150'
  ],
  [
    'percentiles lengths differ',
    { function: { durationMs: { dist: 'percentiles', p: [0, 50, 100], ms: [1, 2] } } },
    'function.durationMs.ms',
    'must have one value per percentile in p (3), got 2'
  ],
  [
    'percentiles without ms',
    { function: { durationMs: { dist: 'percentiles', p: [0, 100] } } },
    'function.durationMs.ms',
    `is required for dist 'percentiles'`
  ],
  [
    'initMs without dist',
    { function: { initMs: { value: 300 } } },
    'function.initMs.dist',
    `is required: one of 'fixed', 'exponential', 'lognormal', 'percentiles'`
  ],
  [
    'durationMs null',
    { function: { durationMs: null } },
    'function.durationMs',
    'must be an object like {"dist":"fixed","value":100}, got null'
  ],
  [
    'unknown provider',
    { platform: { provider: 'aws' } },
    'platform.provider',
    `must be one of 'aws-lambda', 'gcp-functions-gen1', 'gcp-cloud-run', 'azure-consumption', 'azure-flex', 'cloudflare-workers', got "aws" (a string)`
  ],
  [
    'unknown arch',
    { platform: { arch: 'arm' } },
    'platform.arch',
    `must be one of 'x86_64', 'arm64', got "arm" (a string)`
  ],
  [
    'unknown reuse',
    { platform: { reuse: 'fifo' } },
    'platform.reuse',
    `must be one of 'mru', 'lru', 'random', got "fifo" (a string)`
  ],
  [
    'negative keep-alive',
    { platform: { keepAliveS: -1 } },
    'platform.keepAliveS',
    'must be a number ≥ 0 s, got -1'
  ],
  [
    'zero maxConcurrency',
    { platform: { maxConcurrency: 0 } },
    'platform.maxConcurrency',
    'must be a whole number ≥ 1, got 0'
  ],
  [
    'instanceConcurrency above Lambda max',
    { platform: { instanceConcurrency: 2 } },
    'platform.instanceConcurrency',
    'must be ≤ 1 on aws-lambda (requests one instance serves at once), got 2'
  ],
  [
    'instanceConcurrency above Cloud Run max',
    { platform: { provider: 'gcp-cloud-run', instanceConcurrency: 1001 } },
    'platform.instanceConcurrency',
    'must be ≤ 1,000 on gcp-cloud-run (requests one instance serves at once), got 1,001'
  ],
  [
    'fractional instanceConcurrency',
    { platform: { provider: 'gcp-cloud-run', instanceConcurrency: 2.5 } },
    'platform.instanceConcurrency',
    'must be a whole number ≥ 1, got 2.5'
  ],
  [
    'provisioned above maxConcurrency',
    { platform: { maxConcurrency: 10, provisioned: 11 } },
    'platform.provisioned',
    'must be ≤ maxConcurrency (10), got 11'
  ],
  [
    'provisioned where none exist',
    { platform: { provider: 'cloudflare-workers', provisioned: 1 } },
    'platform.provisioned',
    'must be 0 on cloudflare-workers, which has no always-warm instances, got 1'
  ],
  [
    'negative keep-warm period',
    { platform: { keepWarm: { everyS: -60 } } },
    'platform.keepWarm.everyS',
    'must be a number ≥ 0 s (0 = off), got -60'
  ],
  [
    'keep-warm concurrency above maxConcurrency',
    { platform: { maxConcurrency: 5, keepWarm: { concurrency: 6 } } },
    'platform.keepWarm.concurrency',
    'must be ≤ maxConcurrency (5), got 6'
  ],
  [
    'zero keep-warm duration',
    { platform: { keepWarm: { durationMs: 0 } } },
    'platform.keepWarm.durationMs',
    'must be a number > 0 ms, got 0'
  ],
  [
    'freeTier as a string',
    { billing: { freeTier: 'yes' } },
    'billing.freeTier',
    'must be true or false, got "yes" (a string)'
  ],
  [
    'zero granularity',
    { billing: { granularityMs: 0 } },
    'billing.granularityMs',
    'must be null or a whole number ≥ 1 ms, got 0'
  ],
  [
    'billInit as a number',
    { billing: { billInit: 1 } },
    'billing.billInit',
    'must be true, false or null, got 1'
  ],
  [
    'unknown API gateway',
    { billing: { apiGateway: 'websocket' } },
    'billing.apiGateway',
    `must be one of 'none', 'http', 'rest', got "websocket" (a string)`
  ],
  [
    'ephemeral storage below 512 MB',
    { billing: { ephemeralMb: 256 } },
    'billing.ephemeralMb',
    'must be a whole number between 512 and 10,240 MB, got 256'
  ],
  [
    'month longer than 31 days',
    { billing: { monthHours: 745 } },
    'billing.monthHours',
    'must be a number > 0 and ≤ 744 h, got 745'
  ],
  [
    'unknown Cloud Run billing mode',
    { billing: { cloudRunBilling: 'cpu' } },
    'billing.cloudRunBilling',
    `must be one of 'request', 'instance', got "cpu" (a string)`
  ],
  [
    'vCPU above 8',
    { billing: { vcpu: 16 } },
    'billing.vcpu',
    'must be null or a number > 0 and ≤ 8, got 16'
  ],
  [
    'vCPU 3 (not a Cloud Run size)',
    { billing: { vcpu: 3 } },
    'billing.vcpu',
    'must be null, at most 1, or one of 1, 2, 4, 6, 8, got 3'
  ],
  // Cloud Run needs 2 vCPUs above 4 GiB (CLOUD_RUN_MIN_VCPU in platform/cpu.ts).
  [
    'too few vCPUs for the memory on Cloud Run',
    { function: { memoryMb: 8192 }, platform: { provider: 'gcp-cloud-run' }, billing: { vcpu: 1 } },
    'billing.vcpu',
    'must be ≥ 2 for 8,192 MB on gcp-cloud-run, got 1'
  ],
  [
    'always-on options not an array',
    { alwaysOn: { options: 'ec2:t4g.small' } },
    'alwaysOn.options',
    'must be an array of ids like "ec2:t4g.small", got "ec2:t4g.small" (a string)'
  ],
  [
    'always-on id without kind',
    { alwaysOn: { options: ['t4g.small'] } },
    'alwaysOn.options',
    '[0] must be an id of the form "kind:name", got "t4g.small" (a string)'
  ],
  [
    'always-on id not in the catalog',
    { alwaysOn: { options: ['ec2:x99.huge'] } },
    'alwaysOn.options',
    '[0] "ec2:x99.huge" is not in the always-on catalog'
  ],
  [
    'zero target utilisation',
    { alwaysOn: { targetUtilization: 0 } },
    'alwaysOn.targetUtilization',
    'must be a number > 0 and ≤ 1, got 0'
  ],
  [
    'zero always-on instances',
    { alwaysOn: { minInstances: 0 } },
    'alwaysOn.minInstances',
    'must be a whole number ≥ 1, got 0'
  ]
];

describe('restoreScenario rejects invalid values, naming the field and the rule', () => {
  it.each(INVALID)('%s', (_name, input, path, message) => {
    expect(errorsOf(restoreScenario(input))).toContainEqual({ path, message });
  });

  it('collects every error, not only the first', () => {
    const errors = errorsOf(
      restoreScenario({
        seed: -1,
        traffic: { kind: 'poisson', ratePerS: Number.NaN },
        function: { memoryMb: 1, cpuBoundFraction: 2 },
        platform: { reuse: 'x', keepWarm: { concurrency: 0 } },
        billing: { monthHours: 0 }
      })
    );
    expect(errors.map((e) => e.path).sort()).toEqual(
      [
        'seed',
        'traffic.ratePerS',
        'function.memoryMb',
        'function.cpuBoundFraction',
        'platform.reuse',
        'platform.keepWarm.concurrency',
        'billing.monthHours'
      ].sort()
    );
  });

  it('never defaults a value the user gave: an invalid value is an error even when a default exists', () => {
    const result = restoreScenario({ function: { memoryMb: 'big' } });
    expect(result.ok).toBe(false);
  });
});

/** Each row: a partial scenario and the change it makes to DEFAULT_SCENARIO; the rest are defaults. */
const PARTIAL: [name: string, input: unknown, apply: (s: Scenario) => void][] = [
  ['an empty object is the default scenario', {}, () => {}],
  ['only a seed', { seed: 42 }, (s) => void (s.seed = 42)],
  ['only a version', { version: 1 }, () => {}],
  ['only memory', { function: { memoryMb: 1024 } }, (s) => void (s.function.memoryMb = 1024)],
  [
    'only a traffic rate (kind stays the default)',
    { traffic: { ratePerS: 3 } },
    (s) => void (s.traffic = { kind: 'poisson', ratePerS: 3 })
  ],
  [
    'a traffic kind alone takes that kind’s defaults',
    { traffic: { kind: 'diurnal' } },
    (s) => void (s.traffic = { ...DEFAULT_TRAFFIC.diurnal })
  ],
  [
    'bursts with one field',
    { traffic: { kind: 'bursts', burstRatePerS: 200 } },
    (s) => void (s.traffic = { ...DEFAULT_TRAFFIC.bursts, burstRatePerS: 200 })
  ],
  [
    'only a p99 keeps the default median',
    { function: { durationMs: { p99: 2000 } } },
    (s) => void (s.function.durationMs = { dist: 'lognormal', median: 120, p99: 2000 })
  ],
  [
    'a fixed duration',
    { function: { durationMs: { dist: 'fixed', value: 50 } } },
    (s) => void (s.function.durationMs = { dist: 'fixed', value: 50 })
  ],
  [
    'a lognormal with p99 = median (no spread)',
    { function: { durationMs: { median: 120, p99: 120 } } },
    (s) => void (s.function.durationMs = { dist: 'lognormal', median: 120, p99: 120 })
  ],
  [
    'percentiles',
    {
      function: { durationMs: { dist: 'percentiles', p: [0, 50, 99, 100], ms: [5, 40, 400, 900] } }
    },
    (s) =>
      void (s.function.durationMs = {
        dist: 'percentiles',
        p: [0, 50, 99, 100],
        ms: [5, 40, 400, 900]
      })
  ],
  [
    'a fixed init time',
    { function: { initMs: { dist: 'fixed', value: 250 } } },
    (s) => void (s.function.initMs = { dist: 'fixed', value: 250 })
  ],
  [
    'Cloud Run with concurrency 80',
    { platform: { provider: 'gcp-cloud-run', instanceConcurrency: 80 } },
    (s) => void Object.assign(s.platform, { provider: 'gcp-cloud-run', instanceConcurrency: 80 })
  ],
  [
    'keep-warm period only',
    { platform: { keepWarm: { everyS: 300 } } },
    (s) => void (s.platform.keepWarm.everyS = 300)
  ],
  [
    'provisioned equal to maxConcurrency',
    { platform: { maxConcurrency: 5, provisioned: 5 } },
    (s) => void Object.assign(s.platform, { maxConcurrency: 5, provisioned: 5 })
  ],
  [
    'granularity 100 ms and INIT billed',
    { billing: { granularityMs: 100, billInit: true } },
    (s) => void Object.assign(s.billing, { granularityMs: 100, billInit: true })
  ],
  [
    'Cloud Run instance billing with 2 vCPUs',
    { platform: { provider: 'gcp-cloud-run' }, billing: { cloudRunBilling: 'instance', vcpu: 2 } },
    (s) =>
      void (
        Object.assign(s.billing, { cloudRunBilling: 'instance', vcpu: 2 }),
        (s.platform.provider = 'gcp-cloud-run')
      )
  ],
  ['a fractional vCPU', { billing: { vcpu: 0.5 } }, (s) => void (s.billing.vcpu = 0.5)],
  [
    'a Fargate size outside the listed ones',
    { alwaysOn: { options: ['fargate:2vcpu-8gb-arm64'] } },
    (s) => void (s.alwaysOn.options = ['fargate:2vcpu-8gb-arm64'])
  ],
  [
    'the longest duration allowed',
    { durationS: MAX_DURATION_S },
    (s) => void (s.durationS = MAX_DURATION_S)
  ]
];

describe('restoreScenario fills defaults for what a partial scenario leaves out', () => {
  it.each(PARTIAL)('%s', (_name, input, apply) => {
    const expected = clone();
    apply(expected);
    const result = restoreScenario(input);
    expect(result).toEqual({ ok: true, scenario: expected, warnings: [] });
  });

  it('uses the nearest provider size when the default memory does not exist there, and says so', () => {
    // Cloudflare Workers: 128 MB per isolate (limits.ts); the default 512 MB is not offered.
    const result = restoreScenario({ platform: { provider: 'cloudflare-workers' } });
    expect(result.ok && result.scenario.function.memoryMb).toBe(
      PROVIDER_LIMITS['cloudflare-workers'].memoryMb.max
    );
    expect(result.ok && result.warnings).toEqual([
      'function.memoryMb: default 512 MB is not offered on cloudflare-workers; using 128 MB'
    ]);
  });

  it('does not share objects with DEFAULT_SCENARIO, so editing a result leaves the defaults alone', () => {
    const result = restoreScenario({});
    if (!result.ok) throw new Error('default must restore');
    result.scenario.platform.keepWarm.everyS = 99;
    result.scenario.alwaysOn.options.push('ec2:t3.small');
    expect(DEFAULT_SCENARIO.platform.keepWarm.everyS).toBe(0);
    expect(DEFAULT_SCENARIO.alwaysOn.options).not.toContain('ec2:t3.small');
  });
});

describe('restoreScenario keeps unknown fields out of the scenario and reports them', () => {
  it('warns about each unknown field at every level', () => {
    const result = restoreScenario({
      colour: 'blue',
      traffic: { kind: 'poisson', ratePerS: 1, peakToMean: 2 },
      function: { memoryMB: 256 },
      platform: { keepWarm: { every: 60 } }
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.warnings).toEqual([
      'colour: unknown field, ignored',
      `traffic.peakToMean: unknown field for traffic kind 'poisson', ignored`,
      'function.memoryMB: unknown field, ignored',
      'platform.keepWarm.every: unknown field, ignored'
    ]);
    expect(result.scenario).not.toHaveProperty('colour');
    expect(result.scenario.traffic).toEqual({ kind: 'poisson', ratePerS: 1 });
    expect(result.scenario.function).not.toHaveProperty('memoryMB');
  });
});

describe('the default scenario round-trips', () => {
  it('restores DEFAULT_SCENARIO to itself with no warnings', () => {
    expect(restoreScenario(DEFAULT_SCENARIO)).toEqual({
      ok: true,
      scenario: DEFAULT_SCENARIO,
      warnings: []
    });
  });

  it('restores its JSON to the same scenario, and the result again to itself', () => {
    const once = restoreScenario(JSON.parse(JSON.stringify(DEFAULT_SCENARIO)));
    if (!once.ok) throw new Error('default must restore');
    expect(restoreScenario(once.scenario)).toEqual(once);
    expect(JSON.stringify(once.scenario)).toBe(JSON.stringify(DEFAULT_SCENARIO));
  });

  it('restores every example in examples/ without errors or warnings', () => {
    const files = readdirSync('examples').filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const result = restoreScenario(JSON.parse(readFileSync(`examples/${file}`, 'utf8')));
      expect({ file, ok: result.ok, warnings: result.warnings }).toEqual({
        file,
        ok: true,
        warnings: []
      });
    }
  });
});

describe('migrateScenario applies each version step in order', () => {
  // A made-up v1 → v2 step: renames keepAliveS, as a real v2 migration would rename a field.
  const v1ToV2: Migration = (input, warn) => {
    warn('renamed platform.keepAliveS to platform.idleTimeoutS');
    const platform = { ...(input.platform as Record<string, unknown>) };
    platform.idleTimeoutS = platform.keepAliveS;
    delete platform.keepAliveS;
    return { ...input, platform };
  };

  it('runs the step from an older version and stamps the new version', () => {
    const warnings: string[] = [];
    const result = migrateScenario(
      { version: 1, platform: { keepAliveS: 60 } },
      (w) => warnings.push(w),
      { 1: v1ToV2 },
      2
    );
    expect(result).toEqual({
      ok: true,
      fromVersion: 1,
      value: { version: 2, platform: { idleTimeoutS: 60 } }
    });
    expect(warnings).toEqual(['renamed platform.keepAliveS to platform.idleTimeoutS']);
  });

  it('treats a missing version as the current one and leaves the object alone', () => {
    const input = { seed: 3 };
    expect(migrateScenario(input, () => {}, { 1: v1ToV2 }, 2)).toEqual({
      ok: true,
      fromVersion: 2,
      value: input
    });
  });

  it('reports a missing step instead of guessing', () => {
    expect(migrateScenario({ version: 1 }, () => {}, {}, 2)).toEqual({
      ok: false,
      error: { path: 'version', message: 'no migration from version 1 to 2' }
    });
  });
});

describe('restoreScenario never throws and is idempotent (property tests)', () => {
  /** Every dotted path of the default scenario, to replace one at a time with arbitrary values. */
  const paths: string[] = [];
  (function walk(value: unknown, path: string) {
    if (path) paths.push(path);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    }
  })(DEFAULT_SCENARIO, '');

  const anyValue = fc.oneof(
    fc.jsonValue(),
    fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 2 ** 53, -1, 0, 1e-9, undefined)
  );

  it('answers every JSON value with a scenario or with messages', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const result = restoreScenario(input);
        if (!result.ok) expect(result.errors.every((e) => e.message.length > 0)).toBe(true);
      }),
      { numRuns: 300 }
    );
  });

  it('restores its own output to itself, whichever field was changed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...paths), anyValue, (path, value) => {
        const input = setIn(JSON.parse(JSON.stringify(DEFAULT_SCENARIO)), path, value);
        const result = restoreScenario(input);
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          return;
        }
        expect(restoreScenario(result.scenario)).toEqual({
          ok: true,
          scenario: result.scenario,
          warnings: []
        });
      }),
      { numRuns: 500 }
    );
  });
});
