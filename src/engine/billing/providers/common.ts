/** Pieces several providers share: per-request derivations and keep-warm/free-tier wording. */
import { fmtQty } from '../format.ts';

/** "3,000,000 × 1 s × 0.5 GB": requests × mean billed seconds × memory, for a formula. */
export function perRequestDerivation(
  requests: number,
  billedMs: number,
  memory: number,
  memUnit: string
): string {
  if (requests <= 0) return `${fmtQty(billedMs / 1000)} s × ${fmtQty(memory)} ${memUnit}`;
  const meanS = billedMs / requests / 1000;
  return `${fmtQty(requests)} × ${fmtQty(meanS)} s × ${fmtQty(memory)} ${memUnit}`;
}

/** Removes duplicate sources (same url and title), keeping the first. */
export function uniqueSources<T extends { url: string; title: string }>(
  sources: readonly T[]
): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const s of sources) {
    const key = `${s.url}|${s.title}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(s);
    }
  }
  return out;
}
