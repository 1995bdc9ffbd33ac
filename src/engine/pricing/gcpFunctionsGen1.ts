/** Cloud Run functions (1st gen) prices, Tier 1 regions (pricing-facts.md §2.1). */
import { allowance, price, type Allowance, type Price } from './price.ts';
import { SOURCES } from './sources.ts';

const { G1, G2, G3 } = SOURCES;

export interface GcfPrices {
  invocation: Price;
  memory: Price;
  cpu: Price;
  /** CPU of idle instances kept by min-instances (memory stays at the full rate). */
  idleCpu: Price;
  /** CPU clock of each memory size, GHz (1 vCPU = 2.4 GHz). */
  ghzByMemoryMb: { readonly [mb: number]: number };
  freeInvocations: Allowance;
  freeGbSeconds: Allowance;
  freeGhzSeconds: Allowance;
  /** Compute time is rounded up to this per invocation, ms. */
  granularityMs: number;
}

export const GCP_FUNCTIONS_GEN1: GcfPrices = {
  invocation: price(0.0000004, 'invocation', G1, 'P'),
  memory: price(0.0000025, 'GB-s', G3, 'P'),
  cpu: price(0.00001, 'GHz-s', G3, 'P'),
  idleCpu: price(0.000001, 'GHz-s', G3, 'P'),
  ghzByMemoryMb: { 128: 0.2, 256: 0.4, 512: 0.8, 1024: 1.4, 2048: 2.4, 4096: 4.8, 8192: 4.8 },
  freeInvocations: allowance(2_000_000, 'invocations', G3, 'P'),
  freeGbSeconds: allowance(400_000, 'GB-s', G3, 'P'),
  freeGhzSeconds: allowance(200_000, 'GHz-s', G3, 'P'),
  granularityMs: 100
};

/** The source of the memory → GHz table. */
export const GCF_CPU_TABLE_SOURCE = G2;
