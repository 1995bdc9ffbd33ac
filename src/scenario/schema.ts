/** Scenario format v1: the public, serialisable description of a simulation (files, URLs, CLI). */

/** A duration distribution in milliseconds. */
export type DurationDist =
  | { dist: 'fixed'; value: number }
  | { dist: 'exponential'; mean: number }
  /** Log-normal given by its median and 99th percentile (p99 ≥ median). */
  | { dist: 'lognormal'; median: number; p99: number }
  /**
   * Piecewise-linear quantile function through given percentiles, e.g. Azure 2019
   * `percentile_Average_{0,1,25,50,75,99,100}`; `p` in [0, 100] ascending, `ms` non-decreasing.
   */
  | { dist: 'percentiles'; p: number[]; ms: number[] };

export type TrafficKind = Traffic['kind'];

/** Trace file formats (see the README of the shared traces for the Azure ones). */
export type TraceFormat = 'azure2019' | 'azure2021' | 'timestamps' | 'counts';

/** Which functions of a multi-function trace to simulate. */
export type FunctionSelection =
  | { mode: 'all' }
  /** `id` is a function id, or `app/id` when the id alone is ambiguous. */
  | { mode: 'one'; id: string }
  /** The n functions with the most invocations. */
  | { mode: 'top'; n: number };

/**
 * A trace file named by a scenario. The file itself is not in the scenario (it can be hundreds of
 * MB); its name, size and SHA-256 identify it, so a shared link can ask for the right file.
 */
export interface TraceFileRef {
  name: string;
  /** Bytes, or null when unknown. */
  sizeBytes: number | null;
  /** Hex SHA-256 of the file, or null when unknown. */
  sha256: string | null;
}

export type Traffic =
  /** One request every 1/ratePerS seconds, the first at t = 0. */
  | { kind: 'constant'; ratePerS: number }
  /** Homogeneous Poisson process. */
  | { kind: 'poisson'; ratePerS: number }
  /**
   * Non-homogeneous Poisson process with a daily cycle (t = 0 is 00:00 UTC): intensity
   * ∝ exp(κ·cos(2π(h − peakHourUtc)/24)), κ chosen so that peak/mean = peakToMean.
   */
  | { kind: 'diurnal'; meanRatePerS: number; peakToMean: number; peakHourUtc: number }
  /**
   * Poisson at baseRatePerS, switching to burstRatePerS for burstLengthS at the start of every
   * burstEveryS (first burst at burstOffsetS, default 0).
   */
  | {
      kind: 'bursts';
      baseRatePerS: number;
      burstRatePerS: number;
      burstEveryS: number;
      burstLengthS: number;
      burstOffsetS?: number;
    }
  /**
   * Replay of a real trace; each selected function is its own instance pool, configured like the
   * scenario's function. The run lasts min(durationS, the trace's length).
   */
  | {
      kind: 'trace';
      file: TraceFileRef;
      /** Azure 2019 side files: per-function duration percentiles and app memory. */
      durationsFile: TraceFileRef | null;
      memoryFile: TraceFileRef | null;
      /** Default 'auto' (detected from the header). */
      format: 'auto' | TraceFormat;
      /** Default { mode: 'all' }. */
      select: FunctionSelection;
      /** Replay the trace's own durations (per invocation, or its percentiles) where it has them. Default true. */
      useTraceDurations: boolean;
      /** A small trace's text, carried in the scenario (and its link); null = the file is supplied separately. */
      inline: string | null;
    };

export type Provider =
  | 'aws-lambda'
  | 'gcp-functions-gen1'
  | 'gcp-cloud-run'
  | 'azure-consumption'
  | 'azure-flex'
  | 'cloudflare-workers';

export type Arch = 'x86_64' | 'arm64';

export type Runtime =
  | 'nodejs20'
  | 'nodejs22'
  | 'python312'
  | 'python313'
  | 'java21'
  | 'dotnet8'
  | 'go'
  | 'rust'
  | 'ruby33';

/** How an arriving request picks among idle warm instances. */
export type ReusePolicy = 'mru' | 'lru' | 'random';

export interface FunctionSpec {
  /** Configured memory, MB. Default 512. */
  memoryMb: number;
  /** Language runtime; drives the modelled init time. Default 'nodejs20'. */
  runtime: Runtime;
  /** Deployment package size, MB; drives the modelled init time. Default 1. */
  packageMb: number;
  /** Handler duration at `memoryMb`, ms. Default lognormal median 120, p99 900. */
  durationMs: DurationDist;
  /** Share of `durationMs` that scales with CPU share (0 = pure I/O wait, 1 = pure CPU). Default 0.5. */
  cpuBoundFraction: number;
  /** Threads the handler can keep busy; CPU above this many vCPUs gains nothing. Default 1. */
  threads: number;
  /** Cold-start init time, ms; null = modelled from runtime, packageMb, memoryMb and arch. Default null. */
  initMs: DurationDist | null;
}

export interface KeepWarm {
  /** Ping period, s; 0 = no pings. Default 0. */
  everyS: number;
  /** Concurrent pings per period, i.e. instances kept warm. Default 1. */
  concurrency: number;
  /** Handler duration of one ping, ms. Default 5. */
  durationMs: number;
}

/**
 * How long idle instances are kept: 'fixed' keeps each `keepAliveS`; 'none' reclaims at once (every
 * request cold: the lower bound of cost); 'hybrid-histogram' is the policy of Shahrad et al.,
 * "Serverless in the Wild" (USENIX ATC 2020): per pool, a histogram of idle times sets a pre-warm
 * window (unload, then load again shortly before the next request is expected) and a keep-alive
 * window. Parameters default to the paper's (see HYBRID_HISTOGRAM_DEFAULTS).
 */
export type KeepAliveSpec =
  | { policy: 'fixed' }
  | { policy: 'none' }
  | {
      policy: 'hybrid-histogram';
      /** Histogram range, minutes; idle times beyond it are out of bounds. Default 240. */
      rangeMinutes?: number;
      /** Bin width, minutes. Default 1. */
      binMinutes?: number;
      /** Idle-time percentile that sets the pre-warm window. Default 5. */
      prewarmPercentile?: number;
      /** Idle-time percentile that sets the end of the keep-alive window. Default 99. */
      keepAlivePercentile?: number;
      /** Pre-warm at head·(1 − m), keep until tail·(1 + m). Default 0.1. */
      marginFraction?: number;
      /** Fewer idle times than this → fixed keep-alive of rangeMinutes. Default 10. */
      minSamples?: number;
      /** Bin-count coefficient of variation below this → not predictable → fixed. Default 2. */
      cvThreshold?: number;
      /** Out-of-bounds share above this → fixed. Default 0.5. */
      maxOutOfBoundsFraction?: number;
    };

export interface PlatformSpec {
  /** Default 'aws-lambda'. */
  provider: Provider;
  /** CPU architecture (prices and init times differ). Default 'x86_64'. */
  arch: Arch;
  /** Idle time after which a warm instance is reclaimed, s (policy 'fixed'). Default 600. */
  keepAliveS: number;
  /** Keep-alive policy. Default { policy: 'fixed' }. */
  keepAlive: KeepAliveSpec;
  /** Default 'mru'. */
  reuse: ReusePolicy;
  /** Maximum instances in existence at once; a request that needs one more is throttled. Default 1000. */
  maxConcurrency: number;
  /** Requests one instance serves at once (Cloud Run style). Default 1. */
  instanceConcurrency: number;
  /** Always-warm pre-initialised instances, never reclaimed. Default 0. */
  provisioned: number;
  /**
   * Where a request goes when no instance is idle (instanceConcurrency 1): 'new-instance' waits
   * for the instance it starts (the plain model); 'first-free' starts one but takes whichever
   * instance frees first. Default 'new-instance'.
   */
  placement: 'new-instance' | 'first-free';
  /**
   * Maximum age of an instance, s: the platform retires it this long after it started, even while
   * in use (once its requests in flight finish); the next request that needs it starts a new one.
   * null = the provider's value (AWS Lambda 11,700 s, fitted to measurements: docs/validation.md;
   * others 0); 0 = never (the plain model). Default null.
   */
  maxLifetimeS?: number | null;
  keepWarm: KeepWarm;
}

export interface BillingSpec {
  /** Subtract the provider's monthly free tier. Default false. */
  freeTier: boolean;
  /** Billing granularity override, ms (e.g. 100 for Lambda before Dec 2020); null = provider's. Default null. */
  granularityMs: number | null;
  /** Bill the INIT phase of cold starts (AWS since 2025-08-01). null = provider's current rule. Default null. */
  billInit: boolean | null;
  /** API Gateway in front of Lambda: adds its per-request fee. Default 'none'. */
  apiGateway: 'none' | 'http' | 'rest';
  /** Lambda ephemeral storage (/tmp), MB; above 512 is billed. Default 512. */
  ephemeralMb: number;
  /** Hours in a month for monthly projections. Default 730. */
  monthHours: number;
  /** Cloud Run: 'request'-based (CPU only while serving, the default) or 'instance'-based billing. */
  cloudRunBilling?: 'request' | 'instance';
  /** Cloud Run vCPUs per instance; null = the fewest its memory allows (1 up to 4 GiB). Default null. */
  vcpu?: number | null;
}

export interface AlwaysOnSpec {
  /** Always-on catalog ids to compare against, e.g. ['ec2:t4g.small', 'fargate:1vcpu-2gb-x86']. */
  options: string[];
  /** Target CPU utilisation when sizing the fleet (0–1]. Default 0.6. */
  targetUtilization: number;
  /** Minimum instances for availability. Default 2. */
  minInstances: number;
}

export interface Scenario {
  version: 1;
  /** PRNG seed; same scenario + seed = byte-identical report. Default 1. */
  seed: number;
  /** Simulated time, s. Default 86400. */
  durationS: number;
  traffic: Traffic;
  function: FunctionSpec;
  platform: PlatformSpec;
  billing: BillingSpec;
  alwaysOn: AlwaysOnSpec;
}

/** A scenario as users write it: every field optional except what a kind needs. */
export type ScenarioInput = DeepPartial<Scenario>;

export type DeepPartial<T> = T extends (infer U)[]
  ? U[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;
