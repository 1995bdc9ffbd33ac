/** Hard platform limits per provider (no prices): memory sizes, concurrency, timeout, with sources. */
import type { Provider } from '../../scenario/schema.ts';

/** Where a figure comes from: the section and source key in /work/shared/reference/pricing-facts.md. */
export type LimitSource = string;

export interface MemoryLimits {
  /** Smallest configurable (or billed) memory, MB. */
  min: number;
  /** Largest configurable memory, MB. */
  max: number;
  /** Allowed increment from `min`, MB (1 = any whole MB). */
  step: number;
  /** The only allowed sizes, MB, when the provider offers a fixed list; null = any step in range. */
  sizes: readonly number[] | null;
  source: LimitSource;
}

export interface ProviderLimits {
  /** Human name, e.g. 'AWS Lambda'. */
  label: string;
  memoryMb: MemoryLimits;
  /** Largest `instanceConcurrency` (requests one instance serves at once). */
  maxInstanceConcurrency: { value: number; source: LimitSource };
  /** Longest invocation, s; null = no wall-clock limit published. */
  maxTimeoutS: { value: number | null; source: LimitSource };
  /** Concurrent instances an account gets by default (a soft limit), null = not published. */
  defaultAccountConcurrency: { value: number | null; source: LimitSource };
  /** Whether always-warm instances (Provisioned Concurrency, min-instances, always ready) exist. */
  provisioned: { supported: boolean; source: LimitSource };
}

const FACTS = 'pricing-facts.md';

export const PROVIDER_LIMITS: { readonly [P in Provider]: ProviderLimits } = {
  'aws-lambda': {
    label: 'AWS Lambda',
    memoryMb: {
      min: 128,
      max: 10_240,
      step: 1,
      sizes: null,
      source: `${FACTS} §1.4 [P] L7: 128–10,240 MB in 1 MB increments (since Dec 2020)`
    },
    maxInstanceConcurrency: {
      value: 1,
      source: 'Lambda scaling behavior (L10): one request per execution environment at a time'
    },
    maxTimeoutS: { value: 900, source: `${FACTS} §1.4 [P] L9: 15 min per invocation` },
    defaultAccountConcurrency: {
      value: 1000,
      source: `${FACTS} §1.4 [P] L9: 1,000 concurrent executions per region (soft)`
    },
    provisioned: { supported: true, source: `${FACTS} §1.6 [P] L1: Provisioned Concurrency` }
  },
  'gcp-functions-gen1': {
    label: 'Cloud Run functions (1st gen)',
    memoryMb: {
      min: 128,
      max: 8192,
      step: 1,
      sizes: [128, 256, 512, 1024, 2048, 4096, 8192],
      source: `${FACTS} §2.1 [P] G2, G3: memory → CPU tier table, 128 MB … 8 GB`
    },
    maxInstanceConcurrency: {
      value: 1,
      source: `${FACTS} §2.1 [P] G4: 1 concurrent request per instance`
    },
    maxTimeoutS: { value: 540, source: `${FACTS} §2.1 [P] G4: max timeout 9 min` },
    defaultAccountConcurrency: { value: null, source: `not in ${FACTS} [U]` },
    provisioned: { supported: true, source: `${FACTS} §2.1 [P] G5: min-instances` }
  },
  'gcp-cloud-run': {
    label: 'Cloud Run',
    memoryMb: {
      min: 128,
      max: 32_768,
      step: 1,
      sizes: null,
      // Same table as CLOUD_RUN_MIN_VCPU in cpu.ts, so every memory it sizes a CPU for is allowed.
      source:
        `${FACTS} §2.2 [P] G4 confirms 16 GiB; 32 GiB with 8 vCPU from Cloud Run "Configure memory ` +
        `limits" (cited in platform/cpu.ts); minimum 128 MiB [U]`
    },
    maxInstanceConcurrency: {
      value: 1000,
      source: `${FACTS} §2.2 [P] G8: up to 1,000 concurrent requests per instance`
    },
    maxTimeoutS: { value: 3600, source: `${FACTS} §2.2 [C]: HTTP request timeout up to 60 min` },
    defaultAccountConcurrency: { value: null, source: `not in ${FACTS} [U]` },
    provisioned: { supported: true, source: `${FACTS} §2.2 [P] G7: min-instances` }
  },
  'azure-consumption': {
    label: 'Azure Functions Consumption',
    memoryMb: {
      // Observed, not configured, memory: billed in 128 MB buckets with a 128 MB minimum.
      min: 128,
      max: 1536,
      step: 1,
      sizes: null,
      source: `${FACTS} §3.1 [P] A1, A2: observed memory, 128 MB minimum, max 1,536 MB`
    },
    maxInstanceConcurrency: {
      value: 1000,
      source: `${FACTS} §3.1 [P] A1 says concurrency in one process counts; the cap 1,000 is [U]`
    },
    maxTimeoutS: { value: 600, source: `not in ${FACTS}: 10 min Consumption maximum [U]` },
    defaultAccountConcurrency: { value: null, source: `not in ${FACTS} [U]` },
    provisioned: {
      supported: false,
      source: `${FACTS} §3.1: no always-ready meter on Consumption (Flex and Premium only) [U]`
    }
  },
  'azure-flex': {
    label: 'Azure Functions Flex Consumption',
    memoryMb: {
      min: 512,
      max: 4096,
      step: 1,
      sizes: [512, 2048, 4096],
      source: `${FACTS} §3.2 [P] A4, A5: instance sizes 2,048 and 4,096 MB; 512 MB [U]`
    },
    maxInstanceConcurrency: {
      value: 1000,
      source: `not in ${FACTS}: per-instance HTTP concurrency is configurable, cap 1,000 [U]`
    },
    maxTimeoutS: { value: null, source: `not in ${FACTS}: no maximum for HTTP-free triggers [U]` },
    defaultAccountConcurrency: { value: null, source: `not in ${FACTS} [U]` },
    provisioned: { supported: true, source: `${FACTS} §3.2 [C] A4, A5: always-ready instances` }
  },
  'cloudflare-workers': {
    label: 'Cloudflare Workers',
    memoryMb: {
      min: 128,
      max: 128,
      step: 1,
      sizes: null,
      source: `not in ${FACTS}: 128 MB per isolate (Cloudflare Workers limits page) [U]`
    },
    maxInstanceConcurrency: {
      value: 1000,
      source: `not in ${FACTS}: an isolate serves many requests; cap 1,000 is a model choice [U]`
    },
    maxTimeoutS: { value: null, source: `${FACTS} §4 [P] C1: wall-clock duration has no limit` },
    defaultAccountConcurrency: { value: null, source: `${FACTS} §4 [P] C1: none published` },
    provisioned: { supported: false, source: `${FACTS} §4 [P] C1: no provisioned capacity` }
  }
};

/** Lambda ephemeral storage (/tmp), MB: 512–10,240 in 1 MB steps (pricing-facts.md §1.4 [P] L1). */
export const LAMBDA_EPHEMERAL_MB = { min: 512, max: 10_240, step: 1 } as const;

/** Whether `memoryMb` is a size the provider lets you configure. */
export function isAllowedMemory(limits: MemoryLimits, memoryMb: number): boolean {
  if (limits.sizes) return limits.sizes.includes(memoryMb);
  return (
    memoryMb >= limits.min && memoryMb <= limits.max && (memoryMb - limits.min) % limits.step === 0
  );
}

/** The allowed memory size nearest to `memoryMb` (ties go to the larger size). */
export function nearestAllowedMemory(limits: MemoryLimits, memoryMb: number): number {
  if (limits.sizes) {
    let best = limits.sizes[0]!;
    for (const size of limits.sizes) {
      if (Math.abs(size - memoryMb) <= Math.abs(best - memoryMb)) best = size;
    }
    return best;
  }
  const clamped = Math.min(limits.max, Math.max(limits.min, memoryMb));
  return limits.min + Math.round((clamped - limits.min) / limits.step) * limits.step;
}
