/** A month of FaaS usage at another traffic, from a run's per-request billed quantities. */
import type { Usage } from '../billing/meter.ts';

/**
 * usageAtTraffic(run, requestsPerMonth, monthS): every per-request quantity of the run (billed ms,
 * INIT ms, CPU ms, busy and live instance time, cold starts) scaled to `requestsPerMonth`; pings and
 * provisioned instances scaled by time only (they do not depend on traffic). Work beyond what the
 * provisioned instances can hold in a month moves to on-demand. Null when the run served nothing.
 */
export function usageAtTraffic(run: Usage, requestsPerMonth: number, monthS: number): Usage | null {
  if (run.requests <= 0 || run.durationS <= 0) return null;
  const k = requestsPerMonth / run.requests;
  const time = monthS / run.durationS;
  const int = (x: number) => Math.round(x);

  let provisionedBilledMs = run.provisionedBilledMs * k;
  let provisionedRequests = run.provisionedRequests * k;
  let onDemandBilledMs = run.onDemandBilledMs * k;
  const pcEnabledS = run.provisionedEnabledS ?? run.durationS;
  const pcCapacityMs = run.provisioned * Math.min(pcEnabledS, run.durationS) * time * 1000;
  if (provisionedBilledMs > pcCapacityMs) {
    const keep = pcCapacityMs / provisionedBilledMs;
    onDemandBilledMs += provisionedBilledMs - pcCapacityMs;
    provisionedRequests *= keep;
    provisionedBilledMs = pcCapacityMs;
  }
  const u: Usage = {
    durationS: monthS,
    memoryMb: run.memoryMb,
    requests: int(requestsPerMonth),
    provisionedRequests: int(provisionedRequests),
    pingRequests: int(run.pingRequests * time),
    onDemandBilledMs: int(onDemandBilledMs),
    provisionedBilledMs: int(provisionedBilledMs),
    initBilledMs: int(run.initBilledMs * k),
    pingBilledMs: int(run.pingBilledMs * time),
    cpuMs: int(run.cpuMs * k),
    instanceBusyMs: int(run.instanceBusyMs * k),
    instanceLiveMs: int(run.instanceLiveMs * k),
    instanceIdleMs: int(run.instanceIdleMs * k),
    provisioned: run.provisioned,
    instancesStarted: int(run.instancesStarted * k)
  };
  if (run.provisionedEnabledS !== undefined) u.provisionedEnabledS = run.provisionedEnabledS * time;
  return u;
}
