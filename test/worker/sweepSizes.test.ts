import { describe, expect, it } from 'vitest';
import { sweepSizes } from '../../src/worker/sweepSizes.ts';

describe('sweepSizes', () => {
  it('sweeps Lambda from 128 to 10,240 MB with at least 12 sizes, 1,769 MB (one vCPU) among them', () => {
    const sizes = sweepSizes('aws-lambda', 512);
    expect(sizes.length).toBeGreaterThanOrEqual(12);
    expect(sizes[0]).toBe(128);
    expect(sizes[sizes.length - 1]).toBe(10_240);
    expect(sizes).toContain(1769);
  });

  it("always includes the user's own size, in order", () => {
    const sizes = sweepSizes('aws-lambda', 700);
    expect(sizes).toContain(700);
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
  });

  it("uses a provider's fixed size list when it has one", () => {
    // Cloud Run functions 1st gen tiers (pricing-facts §2.1).
    expect(sweepSizes('gcp-functions-gen1', 512)).toEqual([128, 256, 512, 1024, 2048, 4096, 8192]);
  });
});
