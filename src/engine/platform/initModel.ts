/** Cold-start init time modelled from runtime, architecture, package size and memory, per provider. */
import type { Arch, DurationDist, Provider, Runtime, Scenario } from '../../scenario/schema.ts';
import { cpuShare } from './cpu.ts';
import {
  CLOUDFLARE_INIT_MS,
  HELLO_WORLD_PACKAGE_MB,
  LAMBDA_INIT,
  MULTICORE_GAIN_PER_VCPU_DOUBLING,
  NATIVE_RUNTIMES,
  PACKAGE_MS_PER_MB,
  PACKAGE_SIGMA,
  SHILKOV_BASE,
  type Phase,
  type ShilkovProvider
} from './initCalibration.ts';

/** z of the 99th percentile of a standard normal. */
const Z99 = 2.3263478740408408;

/** How the function is deployed: a zip archive (the default) or a container image. */
export type Packaging = 'zip' | 'image';

/** What the init model reads; `initBreakdown` takes it so validation can vary each input. */
export interface InitModelInput {
  provider: Provider;
  runtime: Runtime;
  arch: Arch;
  /** Default 'zip' (the scenario format has no packaging field yet). */
  packaging: Packaging;
  /** Deployment package, MB; ≤ 1 counts as a hello world. */
  packageMb: number;
  memoryMb: number;
}

/** A part of the cold start as two quantiles, ms. */
export interface Quantiles {
  median: number;
  p99: number;
}

/** The modelled cold start, ms, by part. Parts are added quantile by quantile (see `initBreakdown`). */
export interface InitBreakdown {
  /** Runtime start of a hello world: Lambda's INIT phase; elsewhere the measured end-to-end cold start. */
  start: Quantiles;
  /** Loading the package beyond a hello world. */
  package: Quantiles;
  /** CPU-bound extra work of the first invocation (JIT, class loading), not CPU-boosted. */
  firstInvokeMs: number;
  median: number;
  p99: number;
  /**
   * Where `start` comes from: 'measured' for this provider and runtime; 'fallback' = the provider's
   * JavaScript measurement plus the runtime's INIT difference on Lambda; 'vendor' = a vendor statement.
   */
  basis: 'measured' | 'fallback' | 'vendor';
}

function quantiles(phase: Phase): Quantiles {
  return { median: phase.medianMs, p99: phase.medianMs * Math.exp(Z99 * phase.sigma) };
}

function scale(q: Quantiles, factor: number): Quantiles {
  return { median: q.median * factor, p99: q.p99 * factor };
}

function family(provider: Provider): 'aws' | ShilkovProvider | 'cloudflare' {
  switch (provider) {
    case 'aws-lambda':
      return 'aws';
    // Cloud Run (and so Cloud Run functions) has no cold-start data of its own; it is assumed to
    // behave like the Cloud Functions Shilkov measured.
    case 'gcp-functions-gen1':
    case 'gcp-cloud-run':
      return 'gcp';
    // Flex Consumption has no data; Consumption's measurements stand in for it.
    case 'azure-consumption':
    case 'azure-flex':
      return 'azure';
    case 'cloudflare-workers':
      return 'cloudflare';
  }
}

/**
 * Hello-world start outside AWS for a runtime without a measurement: the provider's JavaScript row
 * plus the runtime's INIT difference from nodejs20 on Lambda (x86_64 zip), with JavaScript's spread.
 */
export function fallbackStart(fam: ShilkovProvider, runtime: Runtime): Phase {
  const js = SHILKOV_BASE[fam].nodejs20!;
  const gap = LAMBDA_INIT[runtime].x86_64.zip.medianMs - LAMBDA_INIT.nodejs20.x86_64.zip.medianMs;
  return { medianMs: js.medianMs + gap, sigma: js.sigma };
}

function shilkovStart(fam: ShilkovProvider, runtime: Runtime): { phase: Phase; measured: boolean } {
  const row = SHILKOV_BASE[fam][runtime];
  return row
    ? { phase: row, measured: true }
    : { phase: fallbackStart(fam, runtime), measured: false };
}

function packagePart(input: InitModelInput, fam: 'aws' | ShilkovProvider): Quantiles {
  const extraMb = Math.max(0, input.packageMb - HELLO_WORLD_PACKAGE_MB);
  // A container image is loaded lazily (Shilkov coldstart_aws_bydocker.json: +100 MB and +5 GB of
  // image moved the median by +9 % and +3 %, inside the 67 % band), and native binaries are mapped.
  if (extraMb === 0 || input.packaging === 'image' || NATIVE_RUNTIMES.includes(input.runtime)) {
    return { median: 0, p99: 0 };
  }
  const median = extraMb * (fam === 'azure' ? PACKAGE_MS_PER_MB.azure : PACKAGE_MS_PER_MB.aws);
  return { median, p99: median * Math.exp(Z99 * PACKAGE_SIGMA[fam]) };
}

function assertInput(input: InitModelInput): void {
  if (!Number.isFinite(input.packageMb) || input.packageMb < 0) {
    throw new RangeError(`function.packageMb ${input.packageMb} must be a finite number ≥ 0`);
  }
  if (!(input.runtime in LAMBDA_INIT)) {
    throw new RangeError(`function.runtime ${String(input.runtime)} has no init model`);
  }
}

/**
 * The cold start by part. Parts are treated as comonotonic (a slow host is slow in every phase), so
 * medians add and 99th percentiles add: both are then exact quantiles of the sum.
 */
export function initBreakdown(input: InitModelInput): InitBreakdown {
  assertInput(input);
  const fam = family(input.provider);
  if (fam === 'cloudflare') {
    const start = { median: CLOUDFLARE_INIT_MS, p99: CLOUDFLARE_INIT_MS };
    return {
      start,
      package: { median: 0, p99: 0 },
      firstInvokeMs: 0,
      ...start,
      basis: 'vendor'
    };
  }
  let start: Quantiles;
  let firstInvokeMs = 0;
  let basis: InitBreakdown['basis'] = 'measured';
  const share = cpuShare(input.provider, input.memoryMb);
  // The first invocation runs at the configured share; a single-threaded JIT gains nothing above 1.
  const vcpu = Math.min(1, share);
  let pkg = packagePart(input, fam);
  if (fam === 'aws') {
    const cal = LAMBDA_INIT[input.runtime][input.arch];
    start = quantiles(cal[input.packaging]);
    firstInvokeMs = cal.firstInvokeCpuMs / vcpu;
    if (share > 1) {
      const gain = 1 - MULTICORE_GAIN_PER_VCPU_DOUBLING * Math.log2(share);
      start = scale(start, gain);
      pkg = scale(pkg, gain);
    }
  } else {
    const { phase, measured } = shilkovStart(fam, input.runtime);
    start = quantiles(phase);
    if (!measured) {
      basis = 'fallback';
      // The measured rows already contain their first invocation; a borrowed runtime brings its own.
      firstInvokeMs = LAMBDA_INIT[input.runtime].x86_64.firstInvokeCpuMs / vcpu;
    }
  }
  return {
    start,
    package: pkg,
    firstInvokeMs,
    median: start.median + pkg.median + firstInvokeMs,
    p99: start.p99 + pkg.p99 + firstInvokeMs,
    basis
  };
}

/** The modelled init-time distribution, ms, for a scenario whose `function.initMs` is null. */
export function initDistribution(scenario: Scenario): DurationDist {
  const { runtime, packageMb, memoryMb } = scenario.function;
  const { provider, arch } = scenario.platform;
  const b = initBreakdown({ provider, runtime, arch, packaging: 'zip', packageMb, memoryMb });
  if (b.p99 === b.median) return { dist: 'fixed', value: b.median };
  return { dist: 'lognormal', median: b.median, p99: b.p99 };
}
