import { describe, expect, it } from 'vitest';
import { cpuShare } from '../../../src/engine/platform/cpu.ts';
import {
  LAMBDA_INIT,
  LAMBDA_PERF_ID,
  MULTICORE_GAIN_PER_VCPU_DOUBLING,
  PACKAGE_MS_PER_MB,
  PACKAGE_SIGMA,
  SHILKOV_BASE
} from '../../../src/engine/platform/initCalibration.ts';
import {
  lambdaPerfRow,
  median,
  shilkovPoint
} from '../../../src/engine/validation/calibrationData.ts';
import type { Arch, Runtime } from '../../../src/scenario/schema.ts';
import { assertInDelta } from '../../helpers.ts';
import { loadInitCalibrationData } from '../validation/calibrationFiles.ts';

// Every expected number here is recomputed from the raw files in data/calibration/, by the rule the
// comment beside the constant in src/engine/platform/initCalibration.ts states. Constants are
// rounded to 0.1 ms and 0.001 (sigma), hence the deltas (half a rounding step, plus float slack).

const data = loadInitCalibrationData();
const RUNTIMES = Object.keys(LAMBDA_PERF_ID) as Runtime[];
const ARCHES: Arch[] = ['x86_64', 'arm64'];
const MEMORY = [128, 256, 512, 1024];

function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (h - lo);
}

function rows(runtime: Runtime, arch: Arch, packaging: 'zip' | 'image') {
  return MEMORY.map((m) =>
    lambdaPerfRow(data, `lambda-perf-${LAMBDA_PERF_ID[runtime]}-${packaging}-${m}-${arch}`)
  );
}

describe('LAMBDA_INIT is recomputed from lambda_perf/2026-08-22.json', () => {
  it('LAMBDA_INIT medianMs is the median of the 40 Init Durations of each runtime, arch and packaging', () => {
    for (const runtime of RUNTIMES) {
      for (const arch of ARCHES) {
        for (const packaging of ['zip', 'image'] as const) {
          const all = rows(runtime, arch, packaging).flatMap((r) => r.i);
          assertInDelta(
            LAMBDA_INIT[runtime][arch][packaging].medianMs,
            median(all),
            0.051,
            `${runtime} ${arch} ${packaging}`
          );
        }
      }
    }
  });

  it('LAMBDA_INIT sigma is the 97.5th percentile of ln(x / cell median) over 1.96', () => {
    for (const runtime of RUNTIMES) {
      for (const arch of ARCHES) {
        for (const packaging of ['zip', 'image'] as const) {
          const dev = rows(runtime, arch, packaging)
            .flatMap((r) => r.i.map((x) => Math.log(x / median(r.i))))
            .sort((a, b) => a - b);
          const sigma = quantile(dev, 0.975) / 1.96;
          assertInDelta(
            LAMBDA_INIT[runtime][arch][packaging].sigma,
            sigma,
            0.0006,
            `${runtime} ${arch} ${packaging}`
          );
        }
      }
    }
  });

  it('LAMBDA_INIT firstInvokeCpuMs is the through-origin fit of the cold handler duration on 1/cpuShare', () => {
    for (const runtime of RUNTIMES) {
      for (const arch of ARCHES) {
        let xy = 0;
        let xx = 0;
        for (const packaging of ['zip', 'image'] as const) {
          for (const r of rows(runtime, arch, packaging)) {
            const x = 1 / cpuShare('aws-lambda', r.m);
            xy += x * r.ad;
            xx += x * x;
          }
        }
        assertInDelta(
          LAMBDA_INIT[runtime][arch].firstInvokeCpuMs,
          xy / xx,
          0.05,
          `${runtime} ${arch}`
        );
      }
    }
  });

  it('INIT does not depend on memory: zip cell medians are within ±10 % of the pooled median but for two cells', () => {
    // The comment on LAMBDA_INIT names the exceptions; this keeps it true.
    const outliers: string[] = [];
    for (const runtime of RUNTIMES) {
      for (const arch of ARCHES) {
        const pooled = LAMBDA_INIT[runtime][arch].zip.medianMs;
        for (const r of rows(runtime, arch, 'zip')) {
          const dev = median(r.i) / pooled - 1;
          if (Math.abs(dev) > 0.1)
            outliers.push(`${runtime} ${arch} ${r.m} ${(dev * 100).toFixed(0)}%`);
        }
      }
    }
    expect(outliers).toEqual(['python312 arm64 128 -18%', 'ruby33 arm64 256 31%']);
  });

  it('INIT of container images scatters more: image cell medians are within +18 % / −18 % of the pooled median', () => {
    let worst = 0;
    for (const runtime of RUNTIMES) {
      for (const arch of ARCHES) {
        const pooled = LAMBDA_INIT[runtime][arch].image.medianMs;
        for (const r of rows(runtime, arch, 'image'))
          worst = Math.max(worst, Math.abs(median(r.i) / pooled - 1));
      }
    }
    expect(worst).toBeLessThanOrEqual(0.185);
    expect(worst).toBeGreaterThan(0.1); // so the comment's "scatter more" stays true
  });
});

describe('Shilkov constants are recomputed from shilkov_coldstarts/', () => {
  const sigmaOf = (p: { medianMs: number; p97_5Ms: number }) =>
    Math.log(p.p97_5Ms / p.medianMs) / 1.96;

  it('SHILKOV_BASE holds each language row: median and ln(p97.5 / median) / 1.96', () => {
    const table: { fam: 'gcp' | 'azure'; runtime: Runtime; file: string; label: string }[] = [
      { fam: 'gcp', runtime: 'nodejs20', file: 'coldstart_gcp_bylanguage', label: 'JavaScript' },
      { fam: 'gcp', runtime: 'go', file: 'coldstart_gcp_bylanguage', label: 'Go' },
      { fam: 'gcp', runtime: 'python312', file: 'coldstart_gcp_bylanguage', label: 'Python' },
      {
        fam: 'azure',
        runtime: 'nodejs20',
        file: 'coldstart_azure_bylanguagega',
        label: 'JavaScript'
      },
      { fam: 'azure', runtime: 'dotnet8', file: 'coldstart_azure_bylanguagega', label: 'C#' },
      { fam: 'azure', runtime: 'java21', file: 'coldstart_azure_bylanguagega', label: 'Java' },
      {
        fam: 'azure',
        runtime: 'python312',
        file: 'coldstart_azure_bylanguagega',
        label: 'Python (Linux)'
      }
    ];
    for (const { fam, runtime, file, label } of table) {
      const p = shilkovPoint(data, file, label);
      const c = SHILKOV_BASE[fam][runtime]!;
      assertInDelta(c.medianMs, p.medianMs, 0.05, `${fam} ${label} median`);
      assertInDelta(c.sigma, sigmaOf(p), 0.0006, `${fam} ${label} sigma`);
    }
  });

  it('PACKAGE_MS_PER_MB is the through-origin fit of Δ(size) on (size − 1 MB) over the 14 and 35 MB rows', () => {
    const fit = (file: string, prefix = '') => {
      const base = shilkovPoint(data, file, `${prefix}1 KB`).medianMs;
      let xy = 0;
      let xx = 0;
      for (const mb of [14, 35]) {
        const x = mb - 1;
        xy += x * (shilkovPoint(data, file, `${prefix}${mb} MB`).medianMs - base);
        xx += x * x;
      }
      return xy / xx;
    };
    assertInDelta(PACKAGE_MS_PER_MB.aws, fit('coldstart_aws_bydependencies'), 0.05);
    assertInDelta(PACKAGE_MS_PER_MB.azure, fit('coldstart_azure_bydependencies'), 0.05);
    // GCP is not fitted: the AWS slope is used there. The comment quotes GCP's own slope, 105.4.
    assertInDelta(fit('coldstart_all_bydependencies', 'GCP '), 105.4, 0.05);
  });

  it('PACKAGE_SIGMA is the mean of ln(p97.5 / median) / 1.96 over the 14 and 35 MB rows', () => {
    const mean = (file: string, prefix = '') =>
      (sigmaOf(shilkovPoint(data, file, `${prefix}14 MB`)) +
        sigmaOf(shilkovPoint(data, file, `${prefix}35 MB`))) /
      2;
    assertInDelta(PACKAGE_SIGMA.aws, mean('coldstart_aws_bydependencies'), 0.0006);
    assertInDelta(PACKAGE_SIGMA.gcp, mean('coldstart_all_bydependencies', 'GCP '), 0.0006);
    assertInDelta(PACKAGE_SIGMA.azure, mean('coldstart_azure_bydependencies'), 0.0006);
  });

  it('MULTICORE_GAIN_PER_VCPU_DOUBLING is the fit of 1 − T(m)/T(1,024) on log2 vCPU, bymemoryxl 2–8 GB', () => {
    const ref = shilkovPoint(data, 'coldstart_aws_bymemoryxl', '1024 MB').medianMs;
    let xy = 0;
    let xx = 0;
    for (const mb of [2048, 4096, 8192]) {
      const x = Math.log2(cpuShare('aws-lambda', mb));
      xy += x * (1 - shilkovPoint(data, 'coldstart_aws_bymemoryxl', `${mb} MB`).medianMs / ref);
      xx += x * x;
    }
    assertInDelta(MULTICORE_GAIN_PER_VCPU_DOUBLING, xy / xx, 0.0005);
  });
});
