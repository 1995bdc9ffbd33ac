import { describe, expect, it } from 'vitest';
import {
  cpuShare,
  durationScale,
  rescaleScenarioForMemory,
  scaleDuration
} from '../../../src/engine/platform/cpu.ts';
import type { DurationDist, Provider } from '../../../src/scenario/schema.ts';
import { assertInDelta, scenario } from '../../helpers.ts';

// Facts: /work/shared/reference/pricing-facts.md (section noted per test).

describe('cpuShare on AWS Lambda', () => {
  it('cpuShare("aws-lambda", 1769) is one vCPU and 10,240 MB is six (§1.4 [P] L7, L8)', () => {
    assertInDelta(cpuShare('aws-lambda', 1769), 1, 1e-12);
    assertInDelta(cpuShare('aws-lambda', 10_240), 6, 1e-12);
  });

  it('cpuShare is MB/1769 of a vCPU below 1,769 MB (§1.4 [C])', () => {
    for (const mb of [128, 256, 512, 884.5, 1024, 1500, 1769]) {
      assertInDelta(cpuShare('aws-lambda', mb), mb / 1769, 1e-12, `${mb} MB`);
    }
  });

  it('cpuShare is within 4 % of the reported core counts at the top of each core range (§1.4 [C])', () => {
    // Thresholds from the re:Invent 2020 talk: 1,770–3,538 MB → 2 cores, …, 8,846–10,240 → 6.
    for (const [mb, cores] of [
      [3538, 2],
      [5307, 3],
      [7076, 4],
      [8845, 5],
      [10_240, 6]
    ] as const) {
      const share = cpuShare('aws-lambda', mb);
      expect(Math.abs(share - cores) / cores, `${mb} MB`).toBeLessThanOrEqual(0.04);
    }
  });

  it('cpuShare never decreases with memory from 128 to 10,240 MB', () => {
    let last = 0;
    for (let mb = 128; mb <= 10_240; mb += 64) {
      const share = cpuShare('aws-lambda', mb);
      expect(share).toBeGreaterThanOrEqual(last);
      last = share;
    }
  });
});

describe('cpuShare on other providers', () => {
  it('cpuShare("gcp-functions-gen1", tier) is the tier GHz / 2.4 GHz (§2.1 [P] G2, G3)', () => {
    const table: { mb: number; ghz: number }[] = [
      { mb: 128, ghz: 0.2 },
      { mb: 256, ghz: 0.4 },
      { mb: 512, ghz: 0.8 },
      { mb: 1024, ghz: 1.4 },
      { mb: 2048, ghz: 2.4 },
      { mb: 4096, ghz: 4.8 },
      { mb: 8192, ghz: 4.8 }
    ];
    for (const { mb, ghz } of table)
      assertInDelta(cpuShare('gcp-functions-gen1', mb), ghz / 2.4, 1e-12, `${mb} MB`);
  });

  it('cpuShare("gcp-functions-gen1") gives a size between tiers the next tier up', () => {
    // 700 MB is provisioned as the 1,024 MB tier (1.4 GHz).
    assertInDelta(cpuShare('gcp-functions-gen1', 700), 1.4 / 2.4, 1e-12);
  });

  it('cpuShare("gcp-cloud-run") is 1 vCPU up to 4 GiB, then the least count that allows the memory', () => {
    // Cloud Run memory limits page: 1 vCPU ≤ 4 GiB, 2 ≤ 8 GiB, 4 ≤ 16 GiB, 6 ≤ 24 GiB, 8 ≤ 32 GiB.
    const table = [
      { mb: 128, vcpu: 1 },
      { mb: 512, vcpu: 1 },
      { mb: 4096, vcpu: 1 },
      { mb: 4097, vcpu: 2 },
      { mb: 8192, vcpu: 2 },
      { mb: 16_384, vcpu: 4 },
      { mb: 24_576, vcpu: 6 },
      { mb: 32_768, vcpu: 8 }
    ];
    for (const { mb, vcpu } of table) expect(cpuShare('gcp-cloud-run', mb), `${mb} MB`).toBe(vcpu);
  });

  it('cpuShare is fixed on Azure Consumption and Cloudflare, proportional on Azure Flex', () => {
    for (const mb of [128, 512, 1536]) {
      expect(cpuShare('azure-consumption', mb)).toBe(1); // 100 ACU per instance
      expect(cpuShare('cloudflare-workers', mb)).toBe(1); // one isolate thread
    }
    // Flex instance sizes: 512 MB → 0.25, 2,048 → 1, 4,096 → 2 cores.
    assertInDelta(cpuShare('azure-flex', 512), 0.25, 1e-12);
    assertInDelta(cpuShare('azure-flex', 2048), 1, 1e-12);
    assertInDelta(cpuShare('azure-flex', 4096), 2, 1e-12);
  });

  it('cpuShare rejects memory that is not a positive number or above the provider maximum', () => {
    const bad: { provider: Provider; mb: number; message: RegExp }[] = [
      { provider: 'aws-lambda', mb: 0, message: /memoryMb 0 must be a finite number > 0/ },
      { provider: 'aws-lambda', mb: -1, message: /memoryMb -1/ },
      { provider: 'aws-lambda', mb: Number.NaN, message: /memoryMb NaN/ },
      {
        provider: 'aws-lambda',
        mb: 10_241,
        message: /memoryMb 10241 is above the aws-lambda maximum of 10240 MB/
      },
      {
        provider: 'gcp-functions-gen1',
        mb: 8193,
        message: /above the gcp-functions-gen1 maximum of 8192/
      },
      {
        provider: 'gcp-cloud-run',
        mb: 32_769,
        message: /above the gcp-cloud-run maximum of 32768/
      },
      { provider: 'azure-flex', mb: Infinity, message: /memoryMb Infinity must be a finite number/ }
    ];
    for (const { provider, mb, message } of bad)
      expect(() => cpuShare(provider, mb)).toThrow(message);
  });
});

describe('durationScale', () => {
  const fn = (cpuBoundFraction: number, threads = 1) => ({ cpuBoundFraction, threads });

  it('durationScale is 1 when nothing is CPU-bound (f = 0), whatever the memory', () => {
    for (const [from, to] of [
      [128, 10_240],
      [3008, 256],
      [1769, 1769]
    ] as const) {
      expect(durationScale(fn(0), 'aws-lambda', from, to)).toBe(1);
    }
  });

  it('durationScale: single-threaded code gains nothing above 1,769 MB on Lambda', () => {
    // effCpu = min(share, 1) = 1 on both sides, so the factor is (1 − f) + f · 1/1 = 1.
    for (const to of [1770, 3538, 10_240]) {
      assertInDelta(durationScale(fn(1), 'aws-lambda', 1769, to), 1, 1e-12, `1769 → ${to}`);
    }
  });

  it('durationScale: halving memory below 1,769 MB doubles the CPU part', () => {
    // Theory: share ∝ MB below 1,769, so f=1 doubles; f=0.5 gives 0.5 + 0.5·2 = 1.5.
    assertInDelta(durationScale(fn(1), 'aws-lambda', 1024, 512), 2, 1e-12);
    assertInDelta(durationScale(fn(0.5), 'aws-lambda', 1024, 512), 1.5, 1e-12);
    assertInDelta(durationScale(fn(0.5), 'aws-lambda', 256, 128), 1.5, 1e-12);
  });

  it('durationScale: a two-threaded handler halves its CPU part from 1,769 to 3,538 MB', () => {
    // share(3538) = 1 + 5·1769/8471 = 2.044 → effCpu = min(2.044, 2) = 2; f = 1 gives 1/2.
    assertInDelta(durationScale(fn(1, 2), 'aws-lambda', 1769, 3538), 0.5, 1e-12);
  });

  it('durationScale(a → b) · durationScale(b → a) = 1 for purely CPU-bound code', () => {
    for (const [a, b] of [
      [128, 1024],
      [300, 9000]
    ] as const) {
      const there = durationScale(fn(1, 6), 'aws-lambda', a, b);
      const back = durationScale(fn(1, 6), 'aws-lambda', b, a);
      assertInDelta(there * back, 1, 1e-12);
    }
  });

  it('durationScale follows the GCF gen1 tiers (512 → 2,048 MB: 0.8 GHz → 2.4 GHz)', () => {
    assertInDelta(durationScale(fn(1), 'gcp-functions-gen1', 512, 2048), 1 / 3, 1e-12);
  });

  it('durationScale rejects a cpuBoundFraction outside [0, 1] or threads below 1', () => {
    expect(() => durationScale(fn(1.2), 'aws-lambda', 128, 256)).toThrow(
      /cpuBoundFraction 1.2 must be in \[0, 1\]/
    );
    expect(() => durationScale(fn(Number.NaN), 'aws-lambda', 128, 256)).toThrow(
      /cpuBoundFraction NaN/
    );
    expect(() => durationScale(fn(0.5, 0), 'aws-lambda', 128, 256)).toThrow(
      /threads 0 must be a finite number ≥ 1/
    );
  });
});

describe('rescaleScenarioForMemory', () => {
  // Default f = 0.5, threads 1; 512 → 256 MB on Lambda: 0.5 + 0.5 · 2 = 1.5 (hand calculation).
  const factor = 1.5;
  const table: { from: DurationDist; to: DurationDist }[] = [
    { from: { dist: 'fixed', value: 100 }, to: { dist: 'fixed', value: 150 } },
    { from: { dist: 'exponential', mean: 80 }, to: { dist: 'exponential', mean: 120 } },
    {
      from: { dist: 'lognormal', median: 120, p99: 900 },
      to: { dist: 'lognormal', median: 180, p99: 1350 }
    },
    {
      from: { dist: 'percentiles', p: [0, 50, 100], ms: [2, 10, 40] },
      to: { dist: 'percentiles', p: [0, 50, 100], ms: [3, 15, 60] }
    }
  ];

  it('rescaleScenarioForMemory scales every kind of durationMs by durationScale', () => {
    for (const { from, to } of table) {
      const s = scenario({ function: { memoryMb: 512, durationMs: from } });
      const out = rescaleScenarioForMemory(s, 256);
      expect(out.function.memoryMb).toBe(256);
      const got = out.function.durationMs as unknown as Record<string, number | number[]>;
      for (const [key, value] of Object.entries(to)) {
        if (key === 'dist') expect(got[key]).toBe(value);
        else if (Array.isArray(value)) {
          value.forEach((v, i) =>
            assertInDelta((got[key] as number[])[i]!, v, 1e-9, `${from.dist}.${key}[${i}]`)
          );
        } else assertInDelta(got[key] as number, value as number, 1e-9, `${from.dist}.${key}`);
      }
    }
  });

  it('rescaleScenarioForMemory leaves its input and a user-given initMs unchanged', () => {
    const s = scenario({ function: { memoryMb: 512, initMs: { dist: 'fixed', value: 300 } } });
    const before = structuredClone(s);
    const out = rescaleScenarioForMemory(s, 2048);
    expect(s).toEqual(before);
    expect(out.function.initMs).toEqual({ dist: 'fixed', value: 300 });
    expect(out.platform).toBe(s.platform);
  });

  it('scaleDuration keeps the percentile levels and copies the arrays', () => {
    const d: DurationDist = { dist: 'percentiles', p: [0, 100], ms: [1, 2] };
    const out = scaleDuration(d, factor);
    if (out.dist !== 'percentiles') throw new Error('kind changed');
    expect(out.p).toEqual([0, 100]);
    expect(out.p).not.toBe(d.p);
  });
});
