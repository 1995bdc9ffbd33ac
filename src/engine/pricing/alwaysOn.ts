/**
 * Always-on options to compare a function with (pricing-facts.md §2.3, §5): EC2, Compute Engine,
 * Fargate, App Runner and Heroku, each with its shape and its price, under one catalog id.
 */
import type { Arch } from '../../scenario/schema.ts';
import { price, type Confidence, type Price } from './price.ts';
import { SOURCES } from './sources.ts';

const { EC2, GCE, F1, AR1, H1, H2 } = SOURCES;

/** How an option is billed. */
export type AlwaysOnPricing =
  /** Per instance-hour while running (EC2 per second with a 60 s minimum, GCE per second). */
  | { kind: 'hourly'; hour: Price }
  /** Per vCPU and GB per second of task time, 60 s minimum; ephemeral storage above 20 GB. */
  | {
      kind: 'fargate';
      vcpuSecond: Price;
      gbSecond: Price;
      ephemeralGbSecond: Price;
      includedEphemeralGb: number;
    }
  /** Memory always (provisioned), vCPU and memory again while active (processing requests). */
  | { kind: 'apprunner'; provisionedGbHour: Price; activeVcpuHour: Price; activeGbHour: Price }
  /** A monthly price, prorated to the second, capped at the price for a whole month. */
  | { kind: 'monthly'; month: Price; monthHours: number };

export interface AlwaysOnOption {
  /** Catalog id, e.g. 'ec2:t4g.small', 'fargate:1vcpu-2gb-arm64'. */
  id: string;
  label: string;
  /** vCPUs one instance can keep busy for sizing (sustained; for shared cores, the share). */
  vcpu: number;
  /** Source confidence of `vcpu`. */
  vcpuConfidence: Confidence;
  memoryGb: number;
  arch: Arch;
  /** Burstable instances: sustained CPU share per vCPU without surplus credits; null otherwise. */
  baselinePerVcpu: number | null;
  pricing: AlwaysOnPricing;
}

function ec2(
  name: string,
  vcpu: number,
  memoryGb: number,
  arch: Arch,
  usd: number,
  baseline: number | null
): AlwaysOnOption {
  return {
    id: `ec2:${name}`,
    label: `EC2 ${name}`,
    vcpu,
    vcpuConfidence: 'C',
    memoryGb,
    arch,
    baselinePerVcpu: baseline,
    pricing: { kind: 'hourly', hour: price(usd, 'hour', EC2, 'C') }
  };
}

/** E2 prices derived from the us-central1 unit rates $0.021811 per vCPU-h and $0.002923 per GB-h. */
function gce(name: string, vcpuShare: number, memoryGb: number, usd: number): AlwaysOnOption {
  return {
    id: `gce:${name}`,
    label: `Compute Engine ${name}`,
    vcpu: vcpuShare,
    vcpuConfidence: 'C',
    memoryGb,
    arch: 'x86_64',
    baselinePerVcpu: null,
    pricing: { kind: 'hourly', hour: price(usd, 'hour', GCE, 'D') }
  };
}

function heroku(name: string, memoryGb: number, usd: number, vcpu: number): AlwaysOnOption {
  return {
    id: `heroku:${name}`,
    label: `Heroku ${name} dyno`,
    // Heroku publishes CPU "share" and "compute" multiples, not vCPUs: a sizing assumption [U].
    vcpu,
    vcpuConfidence: 'U',
    memoryGb,
    arch: 'x86_64',
    baselinePerVcpu: null,
    pricing: { kind: 'monthly', month: price(usd, 'month', H1, 'P'), monthHours: 730 }
  };
}

export const FARGATE_PRICES: { [A in Arch]: Extract<AlwaysOnPricing, { kind: 'fargate' }> } = {
  x86_64: {
    kind: 'fargate',
    vcpuSecond: price(0.000011244, 'vCPU-s', F1, 'P'),
    gbSecond: price(0.000001235, 'GB-s', F1, 'P'),
    ephemeralGbSecond: price(0.0000000308, 'GB-s', F1, 'P'),
    includedEphemeralGb: 20
  },
  arm64: {
    kind: 'fargate',
    vcpuSecond: price(0.0000089944, 'vCPU-s', F1, 'P'),
    gbSecond: price(0.0000009889, 'GB-s', F1, 'P'),
    ephemeralGbSecond: price(0.0000000308, 'GB-s', F1, 'P'),
    includedEphemeralGb: 20
  }
};

const APP_RUNNER: Extract<AlwaysOnPricing, { kind: 'apprunner' }> = {
  kind: 'apprunner',
  provisionedGbHour: price(0.007, 'GB-h', AR1, 'P'),
  activeVcpuHour: price(0.064, 'vCPU-h', AR1, 'P'),
  activeGbHour: price(0.007, 'GB-h', AR1, 'P')
};

/** Fargate's task sizes: memory (GB) allowed for each vCPU count (F1; 16 vCPU in 8 GB steps). */
const FARGATE_SIZES: {
  [vcpu: string]: { min: number; max: number; step: number; also?: number[] };
} = {
  '0.25': { min: 1, max: 2, step: 1, also: [0.5] },
  '0.5': { min: 1, max: 4, step: 1 },
  '1': { min: 2, max: 8, step: 1 },
  '2': { min: 4, max: 16, step: 1 },
  '4': { min: 8, max: 30, step: 1 },
  '8': { min: 16, max: 60, step: 4 },
  '16': { min: 32, max: 120, step: 8 }
};

const APP_RUNNER_SIZES = [
  '0.25vcpu-0.5gb',
  '0.25vcpu-1gb',
  '0.5vcpu-1gb',
  '1vcpu-2gb',
  '1vcpu-3gb',
  '1vcpu-4gb',
  '2vcpu-4gb',
  '4vcpu-8gb',
  '4vcpu-10gb',
  '4vcpu-12gb'
];

/** The listed options (Fargate and App Runner accept any valid size through `alwaysOnOption`). */
export const ALWAYS_ON_OPTIONS: readonly AlwaysOnOption[] = [
  // Burstable T instances: 20 % baseline per vCPU for t3.small and t4g.small (EC2 burstable docs) [U].
  ec2('t4g.small', 2, 2, 'arm64', 0.0168, 0.2),
  ec2('t3.small', 2, 2, 'x86_64', 0.0208, 0.2),
  ec2('m7g.large', 2, 8, 'arm64', 0.0816, null),
  ec2('c7g.large', 2, 4, 'arm64', 0.0725, null),
  ec2('m6i.large', 2, 8, 'x86_64', 0.096, null),
  gce('e2-micro', 0.25, 1, 0.008376),
  gce('e2-small', 0.5, 2, 0.016751),
  gce('e2-medium', 1, 4, 0.033503),
  gce('e2-standard-2', 2, 8, 0.067006),
  fargateOption(0.25, 0.5, 'x86_64')!,
  fargateOption(0.5, 1, 'x86_64')!,
  fargateOption(1, 2, 'x86_64')!,
  fargateOption(1, 2, 'arm64')!,
  fargateOption(2, 4, 'x86_64')!,
  fargateOption(2, 4, 'arm64')!,
  fargateOption(4, 8, 'arm64')!,
  appRunnerOption('1vcpu-2gb')!,
  appRunnerOption('2vcpu-4gb')!,
  heroku('basic', 0.5, 7, 1),
  heroku('standard-1x', 0.5, 25, 1),
  heroku('standard-2x', 1, 50, 1),
  heroku('performance-m', 2.5, 250, 2),
  heroku('performance-l', 14, 500, 8)
];

function fargateOption(vcpu: number, memoryGb: number, arch: Arch): AlwaysOnOption | null {
  const size = FARGATE_SIZES[String(vcpu)];
  if (!size) return null;
  const inRange =
    memoryGb >= size.min && memoryGb <= size.max && (memoryGb - size.min) % size.step === 0;
  if (!inRange && !size.also?.includes(memoryGb)) return null;
  const archId = arch === 'arm64' ? 'arm64' : 'x86';
  return {
    id: `fargate:${vcpu}vcpu-${memoryGb}gb-${archId}`,
    label: `Fargate ${vcpu} vCPU / ${memoryGb} GB ${arch === 'arm64' ? 'Linux/ARM' : 'Linux/x86'}`,
    vcpu,
    vcpuConfidence: 'P',
    memoryGb,
    arch,
    baselinePerVcpu: null,
    pricing: FARGATE_PRICES[arch]
  };
}

function appRunnerOption(size: string): AlwaysOnOption | null {
  if (!APP_RUNNER_SIZES.includes(size)) return null;
  const m = /^([\d.]+)vcpu-([\d.]+)gb$/.exec(size)!;
  return {
    id: `apprunner:${size}`,
    label: `App Runner ${m[1]} vCPU / ${m[2]} GB`,
    vcpu: Number(m[1]),
    vcpuConfidence: 'U',
    memoryGb: Number(m[2]),
    arch: 'x86_64',
    baselinePerVcpu: null,
    pricing: APP_RUNNER
  };
}

/**
 * The option with catalog id `id` ('ec2:t4g.small', 'fargate:1vcpu-2gb-arm64', 'apprunner:1vcpu-2gb'),
 * or null when there is none. Fargate accepts any valid task size, arch 'x86', 'x86_64' or 'arm64'.
 */
export function alwaysOnOption(id: string): AlwaysOnOption | null {
  const listed = ALWAYS_ON_OPTIONS.find((o) => o.id === id);
  if (listed) return listed;
  const fargate = /^fargate:([\d.]+)vcpu-([\d.]+)gb-(x86|x86_64|arm64)$/.exec(id);
  if (fargate) {
    return fargateOption(
      Number(fargate[1]),
      Number(fargate[2]),
      fargate[3] === 'arm64' ? 'arm64' : 'x86_64'
    );
  }
  if (id.startsWith('apprunner:')) return appRunnerOption(id.slice('apprunner:'.length));
  return null;
}

/** Where the always-on shapes come from (the dyno table; EC2 shapes are in EC2's source). */
export const ALWAYS_ON_SHAPE_SOURCES = [H2];
