/** Memory sizes the sweep simulates for a scenario's provider, the user's own size always among them. */
import { PROVIDER_LIMITS } from '../engine/platform/limits.ts';
import type { Provider } from '../scenario/schema.ts';

/**
 * A spread over Lambda's 128–10,240 MB that includes 1,769 MB (one full vCPU, pricing-facts.md §1.4)
 * and 3,008 MB (the pre-2020 maximum); other providers keep the ones inside their range.
 */
const SPREAD = [128, 256, 512, 768, 1024, 1536, 1769, 2048, 3008, 4096, 6144, 8192, 10_240, 16_384];

/** sweepSizes('aws-lambda', 700): 13 Lambda sizes from 128 to 10,240 MB, plus 700, ascending. */
export function sweepSizes(provider: Provider, memoryMb: number): number[] {
  const limits = PROVIDER_LIMITS[provider].memoryMb;
  const sizes = new Set(
    limits.sizes ?? [
      limits.min,
      ...SPREAD.filter((mb) => mb > limits.min && mb < limits.max),
      limits.max
    ]
  );
  if (Number.isFinite(memoryMb) && memoryMb > 0) sizes.add(memoryMb);
  return [...sizes].sort((a, b) => a - b);
}
