/** What one request asks of a server: CPU work and I/O wait, derived from the function's spec. */
import type { Scenario } from '../../scenario/schema.ts';
import { distMean } from '../distributions/sampler.ts';
import { PRICING } from '../pricing/catalog.ts';
import { cloudRunDefaultVcpu } from '../pricing/gcpCloudRun.ts';

export interface ServerWorkload {
  /** CPU work per request on one full core, ms. */
  cpuMs: number;
  /** Time per request not using CPU (waiting on I/O), ms. */
  ioMs: number;
  /** The function's vCPU share at its memory on its provider. */
  faasCpuShare: number;
  /** How these were derived. */
  note: string;
}

/**
 * vCPUs the function gets at its memory: Lambda 1 vCPU at 1,769 MB, linear, up to 6 (pricing-facts
 * §1.4); GCF by its GHz table at 2.4 GHz per vCPU (§2.1); Cloud Run its vCPUs; Flex 1 vCPU per
 * 2,048 MB [U]; Azure Consumption and Cloudflare one core [U].
 */
export function faasCpuShare(scenario: Scenario): number {
  const mb = scenario.function.memoryMb;
  switch (scenario.platform.provider) {
    case 'aws-lambda':
      return Math.min(6, mb / 1769);
    case 'gcp-functions-gen1': {
      const table = PRICING['gcp-functions-gen1'].ghzByMemoryMb;
      const size =
        Object.keys(table)
          .map(Number)
          .sort((a, b) => a - b)
          .find((s) => s >= mb) ?? 8192;
      return table[size] / 2.4;
    }
    case 'gcp-cloud-run':
      return scenario.billing.vcpu ?? cloudRunDefaultVcpu(mb);
    case 'azure-flex':
      return mb / 2048;
    case 'azure-consumption':
    case 'cloudflare-workers':
      return 1;
  }
}

/**
 * serverWorkload(scenario): the CPU-bound part of the mean duration (durationMs × cpuBoundFraction,
 * measured at the function's CPU share s) is s × that much work on a full core, at most `threads`
 * cores' worth; the rest is I/O wait, the same on any machine.
 */
export function serverWorkload(scenario: Scenario): ServerWorkload {
  const fn = scenario.function;
  const meanMs = distMean(fn.durationMs);
  const share = faasCpuShare(scenario);
  const cpuPartMs = meanMs * fn.cpuBoundFraction;
  const cpuMs = cpuPartMs * Math.min(share, fn.threads);
  return {
    cpuMs,
    ioMs: meanMs - cpuPartMs,
    faasCpuShare: share,
    note: `Server CPU per request = mean duration ${round(meanMs)} ms × cpuBoundFraction ${fn.cpuBoundFraction} × min(vCPU share ${round(share)}, threads ${fn.threads}) = ${round(cpuMs)} ms; I/O wait ${round(meanMs - cpuPartMs)} ms.`
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
