/** Field readers: parse one CSV field or return the problem in words (null = fine). */

/** Shortens long field text in messages. */
export function quote(field: string): string {
  return JSON.stringify(field.length > 40 ? field.slice(0, 37) + '...' : field);
}

/** A finite number, or NaN. Unlike Number(), an empty or blank field is NaN, not 0. */
export function toNumber(field: string): number {
  if (field.length === 0) return NaN;
  const x = Number(field);
  return Number.isFinite(x) ? x : NaN;
}

/** The problem with a field that must be a finite number, or null. */
export function numberProblem(field: string, x: number): string | null {
  if (field.length === 0) return 'is empty; expected a number';
  return Number.isNaN(x) ? `${quote(field)} is not a number` : null;
}

/** The problem with a field that must be a whole number ≥ 0 that fits a Uint32 count, or null. */
export function countProblem(field: string, x: number): string | null {
  const p = numberProblem(field, x);
  if (p !== null) return p;
  if (x < 0) return `${quote(field)} is negative; counts must be ≥ 0`;
  if (!Number.isInteger(x)) return `${quote(field)} is not a whole number; counts are integers`;
  if (x > 0xffffffff) return `${quote(field)} is too large for a count (max 4294967295)`;
  return null;
}
