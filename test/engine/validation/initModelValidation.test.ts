import { describe, expect, it } from 'vitest';
import { formatInitValidation } from '../../../src/engine/validation/formatInitValidation.ts';
import { initModelValidation } from '../../../src/engine/validation/initModelValidation.ts';
import { loadInitCalibrationData } from './calibrationFiles.ts';

// Issue 7, item 2: with initMs left to the model, the defaults reproduce the lambda_perf medians per
// runtime and architecture, and Shilkov's package-size and memory effects, within stated tolerances.
// The tolerances live in initModelValidation.ts (the page shows the same figures):
//   lambda_perf zip ±10 %, image ±15 % of (median Init Duration + mean cold handler), ≥ 95 % of cells,
//   none beyond ±25 %; package size ±15 % of the measured increase; memory effect ±10 % (AWS hello
//   world), ±5 % (AWS large dependencies, the fitted series), ±35 % (GCP, no monotonic effect).

const v = initModelValidation(loadInitCalibrationData());

describe('initModelValidation', () => {
  it('initModelValidation meets every stated init-duration target', () => {
    console.log(formatInitValidation(v));
    for (const t of v.targets) expect(t.met, `${t.id}: ${t.description}`).toBe(true);
  });

  it('initModelValidation has a lambda_perf row for each runtime, arch, packaging and memory', () => {
    // 9 runtimes × 2 architectures × 2 packagings × 4 memory sizes.
    expect(v.rows.filter((r) => r.check === 'lambda-perf')).toHaveLength(144);
    expect(v.perRuntime).toHaveLength(36);
  });

  it('initModelValidation: every zip runtime is within ±10 % at most memory sizes (max error per runtime)', () => {
    // The two zip cells beyond ±10 % are lambda_perf outliers against their own other memory sizes
    // (python312 arm64 128 MB, ruby33 arm64 256 MB; see initCalibration.test.ts).
    const misses = v.rows
      .filter((r) => r.check === 'lambda-perf' && r.input.packaging === 'zip' && !r.pass)
      .map((r) => r.label);
    expect(misses).toEqual(['python312 arm64 zip 128 MB', 'ruby33 arm64 zip 256 MB']);
  });

  it('initModelValidation: the GCP package-size rows, not used in any fit, are within ±15 %', () => {
    const gcp = v.rows.filter(
      (r) => r.check === 'package-size' && r.input.provider === 'gcp-functions-gen1'
    );
    expect(gcp).toHaveLength(2);
    for (const r of gcp) {
      expect(r.inSample).toBe(false);
      expect(Math.abs(r.errorPct)).toBeLessThanOrEqual(15);
    }
  });

  it('initModelValidation: the modelled INIT p99 is exceeded by at most 3 % of the lambda_perf samples', () => {
    // 1 % if the lognormal tail were exact; the benchmark's tail is heavier (measured 1.9 %).
    expect(v.tail.samples).toBe(1439); // 144 cells × 10, one cell (nodejs22 image 512 x86_64) has 9
    expect(v.tail.abovePct).toBeLessThanOrEqual(3);
  });

  it('initModelValidation lists the fallback and the 2019 C# memory series as information, not targets', () => {
    for (const r of v.rows.filter((r) => r.check === 'fallback' || r.check === 'info')) {
      expect(r.tolerancePct).toBeNull();
      expect(r.pass).toBeNull();
    }
  });
});
