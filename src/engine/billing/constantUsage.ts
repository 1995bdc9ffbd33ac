/**
 * The usage of a month of requests that all take the same time: what the price calculator bills,
 * and what a simulated run of such requests measures when each runs on its own instance.
 */
import { billedDuration, emptyUsage, type MeterSpec, type Usage } from './meter.ts';

export interface ConstantWorkload {
  /** User requests in the month. */
  requests: number;
  /** Handler duration of each request, ms (may be fractional: 27.55). */
  durationMs: number;
  /** Configured memory, MB. */
  memoryMb: number;
  /** Hours the month lasts (the usage covers exactly one month). Default 730. */
  monthHours?: number;
  /** CPU time of each request, ms (Cloudflare); default 0. */
  cpuMs?: number;
  /** Requests one instance serves at once (Cloud Run, Flex busy time); default 1. */
  instanceConcurrency?: number;
  /** Provisioned (always-warm) instances; default 0. */
  provisioned?: number;
  /** Hours they are enabled; default the whole month. */
  provisionedHours?: number;
  /** Requests served by them; default as many as they can serve back to back, at most all. */
  provisionedRequests?: number;
  /** Instance busy time, hours; default each request its own busy period ÷ instanceConcurrency. */
  busyHours?: number;
  /** Instance lifetime for instance-based billing, hours; default the busy time. */
  instanceHours?: number;
}

/** constantUsage(workload, meter) is the Usage of a one-month run of `workload` under `meter`. */
export function constantUsage(w: ConstantWorkload, meter: MeterSpec): Usage {
  const monthHours = w.monthHours ?? 730;
  const provisioned = w.provisioned ?? 0;
  const provisionedHours = w.provisionedHours ?? monthHours;
  const usage = emptyUsage(monthHours * 3600, w.memoryMb, provisioned);
  if (provisioned > 0 && provisionedHours !== monthHours)
    usage.provisionedEnabledS = provisionedHours * 3600;

  const billed = billedDuration(w.durationMs, meter.granularityMs, meter.minimumMs);
  const capacity =
    w.durationMs > 0
      ? Math.floor((provisioned * provisionedHours * 3_600_000) / w.durationMs)
      : w.requests;
  const onProvisioned = Math.min(w.requests, w.provisionedRequests ?? capacity);
  const onDemand = w.requests - onProvisioned;

  usage.requests = w.requests;
  usage.provisionedRequests = onProvisioned;
  usage.onDemandBilledMs = onDemand * billed;
  usage.provisionedBilledMs = onProvisioned * billed;
  usage.cpuMs = w.requests * Math.ceil(w.cpuMs ?? 0);
  // Each request its own busy period, shared by `instanceConcurrency` requests at once.
  const busyPeriod = Math.max(
    meter.minimumMs,
    Math.ceil(w.durationMs / meter.busyGranularityMs - 1e-9) * meter.busyGranularityMs
  );
  usage.instanceBusyMs =
    w.busyHours !== undefined
      ? Math.round(w.busyHours * 3_600_000)
      : Math.ceil((w.requests * busyPeriod) / Math.max(1, w.instanceConcurrency ?? 1));
  usage.instanceLiveMs =
    w.instanceHours !== undefined ? Math.round(w.instanceHours * 3_600_000) : usage.instanceBusyMs;
  return usage;
}
