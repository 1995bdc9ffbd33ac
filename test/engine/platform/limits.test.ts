import { describe, expect, it } from 'vitest';
import {
  isAllowedMemory,
  nearestAllowedMemory,
  PROVIDER_LIMITS
} from '../../../src/engine/platform/limits.ts';
import { PROVIDERS } from '../../../src/scenario/choices.ts';

describe('PROVIDER_LIMITS', () => {
  it('gives every provider a source for every limit', () => {
    for (const provider of PROVIDERS) {
      const l = PROVIDER_LIMITS[provider];
      const sources = [
        l.memoryMb.source,
        l.maxInstanceConcurrency.source,
        l.maxTimeoutS.source,
        l.defaultAccountConcurrency.source,
        l.provisioned.source
      ];
      expect(
        sources.every((s) => s.length > 10),
        provider
      ).toBe(true);
      expect(l.memoryMb.min).toBeLessThanOrEqual(l.memoryMb.max);
    }
  });

  it('allows Lambda memory from 128 to 10,240 MB in 1 MB steps (pricing-facts.md §1.4, L7)', () => {
    const m = PROVIDER_LIMITS['aws-lambda'].memoryMb;
    expect([127, 128, 129, 10_240, 10_241, 512.5].map((mb) => isAllowedMemory(m, mb))).toEqual([
      false,
      true,
      true,
      true,
      false,
      false
    ]);
  });

  it('allows only the listed Cloud Run functions (1st gen) tiers (pricing-facts.md §2.1, G2)', () => {
    const m = PROVIDER_LIMITS['gcp-functions-gen1'].memoryMb;
    expect(isAllowedMemory(m, 1024)).toBe(true);
    expect(isAllowedMemory(m, 1000)).toBe(false);
    expect(nearestAllowedMemory(m, 1000)).toBe(1024);
  });

  it('snaps a size to the nearest allowed one within the range', () => {
    expect(nearestAllowedMemory(PROVIDER_LIMITS['aws-lambda'].memoryMb, 64)).toBe(128);
    expect(nearestAllowedMemory(PROVIDER_LIMITS['cloudflare-workers'].memoryMb, 512)).toBe(128);
  });
});
