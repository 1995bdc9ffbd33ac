/** Cloud Run billing: vCPU-s + GiB-s of busy (request-based) or live (instance-based) time. */
import type { Scenario } from '../../../scenario/schema.ts';
import type { Catalog } from '../../pricing/catalog.ts';
import { cloudRunDefaultVcpu } from '../../pricing/gcpCloudRun.ts';
import type { LineItem } from '../cost.ts';
import { fmtQty } from '../format.ts';
import { gbSeconds } from '../gbSeconds.ts';
import { creditItem, lineItem } from '../lineItem.ts';
import type { MeterSpec, Usage } from '../meter.ts';
import { enabledS, type MonthBill, type ProviderBilling } from './providerBilling.ts';

export const gcpCloudRunBilling: ProviderBilling = {
  meter(): MeterSpec {
    // Billed per instance while ≥ 1 request is in flight, rounded up to 100 ms per busy period.
    return { granularityMs: 100, minimumMs: 0, billInit: true, busyGranularityMs: 100 };
  },

  billMonth(usage: Usage, scenario: Scenario, scale: number, catalog: Catalog): MonthBill {
    const p = catalog['gcp-cloud-run'];
    const mode = scenario.billing.cloudRunBilling ?? 'request';
    const m = p[mode];
    const vcpu = scenario.billing.vcpu ?? cloudRunDefaultVcpu(usage.memoryMb);
    const gib = usage.memoryMb / 1024;
    const items: LineItem[] = [];
    const notes: string[] = [
      `Cloud Run ${mode}-based billing, ${fmtQty(vcpu)} vCPU and ${fmtQty(gib)} GiB per instance.`
    ];
    const time = (name: string, label: string, ms: number): void => {
      const s = (ms * scale) / 1000;
      items.push(
        lineItem(
          `${name}:cpu`,
          `${label}: CPU`,
          s * vcpu,
          m.vcpu,
          `${fmtQty(s)} s × ${fmtQty(vcpu)} vCPU`
        )
      );
      items.push(
        lineItem(
          name === 'compute' ? 'compute' : `${name}:memory`,
          `${label}: memory`,
          gbSeconds(ms, usage.memoryMb) * scale,
          m.memory,
          `${fmtQty(s)} s × ${fmtQty(gib)} GiB`
        )
      );
    };

    let billedMs: number;
    let requestsCharged = 0;
    if (mode === 'instance') {
      // The whole instance lifetime, idle included, and no request fee.
      billedMs = usage.instanceLiveMs;
      time('compute', 'Instance time', billedMs);
      notes.push(
        'Instance-based: keep-warm pings and INIT cost only through the instance time they keep alive.'
      );
    } else {
      const busy = usage.instanceBusyMs;
      // Busy periods are not split by cause; pings and INIT are carved out by their billed time.
      const pingMs = Math.min(usage.pingBilledMs, busy);
      const initMs = Math.min(usage.initBilledMs, busy - pingMs);
      const userMs = busy - pingMs - initMs;
      billedMs = busy;
      const requests = usage.requests * scale;
      requestsCharged = requests + usage.pingRequests * scale;
      items.push(lineItem('requests', 'Requests', requests, m.request!));
      time('compute', 'Busy time', userMs);
      if (initMs > 0) time('init', 'INIT (start-up) time', initMs);
      if (usage.pingRequests > 0) {
        items.push(
          lineItem(
            'keepWarm:requests',
            'Keep-warm ping requests',
            usage.pingRequests * scale,
            m.request!
          )
        );
        time('keepWarm', 'Keep-warm ping time', pingMs);
      }
      if (usage.provisioned > 0) {
        // Min instances are billed while idle at the idle rates; their busy time is in the lines above.
        const busyOnMin = Math.min(
          usage.provisioned * enabledS(usage) * 1000,
          usage.provisionedBilledMs / Math.max(1, scenario.platform.instanceConcurrency)
        );
        const idleMs = Math.max(0, usage.provisioned * enabledS(usage) * 1000 - busyOnMin);
        const s = (idleMs * scale) / 1000;
        items.push(
          lineItem(
            'provisioned:cpu',
            'Min instances, idle: CPU',
            s * vcpu,
            p.idleVcpu,
            `${fmtQty(s)} s × ${fmtQty(vcpu)} vCPU`
          )
        );
        items.push(
          lineItem(
            'provisioned:memory',
            'Min instances, idle: memory',
            s * gib,
            p.idleMemory,
            `${fmtQty(s)} s × ${fmtQty(gib)} GiB`
          )
        );
        notes.push(
          'Min instances: idle time = instances × enabled time − their billed handler time ÷ instance concurrency (an estimate).'
        );
      }
    }

    if (scenario.billing.freeTier) {
      const cpuItems = items.filter(
        (i) => i.unit === 'vCPU-s' && !i.name.startsWith('provisioned')
      );
      const memItems = items.filter((i) => i.unit === 'GiB-s' && !i.name.startsWith('provisioned'));
      const sumQ = (xs: LineItem[]) => xs.reduce((a, i) => a + i.quantity, 0);
      const sumU = (xs: LineItem[]) => xs.reduce((a, i) => a + i.usd, 0);
      if (m.request && m.freeRequests) {
        items.push(
          creditItem(
            'freeTier:requests',
            'Free tier: requests',
            requestsCharged,
            m.freeRequests.quantity,
            m.request,
            requestsCharged * m.request.usd
          )
        );
      }
      items.push(
        creditItem(
          'freeTier:cpu',
          'Free tier: vCPU',
          sumQ(cpuItems),
          m.freeVcpuSeconds.quantity,
          m.vcpu,
          sumU(cpuItems)
        )
      );
      items.push(
        creditItem(
          'freeTier:compute',
          'Free tier: memory',
          sumQ(memItems),
          m.freeGibSeconds.quantity,
          m.memory,
          sumU(memItems)
        )
      );
    }
    return {
      lineItems: items,
      billedGbSeconds: gbSeconds(billedMs, usage.memoryMb),
      sources: [m.vcpu.source, m.memory.source, p.idleVcpu.source],
      notes
    };
  }
};
