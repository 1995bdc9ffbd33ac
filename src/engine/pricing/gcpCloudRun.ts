/** Cloud Run (services, and functions 2nd gen) prices, Tier 1 (pricing-facts.md §2.2). */
import { allowance, price, type Allowance, type Price } from './price.ts';
import { SOURCES } from './sources.ts';

const { G3, G6 } = SOURCES;

export interface CloudRunModePrices {
  vcpu: Price;
  memory: Price;
  /** null: no per-request fee in this mode. */
  request: Price | null;
  freeVcpuSeconds: Allowance;
  freeGibSeconds: Allowance;
  freeRequests: Allowance | null;
}

export interface CloudRunPrices {
  /** Request-based billing: CPU only while processing a request (the default). */
  request: CloudRunModePrices;
  /** Instance-based billing: the whole instance lifetime. */
  instance: CloudRunModePrices;
  /** Request-based, idle instances kept by min-instances. */
  idleVcpu: Price;
  idleMemory: Price;
  /** Busy periods are rounded up to this, ms. */
  granularityMs: number;
}

export const GCP_CLOUD_RUN: CloudRunPrices = {
  request: {
    vcpu: price(0.000024, 'vCPU-s', G6, 'P'),
    memory: price(0.0000025, 'GiB-s', G3, 'C'),
    request: price(0.0000004, 'request', G3, 'P'),
    freeVcpuSeconds: allowance(180_000, 'vCPU-s', G6, 'P'),
    freeGibSeconds: allowance(360_000, 'GiB-s', G6, 'P'),
    freeRequests: allowance(2_000_000, 'requests', G6, 'P')
  },
  instance: {
    vcpu: price(0.000018, 'vCPU-s', G6, 'P'),
    memory: price(0.000002, 'GiB-s', G6, 'C'),
    request: null,
    freeVcpuSeconds: allowance(240_000, 'vCPU-s', G6, 'C'),
    freeGibSeconds: allowance(450_000, 'GiB-s', G6, 'C'),
    freeRequests: null
  },
  idleVcpu: price(0.0000025, 'vCPU-s', G3, 'P'),
  idleMemory: price(0.0000025, 'GiB-s', G3, 'C'),
  granularityMs: 100
};

/**
 * Default vCPUs for a memory size: the fewest Cloud Run allows (≤ 4 GiB with 1 vCPU, 8 GiB with 2,
 * 16 GiB with 4, 32 GiB with 8). Not in pricing-facts.md: Cloud Run "Configure CPU limits" [U].
 */
export function cloudRunDefaultVcpu(memoryMb: number): number {
  if (memoryMb <= 4096) return 1;
  if (memoryMb <= 8192) return 2;
  if (memoryMb <= 16_384) return 4;
  return 8;
}
