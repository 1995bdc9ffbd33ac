import { describe, expect, it } from 'vitest';
import {
  CLOUDFLARE_INIT_MS,
  LAMBDA_INIT,
  LAMBDA_PERF_ID,
  PACKAGE_MS_PER_MB,
  SHILKOV_BASE
} from '../../../src/engine/platform/initCalibration.ts';
import {
  initBreakdown,
  initDistribution,
  type InitModelInput
} from '../../../src/engine/platform/initModel.ts';
import { lambdaPerfRow, median } from '../../../src/engine/validation/calibrationData.ts';
import { DEFAULT_SCENARIO } from '../../../src/scenario/defaults.ts';
import type { Arch, Provider, Runtime } from '../../../src/scenario/schema.ts';
import { assertInDelta, assertRelative, scenario } from '../../helpers.ts';
import { loadInitCalibrationData } from '../validation/calibrationFiles.ts';

const Z99 = 2.3263478740408408; // standard normal 99th percentile
const RUNTIMES = Object.keys(LAMBDA_PERF_ID) as Runtime[];
const PROVIDERS: Provider[] = [
  'aws-lambda',
  'gcp-functions-gen1',
  'gcp-cloud-run',
  'azure-consumption',
  'azure-flex',
  'cloudflare-workers'
];

const input = (patch: Partial<InitModelInput>): InitModelInput => ({
  provider: 'aws-lambda',
  runtime: 'nodejs20',
  arch: 'x86_64',
  packaging: 'zip',
  packageMb: 1,
  memoryMb: 512,
  ...patch
});

describe('initDistribution', () => {
  it('initDistribution(DEFAULT_SCENARIO) is the nodejs20 x86_64 zip INIT plus the first call at 512 MB', () => {
    const d = initDistribution(DEFAULT_SCENARIO);
    if (d.dist !== 'lognormal') throw new Error(`expected lognormal, got ${d.dist}`);
    const cal = LAMBDA_INIT.nodejs20.x86_64;
    const first = cal.firstInvokeCpuMs / (512 / 1769); // share 512/1769 vCPU below 1,769 MB
    assertInDelta(d.median, cal.zip.medianMs + first, 1e-9, 'median');
    assertInDelta(d.p99, cal.zip.medianMs * Math.exp(Z99 * cal.zip.sigma) + first, 1e-9, 'p99');
  });

  it('initDistribution(DEFAULT_SCENARIO) is within 10 % of the lambda_perf nodejs20 x86_64 zip 512 MB cold start', () => {
    // Measured = median of the 10 Init Durations + mean cold handler duration (lambda_perf 2026-08-22).
    const lp = lambdaPerfRow(loadInitCalibrationData(), 'lambda-perf-nodejs20x-zip-512-x86_64');
    const d = initDistribution(DEFAULT_SCENARIO);
    if (d.dist !== 'lognormal') throw new Error('expected lognormal');
    assertRelative(d.median, median(lp.i) + lp.ad, 0.1);
  });

  it('initDistribution reads provider, arch, runtime, package size and memory from the scenario', () => {
    const s = scenario({
      function: { runtime: 'dotnet8', packageMb: 5, memoryMb: 256 },
      platform: { provider: 'aws-lambda', arch: 'arm64' }
    });
    const d = initDistribution(s);
    const b = initBreakdown(
      input({ runtime: 'dotnet8', arch: 'arm64', packageMb: 5, memoryMb: 256 })
    );
    expect(d).toEqual({ dist: 'lognormal', median: b.median, p99: b.p99 });
  });

  it('initDistribution on Cloudflare Workers is the fixed 5 ms vendor bound', () => {
    const d = initDistribution(
      scenario({ platform: { provider: 'cloudflare-workers' }, function: { memoryMb: 128 } })
    );
    expect(d).toEqual({ dist: 'fixed', value: CLOUDFLARE_INIT_MS });
  });
});

describe('initBreakdown', () => {
  it('initBreakdown adds parts quantile by quantile', () => {
    for (const provider of PROVIDERS) {
      for (const runtime of RUNTIMES) {
        const memoryMb = provider === 'cloudflare-workers' ? 128 : 1024;
        const b = initBreakdown(input({ provider, runtime, packageMb: 20, memoryMb }));
        assertInDelta(b.median, b.start.median + b.package.median + b.firstInvokeMs, 1e-9);
        assertInDelta(b.p99, b.start.p99 + b.package.p99 + b.firstInvokeMs, 1e-9);
        expect(b.p99).toBeGreaterThanOrEqual(b.median);
        expect(b.median).toBeGreaterThan(0);
      }
    }
  });

  it('initBreakdown: the first call of dotnet8 at 128 MB reproduces lambda_perf within 5 %', () => {
    // lambda_perf dotnet8 zip x86_64 128 MB: median Init 244.9 ms + mean cold handler 714.8 ms.
    const lp = lambdaPerfRow(loadInitCalibrationData(), 'lambda-perf-dotnet8-zip-128-x86_64');
    const b = initBreakdown(input({ runtime: 'dotnet8', memoryMb: 128 }));
    assertRelative(b.firstInvokeMs, lp.ad, 0.05, 'first call');
    assertRelative(b.median, median(lp.i) + lp.ad, 0.05, 'total');
  });

  it('initBreakdown: a zip package adds 106.7 ms per MB above 1 MB on Lambda below one vCPU', () => {
    // PACKAGE_MS_PER_MB.aws from Shilkov coldstart_aws_bydependencies.json; no multi-core gain ≤ 1,769 MB.
    const at = (packageMb: number) => initBreakdown(input({ packageMb, memoryMb: 1024 })).median;
    assertInDelta(at(15) - at(1), 14 * PACKAGE_MS_PER_MB.aws, 1e-9);
    assertInDelta(at(0.5), at(1), 1e-12, 'a package under 1 MB counts as a hello world');
  });

  it('initBreakdown: Azure loads packages at 388.8 ms per MB', () => {
    const at = (packageMb: number) =>
      initBreakdown(input({ provider: 'azure-consumption', packageMb })).median;
    assertInDelta(at(11) - at(1), 10 * PACKAGE_MS_PER_MB.azure, 1e-9);
  });

  it('initBreakdown ignores package size for container images and native runtimes', () => {
    const cases: Partial<InitModelInput>[] = [
      { packaging: 'image' },
      { runtime: 'go' },
      { runtime: 'rust' },
      { runtime: 'rust', provider: 'gcp-cloud-run' }
    ];
    for (const c of cases) {
      const small = initBreakdown(input({ ...c, packageMb: 1 })).median;
      const big = initBreakdown(input({ ...c, packageMb: 200 })).median;
      expect(big, JSON.stringify(c)).toBe(small);
    }
  });

  it('initBreakdown never grows with memory on Lambda, from 128 MB to 10,240 MB', () => {
    for (const runtime of RUNTIMES) {
      for (const arch of ['x86_64', 'arm64'] as Arch[]) {
        let last = Infinity;
        for (let mb = 128; mb <= 10_240; mb += 128) {
          const m = initBreakdown(input({ runtime, arch, memoryMb: mb, packageMb: 10 })).median;
          expect(m, `${runtime} ${arch} ${mb} MB`).toBeLessThanOrEqual(last + 1e-9);
          last = m;
        }
      }
    }
  });

  it('initBreakdown uses a measured row when one exists and says when it falls back', () => {
    const table: { provider: Provider; runtime: Runtime; basis: string; median?: number }[] = [
      {
        provider: 'gcp-functions-gen1',
        runtime: 'go',
        basis: 'measured',
        median: SHILKOV_BASE.gcp.go!.medianMs
      },
      {
        provider: 'gcp-cloud-run',
        runtime: 'nodejs22',
        basis: 'measured',
        median: SHILKOV_BASE.gcp.nodejs22!.medianMs
      },
      {
        provider: 'azure-consumption',
        runtime: 'java21',
        basis: 'measured',
        median: SHILKOV_BASE.azure.java21!.medianMs
      },
      {
        provider: 'azure-flex',
        runtime: 'dotnet8',
        basis: 'measured',
        median: SHILKOV_BASE.azure.dotnet8!.medianMs
      },
      { provider: 'gcp-functions-gen1', runtime: 'java21', basis: 'fallback' },
      { provider: 'azure-consumption', runtime: 'rust', basis: 'fallback' },
      { provider: 'aws-lambda', runtime: 'ruby33', basis: 'measured' },
      { provider: 'cloudflare-workers', runtime: 'nodejs20', basis: 'vendor' }
    ];
    for (const { provider, runtime, basis, median: m } of table) {
      const memoryMb = provider === 'cloudflare-workers' ? 128 : 2048;
      const b = initBreakdown(input({ provider, runtime, memoryMb }));
      expect(b.basis, `${provider} ${runtime}`).toBe(basis);
      if (m !== undefined) assertInDelta(b.median, m, 1e-9, `${provider} ${runtime}`);
    }
  });

  it('initBreakdown: the fallback is the JavaScript row plus the runtime INIT gap on Lambda', () => {
    // gcp java21 at 2,048 MB (1 vCPU): 665.4 + (237.4 − 138.8) + first call 6.0 / 1.
    const b = initBreakdown(
      input({ provider: 'gcp-functions-gen1', runtime: 'java21', memoryMb: 2048 })
    );
    const expected =
      SHILKOV_BASE.gcp.nodejs20!.medianMs +
      LAMBDA_INIT.java21.x86_64.zip.medianMs -
      LAMBDA_INIT.nodejs20.x86_64.zip.medianMs +
      LAMBDA_INIT.java21.x86_64.firstInvokeCpuMs;
    assertInDelta(b.median, expected, 1e-9);
  });

  it('initBreakdown rejects a bad package size and memory outside the provider range', () => {
    expect(() => initBreakdown(input({ packageMb: -1 }))).toThrow(
      /function.packageMb -1 must be a finite number ≥ 0/
    );
    expect(() => initBreakdown(input({ packageMb: Number.NaN }))).toThrow(/function.packageMb NaN/);
    expect(() => initBreakdown(input({ memoryMb: 20_000 }))).toThrow(
      /memoryMb 20000 is above the aws-lambda maximum/
    );
    expect(() => initBreakdown(input({ runtime: 'cobol' as Runtime }))).toThrow(
      /function.runtime cobol has no init model/
    );
  });
});

describe('INIT is flat in memory at 128–1,024 MB (lambda_perf)', () => {
  it('each zip cell median is predicted by the other three memory sizes within ±10 % in 70 of 72 cells, all within ±25 %', () => {
    // Leave one memory size out: the model's claim is that INIT does not depend on memory there.
    const data = loadInitCalibrationData();
    const errors: number[] = [];
    for (const runtime of RUNTIMES) {
      for (const arch of ['x86_64', 'arm64'] as Arch[]) {
        const cells = [128, 256, 512, 1024].map(
          (m) => lambdaPerfRow(data, `lambda-perf-${LAMBDA_PERF_ID[runtime]}-zip-${m}-${arch}`).i
        );
        cells.forEach((cell, k) => {
          const others = cells.filter((_, j) => j !== k).flat();
          errors.push(Math.abs(median(others) / median(cell) - 1));
        });
      }
    }
    expect(errors.filter((e) => e <= 0.1).length).toBeGreaterThanOrEqual(70);
    expect(Math.max(...errors)).toBeLessThanOrEqual(0.25);
  });
});
