/** AWS Lambda prices, us-east-1 (pricing-facts.md §1): requests, tiered duration, PC, storage. */
import type { Arch } from '../../scenario/schema.ts';
import { allowance, price, type Allowance, type Price, type Tier } from './price.ts';
import { SOURCES } from './sources.ts';

const { L1, L2, L3, L6, L13 } = SOURCES;

export interface LambdaArchPrices {
  request: Price;
  /** On-demand duration by monthly GB-s volume (same architecture, region and account). */
  duration: Tier[];
  /** Provisioned Concurrency: configured concurrency × memory × time enabled. */
  provisioned: Price;
  /** Duration of invocations served by provisioned instances. */
  provisionedDuration: Price;
}

export interface LambdaPrices {
  arch: { [A in Arch]: LambdaArchPrices };
  freeRequests: Allowance;
  freeGbSeconds: Allowance;
  /** Ephemeral storage (/tmp) above `ephemeralIncludedMb`, per GB-s. */
  ephemeral: Price;
  ephemeralIncludedMb: number;
  /** Billing step since the December 2020 billing cycle, ms. */
  granularityMs: number;
  /** Billing step before December 2020, ms. */
  legacyGranularityMs: number;
  /** Provisioned Concurrency time is rounded up to this, s (5 minutes). */
  provisionedRoundingS: number;
  /** INIT billed for every configuration from this date (before: free for ZIP on managed runtimes). */
  initBilledSince: string;
}

export const AWS_LAMBDA: LambdaPrices = {
  arch: {
    x86_64: {
      request: price(0.0000002, 'request', L1, 'P'),
      duration: [
        { upTo: 6e9, price: price(0.0000166667, 'GB-s', L1, 'P') },
        { upTo: 15e9, price: price(0.000015, 'GB-s', L2, 'P') },
        { upTo: Infinity, price: price(0.0000133334, 'GB-s', L2, 'P') }
      ],
      provisioned: price(0.0000041667, 'GB-s', L1, 'P'),
      provisionedDuration: price(0.0000097222, 'GB-s', L1, 'P')
    },
    arm64: {
      request: price(0.0000002, 'request', L1, 'P'),
      duration: [
        { upTo: 7.5e9, price: price(0.0000133334, 'GB-s', L2, 'P') },
        { upTo: 18.75e9, price: price(0.0000120001, 'GB-s', L2, 'P') },
        { upTo: Infinity, price: price(0.0000106667, 'GB-s', L2, 'P') }
      ],
      provisioned: price(0.0000033334, 'GB-s', L2, 'P'),
      provisionedDuration: price(0.0000077778, 'GB-s', L2, 'P')
    }
  },
  freeRequests: allowance(1_000_000, 'requests', L1, 'P'),
  freeGbSeconds: allowance(400_000, 'GB-s', L1, 'P'),
  ephemeral: price(0.0000000309, 'GB-s', L1, 'P'),
  ephemeralIncludedMb: 512,
  granularityMs: 1,
  legacyGranularityMs: 100,
  provisionedRoundingS: 300,
  initBilledSince: '2025-08-01'
};

/** Sources behind the Lambda rules that are not prices (1 ms vs 100 ms, INIT billing). */
export const AWS_LAMBDA_RULE_SOURCES = [L3, L6, L13];
