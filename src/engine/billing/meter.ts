/** What the simulation must measure so a provider can bill it: the meter spec in, the usage out. */

/** How a provider rounds what it bills; built by the billing module from the scenario. */
export interface MeterSpec {
  /** Each invocation's billed duration is rounded up to a multiple of this, ms (1 or 100). */
  granularityMs: number;
  /** Each invocation is billed at least this long, ms (Azure Consumption 100, Flex 1000, else 0). */
  minimumMs: number;
  /** Whether a cold start's INIT time is added to the invocation's billed duration. */
  billInit: boolean;
  /** Per-instance busy periods (≥ 1 request in flight) are rounded up to this, ms (Cloud Run 100). */
  busyGranularityMs: number;
}

/**
 * Everything a bill needs from one run. All `*Ms` sums are integers (after per-invocation rounding),
 * exact while below 2^53 ms; billing multiplies by MB once, in BigInt.
 */
export interface Usage {
  /** Simulated time, s. */
  durationS: number;
  /** Configured memory, MB. */
  memoryMb: number;
  /** User requests served (throttled ones are not billed). */
  requests: number;
  /** User requests served by provisioned instances (a subset of `requests`). */
  provisionedRequests: number;
  /** Keep-warm pings served. */
  pingRequests: number;
  /** Σ billed handler ms of user requests on on-demand instances, rounded per invocation. */
  onDemandBilledMs: number;
  /** Σ billed handler ms of user requests on provisioned instances, rounded per invocation. */
  provisionedBilledMs: number;
  /** Σ extra billed ms from INIT on cold user requests: round(init + handler) − round(handler); 0 when INIT is not billed. */
  initBilledMs: number;
  /** Σ billed ms of pings, their INIT included when billed. */
  pingBilledMs: number;
  /** Σ CPU ms of user requests (handler × cpuBoundFraction), rounded up per invocation (Cloudflare). */
  cpuMs: number;
  /** Σ instance busy time (≥ 1 request or an INIT in flight), rounded per busy period, ms (Cloud Run, Flex). */
  instanceBusyMs: number;
  /** Σ instance lifetime, on-demand and provisioned, ms (instance-based billing). */
  instanceLiveMs: number;
  /** Σ idle warm instance time, ms: what the provider keeps warm for you. */
  instanceIdleMs: number;
  /** Provisioned instances, enabled for the whole run. */
  provisioned: number;
  /** Time the provisioned instances were enabled, s; absent = `durationS` (the whole run). */
  provisionedEnabledS?: number;
  /** Cold starts, user requests and pings together (each one created an instance). */
  instancesStarted: number;
}

export function emptyUsage(durationS: number, memoryMb: number, provisioned: number): Usage {
  return {
    durationS,
    memoryMb,
    requests: 0,
    provisionedRequests: 0,
    pingRequests: 0,
    onDemandBilledMs: 0,
    provisionedBilledMs: 0,
    initBilledMs: 0,
    pingBilledMs: 0,
    cpuMs: 0,
    instanceBusyMs: 0,
    instanceLiveMs: 0,
    instanceIdleMs: 0,
    provisioned,
    instancesStarted: 0
  };
}

/** billedDuration(ms, spec) rounds up to the granularity and applies the minimum. */
export function billedDuration(ms: number, granularityMs: number, minimumMs: number): number {
  const billed = Math.ceil(ms / granularityMs) * granularityMs;
  return billed < minimumMs ? minimumMs : billed;
}
