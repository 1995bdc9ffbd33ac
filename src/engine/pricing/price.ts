/** One dated, sourced unit price: the building block of the pricing catalog. */
import type { PriceSource } from '../billing/cost.ts';

/**
 * How sure we are of a figure (tags of pricing-facts.md): P = read in a vendor source,
 * C = corroborated by ≥ 2 transcriptions, D = derived by arithmetic from P/C, U = unconfirmed.
 */
export type Confidence = 'P' | 'C' | 'D' | 'U';

export interface Price {
  /** USD per one `unit`. */
  usd: number;
  /** What one unit is, e.g. 'request', 'GB-s', 'vCPU-s', 'hour', 'month'. */
  unit: string;
  source: PriceSource;
  confidence: Confidence;
}

/** A volume tier: `price` applies to the monthly quantity in (previous tier's upTo, upTo]. */
export interface Tier {
  /** Upper bound of the tier in the price's unit per month; Infinity for the last tier. */
  upTo: number;
  price: Price;
}

/** A free or included monthly amount, e.g. 400,000 GB-s. */
export interface Allowance {
  quantity: number;
  unit: string;
  source: PriceSource;
  confidence: Confidence;
}

export function price(
  usd: number,
  unit: string,
  source: PriceSource,
  confidence: Confidence
): Price {
  return { usd, unit, source, confidence };
}

export function allowance(
  quantity: number,
  unit: string,
  source: PriceSource,
  confidence: Confidence
): Allowance {
  return { quantity, unit, source, confidence };
}
