import { describe, expect, it } from 'vitest';
import { sizeFleet } from '../../../src/engine/alwaysOn/sizeFleet.ts';
import { alwaysOnCost } from '../../../src/engine/alwaysOn/alwaysOnCost.ts';
import { alwaysOnOption } from '../../../src/engine/pricing/alwaysOn.ts';
import { assertInDelta } from '../../helpers.ts';

const m7g = alwaysOnOption('ec2:m7g.large')!;

describe('sizeFleet(input)', () => {
  it('sizes for the peak at the target utilisation', () => {
    // Hand calculation: 2 vCPU × 1000 / 20 ms = 100 req/s per instance; peak 500 / (100 × 0.6) → ⌈8.33⌉ = 9.
    const f = sizeFleet({ option: m7g, meanRatePerS: 250, peakRatePerS: 500, cpuMs: 20, ioMs: 50 });
    expect(f.instances).toBe(9);
    assertInDelta(f.capacityPerInstance, 100, 1e-12);
    assertInDelta(f.utilization, 250 / 900, 1e-12);
    assertInDelta(f.peakUtilization, 500 / 900, 1e-12);
    // 9 × 730 h × $0.0816 (EC2 [C]).
    assertInDelta(f.monthlyUsd, 9 * 730 * 0.0816, 1e-9);
  });

  it('keeps at least minInstances, and the minimum can be switched off', () => {
    const low = { option: m7g, meanRatePerS: 1, peakRatePerS: 2, cpuMs: 20, ioMs: 50 };
    expect(sizeFleet(low).instances).toBe(2);
    expect(sizeFleet({ ...low, minInstances: 1 }).instances).toBe(1);
  });

  it('uses a user-given capacity instead of deriving it', () => {
    const f = sizeFleet({
      option: m7g,
      meanRatePerS: 100,
      peakRatePerS: 100,
      cpuMs: 20,
      ioMs: 0,
      capacityPerInstance: 10,
      targetUtilization: 0.5
    });
    expect(f.instances).toBe(20); // 100 / (10 × 0.5)
  });

  it('estimates latency as I/O + service + the Erlang C wait', () => {
    // Per instance λ = 100/2 = 50 req/s, 2 cores at μ = 50 req/s each: a = 1, C(2,1) = 1/3,
    // Wq = (1/3)/(100 − 50) s = 6.67 ms; latency = 30 ms I/O + 20 ms service + 6.67 ms (theory).
    const f = sizeFleet({
      option: m7g,
      meanRatePerS: 100,
      peakRatePerS: 100,
      cpuMs: 20,
      ioMs: 30,
      minInstances: 2,
      targetUtilization: 1
    });
    expect(f.instances).toBe(2);
    assertInDelta(f.latency.meanMs, 30 + 20 + 1000 / 150, 1e-9);
    assertInDelta(f.latency.waitProbability, 1 / 3, 1e-12);
  });

  it('warns when a burstable instance runs above its CPU baseline', () => {
    const f = sizeFleet({
      option: alwaysOnOption('ec2:t4g.small')!,
      meanRatePerS: 50,
      peakRatePerS: 50,
      cpuMs: 20,
      ioMs: 0
    });
    expect(f.notes.some((n) => n.includes('burstable'))).toBe(true);
  });
});

describe('alwaysOnCost(option, use)', () => {
  it('prices EC2 by the instance-hour', () => {
    const b = alwaysOnCost(alwaysOnOption('ec2:t4g.small')!, { count: 2, hours: 730 });
    assertInDelta(b.totalUsd, 2 * 730 * 0.0168, 1e-9); // EC2 [C] $0.0168/h
  });

  it('caps a Heroku dyno at its monthly price', () => {
    const b = alwaysOnCost(alwaysOnOption('heroku:standard-1x')!, { count: 1, hours: 744 });
    assertInDelta(b.totalUsd, 25, 1e-12); // H1: the monthly price is the maximum for 24×7
  });

  it('bills App Runner memory always and vCPU only while active', () => {
    const b = alwaysOnCost(alwaysOnOption('apprunner:1vcpu-2gb')!, {
      count: 1,
      hours: 100,
      activeFraction: 0.25
    });
    // AR1: 25 h × (1 vCPU × $0.064 + 2 GB × $0.007) + 75 h × 2 GB × $0.007.
    assertInDelta(b.totalUsd, 25 * (0.064 + 0.014) + 75 * 0.014, 1e-12);
  });
});
