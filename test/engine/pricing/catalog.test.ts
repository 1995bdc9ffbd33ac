/** The pricing catalog: every price dated, sourced and tagged; ids resolve; figures match the sheet. */
import { describe, expect, it } from 'vitest';
import { ALWAYS_ON_OPTIONS, alwaysOnOption } from '../../../src/engine/pricing/alwaysOn.ts';
import { PRICING } from '../../../src/engine/pricing/catalog.ts';
import type { Price } from '../../../src/engine/pricing/price.ts';

/** Every object with a `usd` and a `source` inside `value`. */
function pricesIn(value: unknown, path = ''): { path: string; price: Price }[] {
  if (value === null || typeof value !== 'object') return [];
  const v = value as Record<string, unknown>;
  if (typeof v.usd === 'number' && typeof v.source === 'object')
    return [{ path, price: v as unknown as Price }];
  return Object.entries(v).flatMap(([k, x]) => pricesIn(x, `${path}.${k}`));
}

describe('PRICING', () => {
  const all = [
    ...pricesIn(PRICING),
    ...ALWAYS_ON_OPTIONS.flatMap((o) => pricesIn(o.pricing, o.id))
  ];

  it('gives every price a source title, an https url, an ISO date and a confidence tag', () => {
    expect(all.length).toBeGreaterThan(50);
    for (const { path, price } of all) {
      expect(price.usd, path).toBeGreaterThan(0);
      expect(price.source.title.length, path).toBeGreaterThan(5);
      expect(price.source.url, path).toMatch(/^https:\/\//);
      expect(price.source.asOf, path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['P', 'C', 'D', 'U'], path).toContain(price.confidence);
    }
  });

  it('holds the Lambda figures of pricing-facts.md §1', () => {
    const x86 = PRICING['aws-lambda'].arch.x86_64;
    const arm = PRICING['aws-lambda'].arch.arm64;
    expect(x86.duration.map((t) => [t.upTo, t.price.usd])).toEqual([
      [6e9, 0.0000166667],
      [15e9, 0.000015],
      [Infinity, 0.0000133334]
    ]);
    expect(arm.duration.map((t) => [t.upTo, t.price.usd])).toEqual([
      [7.5e9, 0.0000133334],
      [18.75e9, 0.0000120001],
      [Infinity, 0.0000106667]
    ]);
    expect(PRICING['aws-lambda'].freeRequests.quantity).toBe(1_000_000);
    expect(PRICING['aws-lambda'].freeGbSeconds.quantity).toBe(400_000);
    expect(PRICING['aws-lambda'].initBilledSince).toBe('2025-08-01');
  });

  it('matches the GCF per-100 ms table (§2.1) from its unit rates', () => {
    // Published Tier-1 per-100 ms prices, printed to 1e-9.
    const table: [number, number][] = [
      [128, 0.000000231],
      [256, 0.000000463],
      [512, 0.000000925],
      [1024, 0.00000165],
      [2048, 0.0000029],
      [4096, 0.0000058],
      [8192, 0.0000068]
    ];
    const p = PRICING['gcp-functions-gen1'];
    for (const [mb, per100] of table) {
      const derived = 0.1 * ((mb / 1024) * p.memory.usd + p.ghzByMemoryMb[mb] * p.cpu.usd);
      expect(Math.abs(derived - per100), `${mb} MB`).toBeLessThanOrEqual(0.5e-9);
    }
  });
});

describe('alwaysOnOption(id)', () => {
  it('resolves the catalog ids the scenario uses', () => {
    for (const id of [
      'ec2:t4g.small',
      'ec2:t3.small',
      'ec2:m7g.large',
      'ec2:c7g.large',
      'ec2:m6i.large',
      'gce:e2-small',
      'gce:e2-medium',
      'heroku:standard-1x',
      'apprunner:1vcpu-2gb',
      'fargate:1vcpu-2gb-arm64',
      'fargate:1vcpu-2gb-x86'
    ]) {
      expect(alwaysOnOption(id)?.id, id).toBe(id);
    }
  });

  it('accepts any valid Fargate task size and rejects invalid ones', () => {
    expect(alwaysOnOption('fargate:4vcpu-30gb-x86_64')?.memoryGb).toBe(30);
    expect(alwaysOnOption('fargate:0.25vcpu-0.5gb-arm64')?.vcpu).toBe(0.25);
    expect(alwaysOnOption('fargate:1vcpu-1gb-x86')).toBeNull(); // 1 vCPU needs 2–8 GB (F1)
    expect(alwaysOnOption('ec2:t9.huge')).toBeNull();
  });

  it('derives the E2 hourly prices from the unit rates (§2.3)', () => {
    // $0.021811 per vCPU-h × share + $0.002923 per GB-h × GB.
    for (const id of ['gce:e2-micro', 'gce:e2-small', 'gce:e2-medium']) {
      const o = alwaysOnOption(id)!;
      const hourly = o.pricing.kind === 'hourly' ? o.pricing.hour.usd : NaN;
      expect(Math.abs(hourly - (0.021811 * o.vcpu + 0.002923 * o.memoryGb)), id).toBeLessThan(1e-6);
    }
  });
});
