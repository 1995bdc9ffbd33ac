/** Units people think in, converted to and from the scenario's base units (per second, seconds, ms). */

/** A period a rate can be expressed per. */
export type RateUnit = 's' | 'min' | 'h' | 'day' | 'month';

export const RATE_UNITS: readonly { unit: RateUnit; label: string }[] = [
  { unit: 's', label: 'per second' },
  { unit: 'min', label: 'per minute' },
  { unit: 'h', label: 'per hour' },
  { unit: 'day', label: 'per day' },
  { unit: 'month', label: 'per month' }
];

/** Seconds in one `unit`; a month is `monthHours` hours (default 730, as the billing uses). */
export function secondsPer(unit: RateUnit, monthHours = 730): number {
  switch (unit) {
    case 's':
      return 1;
    case 'min':
      return 60;
    case 'h':
      return 3600;
    case 'day':
      return 86_400;
    case 'month':
      return monthHours * 3600;
  }
}

/**
 * Rounds to 12 significant digits so a value typed in one unit survives the trip through the base
 * unit unchanged (3 /min → 0.05 /s → 3.0000000000000004 /min without it).
 */
export function tidy(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : x;
}

/** toRatePerS(3, 'min') is 0.05 requests per second. */
export function toRatePerS(value: number, unit: RateUnit, monthHours = 730): number {
  return value / secondsPer(unit, monthHours);
}

/** fromRatePerS(0.05, 'min') is 3 requests per minute. */
export function fromRatePerS(ratePerS: number, unit: RateUnit, monthHours = 730): number {
  return tidy(ratePerS * secondsPer(unit, monthHours));
}

/** Requests in a month of `monthHours` at `ratePerS`. */
export function requestsPerMonth(ratePerS: number, monthHours = 730): number {
  return ratePerS * monthHours * 3600;
}
