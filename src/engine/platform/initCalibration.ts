/** Fitted constants of the cold-start init model, as data, each with the measurements it comes from. */
import type { Arch, Runtime } from '../../scenario/schema.ts';

// Data: /work/shared/data/traces/calibration/ (copied into data/calibration/ with its README).
//   LP = lambda_perf/2026-08-22.json: maxday/lambda-perf daily benchmark, hello-world functions, 10 cold
//        starts per (runtime, zip|image, memory 128/256/512/1024, x86_64|arm64); `i` = the 10 REPORT
//        "Init Duration" values, `ad` = mean handler duration of those same cold invocations.
//   SK = shilkov_coldstarts/*.json: Mikhail Shilkov's cold-start charts (2019–2021), end-to-end
//        latency minus warm latency; points = [label, median s, text, p2.5 s, p97.5 s, p16.5 s, p83.5 s].
// The test test/engine/platform/initCalibration.test.ts recomputes every number below from the raw files.

/** Median and log-spread of a cold-start phase: lognormal with p99 = medianMs · e^(2.326·sigma). */
export interface Phase {
  /** Median, ms. */
  medianMs: number;
  /** Standard deviation of ln(duration). */
  sigma: number;
}

export interface LambdaRuntimeCalibration {
  /** INIT phase of a zip-packaged hello world. */
  zip: Phase;
  /** INIT phase of a container-image hello world. */
  image: Phase;
  /** Extra CPU work of the first (cold) invocation at 1 vCPU, ms; at share s < 1 it takes /s. */
  firstInvokeCpuMs: number;
}

/** The lambda_perf benchmark id of each modelled runtime (LP `r` = lambda-perf-<id>-<zip|image>-<MB>-<arch>). */
export const LAMBDA_PERF_ID: { readonly [R in Runtime]: string } = {
  nodejs20: 'nodejs20x',
  nodejs22: 'nodejs22x',
  python312: 'python312',
  python313: 'python313',
  java21: 'java21',
  dotnet8: 'dotnet8',
  go: 'go_on_provided_al2023',
  rust: 'rust_on_provided_al2023',
  ruby33: 'ruby33'
};

/**
 * AWS Lambda INIT phase per runtime and architecture, from LP.
 * - `medianMs`: median of the 40 Init Durations of the runtime/arch/packaging (4 memory sizes × 10);
 *   pooled because LP shows no memory effect on INIT at 128–1,024 MB (every zip per-memory median is
 *   within ±10 % of the pooled one except python312 arm64 128 MB, −18 %, and ruby33 arm64 256 MB,
 *   +31 %; image cells scatter more, up to +18 %): Lambda runs INIT with boosted CPU.
 * - `sigma`: ln-deviations d = ln(x / median of its 10-value memory cell) over the same 40 values;
 *   sigma = (97.5th percentile of d, linear interpolation) / 1.96, the same rule as for Shilkov's
 *   95 % bands, so the right tail LP records (e.g. 663 ms vs a 256 ms median, nodejs20 image) sets
 *   the p99. (The standard deviation of d gave a p99 that 3.6 % of the samples exceed; this, 1.9 %.)
 * - `firstInvokeCpuMs`: least-squares fit through the origin of LP `ad` against 1/cpuShare(memory)
 *   over the 8 zip+image rows of the runtime/arch; the cold invocation is not CPU-boosted, so JIT and
 *   class loading in the first call shrink with memory (dotnet8 x86_64: 715, 357, 169, 75 ms at
 *   128…1,024 MB). Includes the ~1–3 ms hello-world handler itself.
 */
export const LAMBDA_INIT: {
  readonly [R in Runtime]: { readonly [A in Arch]: LambdaRuntimeCalibration };
} = {
  nodejs20: {
    x86_64: {
      zip: { medianMs: 138.8, sigma: 0.063 },
      image: { medianMs: 240.5, sigma: 0.367 },
      firstInvokeCpuMs: 0.9
    },
    arm64: {
      zip: { medianMs: 131.6, sigma: 0.027 },
      image: { medianMs: 226.3, sigma: 0.363 },
      firstInvokeCpuMs: 0.8
    }
  },
  nodejs22: {
    x86_64: {
      zip: { medianMs: 139.1, sigma: 0.077 },
      image: { medianMs: 283.4, sigma: 0.406 },
      firstInvokeCpuMs: 0.7
    },
    arm64: {
      zip: { medianMs: 130.2, sigma: 0.042 },
      image: { medianMs: 230.4, sigma: 0.563 },
      firstInvokeCpuMs: 1.0
    }
  },
  python312: {
    x86_64: {
      zip: { medianMs: 82.8, sigma: 0.069 },
      image: { medianMs: 154.0, sigma: 0.452 },
      firstInvokeCpuMs: 0.2
    },
    arm64: {
      zip: { medianMs: 81.7, sigma: 0.128 },
      image: { medianMs: 131.7, sigma: 0.473 },
      firstInvokeCpuMs: 0.2
    }
  },
  python313: {
    x86_64: {
      zip: { medianMs: 85.0, sigma: 0.092 },
      image: { medianMs: 148.6, sigma: 0.414 },
      firstInvokeCpuMs: 0.2
    },
    arm64: {
      zip: { medianMs: 80.7, sigma: 0.048 },
      image: { medianMs: 132.6, sigma: 0.363 },
      firstInvokeCpuMs: 0.3
    }
  },
  java21: {
    x86_64: {
      zip: { medianMs: 237.4, sigma: 0.04 },
      image: { medianMs: 332.1, sigma: 0.285 },
      firstInvokeCpuMs: 6.0
    },
    arm64: {
      zip: { medianMs: 256.4, sigma: 0.144 },
      image: { medianMs: 320.9, sigma: 0.406 },
      firstInvokeCpuMs: 6.6
    }
  },
  dotnet8: {
    x86_64: {
      zip: { medianMs: 246.6, sigma: 0.126 },
      image: { medianMs: 410.4, sigma: 0.315 },
      firstInvokeCpuMs: 52.0
    },
    arm64: {
      zip: { medianMs: 294.6, sigma: 0.16 },
      image: { medianMs: 471.7, sigma: 0.212 },
      firstInvokeCpuMs: 59.4
    }
  },
  go: {
    x86_64: {
      zip: { medianMs: 49.6, sigma: 0.036 },
      image: { medianMs: 47.5, sigma: 0.415 },
      firstInvokeCpuMs: 0.2
    },
    arm64: {
      zip: { medianMs: 43.4, sigma: 0.022 },
      image: { medianMs: 40.7, sigma: 0.372 },
      firstInvokeCpuMs: 0.2
    }
  },
  rust: {
    x86_64: {
      zip: { medianMs: 15.4, sigma: 0.18 },
      image: { medianMs: 35.0, sigma: 0.449 },
      firstInvokeCpuMs: 0.1
    },
    arm64: {
      zip: { medianMs: 13.7, sigma: 0.068 },
      image: { medianMs: 29.7, sigma: 0.393 },
      firstInvokeCpuMs: 0.1
    }
  },
  ruby33: {
    x86_64: {
      zip: { medianMs: 232.2, sigma: 0.259 },
      image: { medianMs: 268.0, sigma: 0.215 },
      firstInvokeCpuMs: 0.9
    },
    arm64: {
      zip: { medianMs: 262.4, sigma: 0.241 },
      image: { medianMs: 287.4, sigma: 0.181 },
      firstInvokeCpuMs: 0.9
    }
  }
};

/** Cold-start families measured by SK outside AWS: Google (Cloud Functions) and Azure (Consumption). */
export type ShilkovProvider = 'gcp' | 'azure';

/**
 * End-to-end cold start of a 1 KB hello world per language, from SK: `medianMs` = point[1] × 1000,
 * `sigma` = ln(p97.5 / median) / 1.96 (point[4], the top of the 95 % band, so the tail is the
 * measured one). GCP: coldstart_gcp_bylanguage.json rows JavaScript, Go, Python. Azure:
 * coldstart_azure_bylanguagega.json rows JavaScript, C#, Java, "Python (Linux)". Runtimes without a
 * row fall back to the JavaScript row plus the runtime's INIT difference on Lambda (initModel.ts).
 */
export const SHILKOV_BASE: {
  readonly [P in ShilkovProvider]: { readonly [R in Runtime]?: Phase };
} = {
  gcp: {
    nodejs20: { medianMs: 665.4, sigma: 0.413 },
    nodejs22: { medianMs: 665.4, sigma: 0.413 },
    go: { medianMs: 589.4, sigma: 0.4 },
    python312: { medianMs: 1105.5, sigma: 0.238 },
    python313: { medianMs: 1105.5, sigma: 0.238 }
  },
  azure: {
    nodejs20: { medianMs: 1591.1, sigma: 1.116 },
    nodejs22: { medianMs: 1591.1, sigma: 1.116 },
    dotnet8: { medianMs: 1103.1, sigma: 1.155 },
    java21: { medianMs: 7682.0, sigma: 0.477 },
    python312: { medianMs: 1280.6, sigma: 0.568 },
    python313: { medianMs: 1280.6, sigma: 0.568 }
  }
};

/** Package size, MB, that counts as a hello world: the default 1 MB adds nothing to the benchmark's INIT. */
export const HELLO_WORLD_PACKAGE_MB = 1;

/**
 * Extra cold-start time per MB of package above 1 MB, for runtimes that load their code at start
 * (JavaScript, Python, Ruby, Java, .NET).
 * - `aws`: least squares through the origin of Δ = median(size) − median(1 KB) on (size − 1 MB) over
 *   SK coldstart_aws_bydependencies.json rows "14 MB" (+1,431 ms) and "35 MB" (+3,611 ms): 106.7 ms/MB.
 *   Used for Google too; the same fit on coldstart_all_bydependencies.json GCP rows gives 105.4 ms/MB
 *   (an out-of-sample check, see initModelValidation).
 * - `azure`: the same fit on coldstart_azure_bydependencies.json (+5,729 ms, +12,960 ms): 388.8 ms/MB;
 *   Consumption apps read their files from a network share (Azure Files), so each file costs more.
 * Measured on JavaScript (npm dependencies) only; applied to the other code-loading runtimes unverified.
 */
export const PACKAGE_MS_PER_MB = { aws: 106.7, azure: 388.8 } as const;

/**
 * Native runtimes (one compiled binary, mapped lazily): no package-size effect. LP's Go hello world
 * (a binary of several MB with aws-lambda-go) initialises in 50 ms, so a native MB costs at most a
 * few ms; the 106.7 ms/MB above would overstate it by two orders of magnitude.
 */
export const NATIVE_RUNTIMES: readonly Runtime[] = ['go', 'rust'];

/**
 * Log-spread of the package-loading part: mean over the 14 MB and 35 MB rows of ln(p97.5/median)/1.96
 * in the same SK bydependencies files (aws 0.085, 0.165; gcp 0.135, 0.079; azure 0.500, 0.305).
 */
export const PACKAGE_SIGMA = { aws: 0.125, gcp: 0.107, azure: 0.403 } as const;

/**
 * Lambda cold starts above one vCPU: start and package loading take 1 − gain·log2(vCPU) of their
 * time at ≤ 1 vCPU (runtimes keep a few background threads busy: GC, compilation, I/O; below one
 * vCPU INIT is CPU-boosted, hence flat). Least squares through the origin of 1 − T(m)/T(1,024 MB) on
 * log2(cpuShare(m)) over SK coldstart_aws_bymemoryxl.json rows 2048, 4096, 8192 MB (JavaScript with
 * large dependencies: 0.029, 0.078, 0.110 at 1.16, 2.37, 4.79 vCPU). The hello-world chart
 * coldstart_aws_bymemory.json (0.067, 0.072, 0.107) is not used for the fit and checks it.
 */
export const MULTICORE_GAIN_PER_VCPU_DOUBLING = 0.0525;

/**
 * Cloudflare Workers: not calibrated (no measurement in the data). Cloudflare states isolates start
 * "in under 5 milliseconds" ("Eliminating cold starts with Cloudflare Workers", blog.cloudflare.com,
 * 2020-07-30) and hides most of it behind the TLS handshake; we use a fixed 5 ms upper bound.
 */
export const CLOUDFLARE_INIT_MS = 5;
