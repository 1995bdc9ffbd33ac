/** Defaults of scenario format v1: the one place each default value lives. */
import type { Scenario, Traffic } from './schema.ts';

export const SCENARIO_VERSION = 1 as const;

export const DEFAULT_SCENARIO: Scenario = {
  version: 1,
  seed: 1,
  durationS: 86_400,
  traffic: { kind: 'poisson', ratePerS: 10 },
  function: {
    memoryMb: 512,
    runtime: 'nodejs20',
    packageMb: 1,
    durationMs: { dist: 'lognormal', median: 120, p99: 900 },
    cpuBoundFraction: 0.5,
    threads: 1,
    initMs: null
  },
  platform: {
    provider: 'aws-lambda',
    arch: 'x86_64',
    keepAliveS: 600,
    keepAlive: { policy: 'fixed' },
    reuse: 'mru',
    maxConcurrency: 1000,
    instanceConcurrency: 1,
    provisioned: 0,
    placement: 'new-instance',
    maxLifetimeS: null,
    keepWarm: { everyS: 0, concurrency: 1, durationMs: 5 }
  },
  billing: {
    freeTier: false,
    granularityMs: null,
    billInit: null,
    apiGateway: 'none',
    ephemeralMb: 512,
    monthHours: 730,
    cloudRunBilling: 'request',
    vcpu: null
  },
  alwaysOn: {
    options: ['ec2:t4g.small', 'ec2:m7g.large', 'fargate:1vcpu-2gb-arm64'],
    targetUtilization: 0.6,
    minInstances: 2
  }
};

/** Defaults for each traffic kind's own fields, used when the user switches kind. */
export const DEFAULT_TRAFFIC: { [K in Traffic['kind']]: Extract<Traffic, { kind: K }> } = {
  constant: { kind: 'constant', ratePerS: 10 },
  poisson: { kind: 'poisson', ratePerS: 10 },
  diurnal: { kind: 'diurnal', meanRatePerS: 10, peakToMean: 3, peakHourUtc: 15 },
  bursts: {
    kind: 'bursts',
    baseRatePerS: 1,
    burstRatePerS: 50,
    burstEveryS: 3600,
    burstLengthS: 60,
    burstOffsetS: 0
  },
  trace: {
    kind: 'trace',
    file: { name: '', sizeBytes: null, sha256: null },
    durationsFile: null,
    memoryFile: null,
    format: 'auto',
    select: { mode: 'all' },
    useTraceDurations: true,
    inline: null
  }
};
