/** Every allowed value of each enumerated scenario field, for validation and for UI pickers. */
import type {
  Arch,
  BillingSpec,
  DurationDist,
  FunctionSelection,
  KeepAliveSpec,
  PlatformSpec,
  Provider,
  ReusePolicy,
  Runtime,
  TraceFormat,
  TrafficKind
} from './schema.ts';

/** Keys of a record with one entry per member of a union: the compiler flags a missing member. */
function members<T extends string>(all: Record<T, true>): readonly T[] {
  return Object.keys(all) as T[];
}

export const TRAFFIC_KINDS = members<TrafficKind>({
  constant: true,
  poisson: true,
  diurnal: true,
  bursts: true,
  trace: true
});

export const TRACE_FORMATS = members<TraceFormat | 'auto'>({
  auto: true,
  azure2019: true,
  azure2021: true,
  timestamps: true,
  counts: true
});

export const SELECTION_MODES = members<FunctionSelection['mode']>({
  all: true,
  one: true,
  top: true
});

export const DIST_KINDS = members<DurationDist['dist']>({
  fixed: true,
  exponential: true,
  lognormal: true,
  percentiles: true
});

export const PROVIDERS = members<Provider>({
  'aws-lambda': true,
  'gcp-functions-gen1': true,
  'gcp-cloud-run': true,
  'azure-consumption': true,
  'azure-flex': true,
  'cloudflare-workers': true
});

export const RUNTIMES = members<Runtime>({
  nodejs20: true,
  nodejs22: true,
  python312: true,
  python313: true,
  java21: true,
  dotnet8: true,
  go: true,
  rust: true,
  ruby33: true
});

export const ARCHES = members<Arch>({ x86_64: true, arm64: true });

export const REUSE_POLICIES = members<ReusePolicy>({ mru: true, lru: true, random: true });

export const API_GATEWAYS = members<BillingSpec['apiGateway']>({
  none: true,
  http: true,
  rest: true
});

export const CLOUD_RUN_BILLING = members<NonNullable<BillingSpec['cloudRunBilling']>>({
  request: true,
  instance: true
});

export const PLACEMENTS = members<PlatformSpec['placement']>({
  'new-instance': true,
  'first-free': true
});

export const KEEP_ALIVE_POLICIES = members<KeepAliveSpec['policy']>({
  fixed: true,
  none: true,
  'hybrid-histogram': true
});
