/** Cloudflare Workers Standard billing: $5 base with 10 M requests and 30 M CPU-ms included. */
import type { Scenario } from '../../../scenario/schema.ts';
import type { Catalog } from '../../pricing/catalog.ts';
import type { LineItem } from '../cost.ts';
import { fmtQty } from '../format.ts';
import { gbSeconds } from '../gbSeconds.ts';
import { lineItem } from '../lineItem.ts';
import type { MeterSpec, Usage } from '../meter.ts';
import type { MonthBill, ProviderBilling } from './providerBilling.ts';

export const cloudflareWorkersBilling: ProviderBilling = {
  meter(): MeterSpec {
    // CPU time only; wall-clock duration and isolate start-up are not billed.
    return { granularityMs: 1, minimumMs: 0, billInit: false, busyGranularityMs: 1 };
  },

  billMonth(usage: Usage, _scenario: Scenario, scale: number, catalog: Catalog): MonthBill {
    const p = catalog['cloudflare-workers'];
    const included = p.includedRequests.quantity;
    const requests = usage.requests * scale;
    const all = requests + usage.pingRequests * scale;
    const cpuMs = usage.cpuMs * scale;
    const items: LineItem[] = [];
    items.push(lineItem('base', 'Workers Paid subscription', 1, p.base));
    const over = (q: number, free: number) => Math.max(0, q - free);
    items.push(
      lineItem(
        'requests',
        'Requests',
        over(requests, included),
        p.request,
        `(${fmtQty(requests)} − ${fmtQty(included)} included)`
      )
    );
    if (usage.pingRequests > 0) {
      // Pings cost what they add above the included requests.
      items.push(
        lineItem(
          'keepWarm:requests',
          'Keep-warm ping requests',
          over(all, included) - over(requests, included),
          p.request
        )
      );
    }
    const cpuIncluded = p.includedCpuMs.quantity;
    items.push(
      lineItem(
        'compute',
        'CPU time',
        over(cpuMs, cpuIncluded),
        p.cpu,
        `(${fmtQty(cpuMs)} − ${fmtQty(cpuIncluded)} included) CPU-ms`
      )
    );
    return {
      lineItems: items,
      billedGbSeconds: gbSeconds(usage.onDemandBilledMs + usage.initBilledMs, usage.memoryMb),
      sources: [p.base.source],
      notes: [
        'Cloudflare Workers Paid: the included 10 M requests and 30 M CPU-ms come with the $5 base and always apply; the free-tier switch does not change them.',
        'CPU-ms = handler time × cpuBoundFraction, rounded up per request; GB-s are reported but not billed.'
      ]
    };
  }
};
