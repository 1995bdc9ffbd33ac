/** Cloudflare Workers Paid, Standard usage model (pricing-facts.md §4). */
import { allowance, price, type Allowance, type Price } from './price.ts';
import { SOURCES } from './sources.ts';

const { C1 } = SOURCES;

export interface CloudflarePrices {
  /** Account minimum per month; it includes the amounts below. */
  base: Price;
  request: Price;
  cpu: Price;
  includedRequests: Allowance;
  includedCpuMs: Allowance;
}

export const CLOUDFLARE_WORKERS: CloudflarePrices = {
  base: price(5, 'month', C1, 'P'),
  request: price(0.3 / 1e6, 'request', C1, 'P'),
  cpu: price(0.02 / 1e6, 'CPU-ms', C1, 'P'),
  includedRequests: allowance(10_000_000, 'requests', C1, 'P'),
  includedCpuMs: allowance(30_000_000, 'CPU-ms', C1, 'P')
};
