/** Header helpers: find columns by name, case-insensitively. */

/** Index of the first header field equal to one of `names` (case-insensitive), or -1. */
export function findColumn(header: string[], ...names: string[]): number {
  for (let i = 0; i < header.length; i++) {
    const h = header[i].toLowerCase();
    for (const n of names) if (h === n.toLowerCase()) return i;
  }
  return -1;
}

/** `expected 4 columns (a,b,c,d), found 3` plus a hint for short rows. */
export function columnCountProblem(header: string[], found: number): string {
  const names = header.length <= 8 ? ` (${header.join(',')})` : '';
  const hint = found < header.length ? ' (truncated row?)' : '';
  return `expected ${header.length} columns${names}, found ${found}${hint}`;
}
