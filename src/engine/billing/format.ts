/** Number formats for the formulas of line items ("1,500,000 GB-s × $0.0000166667 = $25.00"). */

const big = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const small = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const cents = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2
});
const perMillion = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 6
});

/** A quantity: grouped, up to 6 decimals below 1,000 and 2 above. */
export function fmtQty(x: number): string {
  if (x === Infinity) return '∞';
  const s = Math.abs(x) >= 1000 ? big.format(x) : small.format(x);
  return s === '-0' ? '0' : s;
}

/** An amount rounded to cents, as vendors print it: "$25.00", "−$6.67". */
export function fmtUsd(usd: number): string {
  const s = cents.format(Math.abs(usd));
  return usd < 0 && s !== '0.00' ? `−$${s}` : `$${s}`;
}

/** Units priced per million in vendor tables. */
const PER_MILLION_UNITS = new Set(['request', 'execution', 'invocation', 'CPU-ms']);

/** A unit price as the vendor prints it: "$0.0000166667" or "$0.20 per 1M". */
export function fmtRate(usd: number, unit: string): string {
  if (PER_MILLION_UNITS.has(unit)) return `$${perMillion.format(usd * 1e6)} per 1M`;
  const fixed = usd.toFixed(12).replace(/0+$/, '').replace(/\.$/, '');
  return `$${fixed}`;
}
