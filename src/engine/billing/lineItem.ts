/** Building line items: quantity × unit price, with the formula spelled out. */
import type { LineItem } from './cost.ts';
import type { Price } from '../pricing/price.ts';
import { fmtQty, fmtRate, fmtUsd } from './format.ts';
import type { TierPiece } from './tiers.ts';

const PLURAL: { readonly [unit: string]: string } = {
  request: 'requests',
  execution: 'executions',
  invocation: 'invocations',
  hour: 'hours'
};

/** The unit as a line item shows it: 'requests' for a price per 'request'. */
export function unitOf(priceUnit: string): string {
  return PLURAL[priceUnit] ?? priceUnit;
}

/** lineItem(...) prices `quantity` at one unit price; `derivation` is how the quantity was found. */
export function lineItem(
  name: string,
  label: string,
  quantity: number,
  price: Price,
  derivation = ''
): LineItem {
  const usd = quantity * price.usd;
  const head = derivation ? `${derivation} = ` : '';
  return {
    name,
    label,
    quantity,
    unit: unitOf(price.unit),
    unitPriceUsd: price.usd,
    usd,
    formula: `${head}${fmtQty(quantity)} ${unitOf(price.unit)} × ${fmtRate(price.usd, price.unit)} = ${fmtUsd(usd)}`
  };
}

/** A line priced over volume tiers: the unit price shown is the blended one. */
export function tieredLineItem(
  name: string,
  label: string,
  pieces: readonly TierPiece[],
  unit: string,
  derivation = ''
): LineItem {
  let quantity = 0;
  let usd = 0;
  for (const p of pieces) {
    quantity += p.quantity;
    usd += p.quantity * p.price.usd;
  }
  const head = derivation ? `${derivation} = ` : '';
  const parts = pieces.map(
    (p) =>
      `${fmtQty(p.quantity)} ${unit}${pieces.length > 1 ? ` (tier ${p.tier})` : ''} × ${fmtRate(p.price.usd, p.price.unit)}`
  );
  const body = parts.length > 0 ? parts.join(' + ') : `0 ${unit}`;
  return {
    name,
    label,
    quantity,
    unit,
    unitPriceUsd: quantity > 0 ? usd / quantity : (pieces[0]?.price.usd ?? 0),
    usd,
    formula: `${head}${body} = ${fmtUsd(usd)}`
  };
}

/** A free-tier credit: minus the allowance used, at `price`, never more than `cap` USD. */
export function creditItem(
  name: string,
  label: string,
  used: number,
  allowanceQty: number,
  price: Price,
  capUsd: number
): LineItem {
  const quantity = Math.min(used, allowanceQty);
  const usd = -Math.min(quantity * price.usd, Math.max(0, capUsd));
  return {
    name,
    label,
    quantity: -quantity,
    unit: unitOf(price.unit),
    unitPriceUsd: price.usd,
    usd,
    formula: `−min(${fmtQty(used)}, ${fmtQty(allowanceQty)} free) ${unitOf(price.unit)} × ${fmtRate(price.usd, price.unit)} = ${fmtUsd(usd)}`
  };
}
