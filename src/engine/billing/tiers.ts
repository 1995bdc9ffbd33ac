/** Volume tiers: the part of a monthly quantity range that falls in each price tier. */
import type { Price, Tier } from '../pricing/price.ts';

export interface TierPiece {
  quantity: number;
  price: Price;
  /** 1-based tier number. */
  tier: number;
}

/** tierPieces(from, to, tiers) splits the monthly range (from, to] over the tiers, cheapest last. */
export function tierPieces(from: number, to: number, tiers: readonly Tier[]): TierPiece[] {
  const pieces: TierPiece[] = [];
  let lower = 0;
  for (let i = 0; i < tiers.length; i++) {
    const upper = tiers[i].upTo;
    const a = Math.max(from, lower);
    const b = Math.min(to, upper);
    if (b > a) pieces.push({ quantity: b - a, price: tiers[i].price, tier: i + 1 });
    lower = upper;
    if (lower >= to) break;
  }
  return pieces;
}

/** The cost of the range (from, to], USD. */
export function tieredUsd(pieces: readonly TierPiece[]): number {
  let usd = 0;
  for (const p of pieces) usd += p.quantity * p.price.usd;
  return usd;
}
