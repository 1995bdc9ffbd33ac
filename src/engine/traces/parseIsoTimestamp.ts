/** ISO 8601 date-time → ms since 1970 (UTC), without Date.parse's local-time guess. */

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** True when `text` starts like an ISO date (YYYY-MM-DD). */
export function looksIso(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}/.test(text);
}

/**
 * parseIsoTimestamp(text) returns ms since 1970-01-01T00:00Z, or NaN when `text` is not an ISO 8601
 * date or date-time. A time without a zone is read as UTC (Date.parse would read it as local
 * time, which makes results depend on the machine); `hasZone` tells the caller which it was.
 */
export function parseIsoTimestamp(text: string): { ms: number; hasZone: boolean } {
  const m = ISO.exec(text);
  if (m === null) return { ms: NaN, hasZone: false };
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) {
    return { ms: NaN, hasZone: false };
  }
  let ms =
    Date.UTC(Number(y), month - 1, day, hour, minute, second) +
    (frac === '' ? 0 : Number(`0.${frac}`) * 1000);
  if (new Date(Date.UTC(Number(y), month - 1, day)).getUTCDate() !== day)
    return { ms: NaN, hasZone: false };
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
    ms -= sign * offsetMin * 60_000;
  }
  return { ms, hasZone: zone !== undefined };
}
