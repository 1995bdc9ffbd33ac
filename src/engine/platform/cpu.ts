/** Memory buys CPU: the vCPU share each provider gives at a memory size, and how handler time scales with it. */
import type { DurationDist, FunctionSpec, Provider, Scenario } from '../../scenario/schema.ts';

// Sources: /work/shared/reference/pricing-facts.md (section and source key in each comment).

/** AWS Lambda: memory at which a function has the equivalent of one vCPU, MB (§1.4 [P] L7). */
export const LAMBDA_ONE_VCPU_MB = 1769;
/** AWS Lambda: largest memory, MB, where it has 6 vCPUs (§1.4 [P] L7, L8). */
export const LAMBDA_MAX_MB = 10_240;
const LAMBDA_MAX_VCPU = 6;

/**
 * Cloud Run functions 1st gen: memory tier (MB) → vCPU, 1 vCPU = 2.4 GHz (§2.1 [P] G2, G3: 200 MHz,
 * 400 MHz, 800 MHz, 1.4 GHz, 2.4 GHz, 4.8 GHz, 4.8 GHz). A size between tiers gets the next tier up.
 */
export const GCF_GEN1_TIERS: readonly (readonly [memoryMb: number, vcpu: number])[] = [
  [128, 0.2 / 2.4],
  [256, 0.4 / 2.4],
  [512, 0.8 / 2.4],
  [1024, 1.4 / 2.4],
  [2048, 1],
  [4096, 2],
  [8192, 2]
];

/**
 * Cloud Run: the schema has no vCPU field, so we assume the default 1 vCPU, raised to the smallest
 * count that allows the memory ("Configure memory limits", cloud.google.com/run/docs/configuring/
 * services/memory-limits: 1 vCPU up to 4 GiB, 2 up to 8 GiB, 4 up to 16 GiB, 6 up to 24 GiB,
 * 8 up to 32 GiB). Memory is read as MiB.
 */
export const CLOUD_RUN_MIN_VCPU: readonly (readonly [maxMemoryMb: number, vcpu: number])[] = [
  [4096, 1],
  [8192, 2],
  [16_384, 4],
  [24_576, 6],
  [32_768, 8]
];

/**
 * Azure Consumption: memory is observed, not configured; an instance has 100 ACU (one A-series-class
 * core) and up to 1.5 GB (Azure Functions service limits, learn.microsoft.com "functions-scale",
 * row "ACU per instance"). We model a fixed 1 vCPU whatever the memory.
 */
const AZURE_CONSUMPTION_VCPU = 1;

/**
 * Azure Flex Consumption: CPU proportional to instance memory, 512 MB → 0.25, 2,048 → 1, 4,096 → 2
 * cores (learn.microsoft.com "Flex Consumption plan hosting", instance memory table).
 */
const AZURE_FLEX_MB_PER_VCPU = 2048;

/**
 * Cloudflare Workers: one isolate runs on one thread, CPU is not configurable and memory is a fixed
 * 128 MB (developers.cloudflare.com/workers/platform/limits). Fixed 1 vCPU.
 */
const CLOUDFLARE_VCPU = 1;

function assertMemory(provider: Provider, memoryMb: number, max: number): void {
  if (!Number.isFinite(memoryMb) || memoryMb <= 0) {
    throw new RangeError(`memoryMb ${memoryMb} must be a finite number > 0 (provider ${provider})`);
  }
  if (memoryMb > max) {
    throw new RangeError(`memoryMb ${memoryMb} is above the ${provider} maximum of ${max} MB`);
  }
}

/** vCPUs the provider gives a function configured with `memoryMb` (fractional = a time share). */
export function cpuShare(provider: Provider, memoryMb: number): number {
  switch (provider) {
    case 'aws-lambda':
      assertMemory(provider, memoryMb, LAMBDA_MAX_MB);
      // Linear below 1,769 MB (MB/1769 of a vCPU, §1.4 [C]); above, linear from 1 vCPU at 1,769 MB to
      // 6 at 10,240 MB, the two published anchors. The [C] core thresholds (2 cores at 1,770–3,538 MB,
      // …) agree within 4 % at the top of each range.
      if (memoryMb <= LAMBDA_ONE_VCPU_MB) return memoryMb / LAMBDA_ONE_VCPU_MB;
      return (
        1 +
        ((LAMBDA_MAX_VCPU - 1) * (memoryMb - LAMBDA_ONE_VCPU_MB)) /
          (LAMBDA_MAX_MB - LAMBDA_ONE_VCPU_MB)
      );
    case 'gcp-functions-gen1': {
      const last = GCF_GEN1_TIERS[GCF_GEN1_TIERS.length - 1]!;
      assertMemory(provider, memoryMb, last[0]);
      for (const [tierMb, vcpu] of GCF_GEN1_TIERS) if (memoryMb <= tierMb) return vcpu;
      return last[1];
    }
    case 'gcp-cloud-run': {
      const last = CLOUD_RUN_MIN_VCPU[CLOUD_RUN_MIN_VCPU.length - 1]!;
      assertMemory(provider, memoryMb, last[0]);
      for (const [maxMb, vcpu] of CLOUD_RUN_MIN_VCPU) if (memoryMb <= maxMb) return vcpu;
      return last[1];
    }
    case 'azure-consumption':
      assertMemory(provider, memoryMb, Infinity);
      return AZURE_CONSUMPTION_VCPU;
    case 'azure-flex':
      assertMemory(provider, memoryMb, Infinity);
      return memoryMb / AZURE_FLEX_MB_PER_VCPU;
    case 'cloudflare-workers':
      assertMemory(provider, memoryMb, Infinity);
      return CLOUDFLARE_VCPU;
  }
}

/** CPU the handler can use: the share, but no more vCPUs than it has threads to keep busy. */
export function effectiveCpu(provider: Provider, memoryMb: number, threads: number): number {
  return Math.min(cpuShare(provider, memoryMb), threads);
}

/**
 * Factor by which a handler duration measured at `fromMb` changes at `toMb`:
 * (1 − f) + f · effCpu(from) / effCpu(to), f = cpuBoundFraction, effCpu = min(cpuShare, threads).
 */
export function durationScale(
  fn: Pick<FunctionSpec, 'cpuBoundFraction' | 'threads'>,
  provider: Provider,
  fromMb: number,
  toMb: number
): number {
  const f = fn.cpuBoundFraction;
  if (!(f >= 0 && f <= 1)) {
    throw new RangeError(`function.cpuBoundFraction ${f} must be in [0, 1]`);
  }
  if (!(fn.threads >= 1) || !Number.isFinite(fn.threads)) {
    throw new RangeError(`function.threads ${fn.threads} must be a finite number ≥ 1`);
  }
  const from = effectiveCpu(provider, fromMb, fn.threads);
  const to = effectiveCpu(provider, toMb, fn.threads);
  return 1 - f + (f * from) / to;
}

/** `dist` with every duration multiplied by `factor` (> 0); the shape is kept. */
export function scaleDuration(dist: DurationDist, factor: number): DurationDist {
  switch (dist.dist) {
    case 'fixed':
      return { dist: 'fixed', value: dist.value * factor };
    case 'exponential':
      return { dist: 'exponential', mean: dist.mean * factor };
    case 'lognormal':
      return { dist: 'lognormal', median: dist.median * factor, p99: dist.p99 * factor };
    case 'percentiles':
      return { dist: 'percentiles', p: dist.p.slice(), ms: dist.ms.map((ms) => ms * factor) };
  }
}

/**
 * The scenario at `memoryMb`: `function.durationMs` (measured at the configured memory) rescaled by
 * `durationScale`. A user-given `initMs` is kept as given; a null one is re-derived by the init model
 * at the new memory. The input is not modified.
 */
export function rescaleScenarioForMemory(scenario: Scenario, memoryMb: number): Scenario {
  const fn = scenario.function;
  const factor = durationScale(fn, scenario.platform.provider, fn.memoryMb, memoryMb);
  return {
    ...scenario,
    function: { ...fn, memoryMb, durationMs: scaleDuration(fn.durationMs, factor) }
  };
}
