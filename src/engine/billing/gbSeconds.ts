/** Exact GB-seconds from integer millisecond sums: MB·ms multiplied in BigInt, divided once. */

const MB_MS_PER_GB_S = 1_024_000n;

/**
 * gbSeconds(ms, mb) is ms × mb / 1,024,000 (GB = 1,024 MB, the AWS and Azure convention; GiB for
 * Cloud Run). Integer inputs are multiplied in BigInt, since 10,240 MB × 10¹² ms exceeds 2^53.
 */
export function gbSeconds(ms: number, mb: number): number {
  if (!Number.isSafeInteger(ms) || !Number.isSafeInteger(mb)) return (ms * mb) / 1_024_000;
  const product = BigInt(ms) * BigInt(mb);
  const whole = product / MB_MS_PER_GB_S;
  const rest = product % MB_MS_PER_GB_S;
  return Number(whole) + Number(rest) / 1_024_000;
}
