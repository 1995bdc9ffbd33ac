/** Cloud Run functions (1st gen) billing: invocations, GB-s + GHz-s in 100 ms steps, free tier. */
import type { Scenario } from '../../../scenario/schema.ts';
import type { Catalog } from '../../pricing/catalog.ts';
import { price } from '../../pricing/price.ts';
import type { LineItem } from '../cost.ts';
import { fmtQty, fmtRate } from '../format.ts';
import { gbSeconds } from '../gbSeconds.ts';
import { creditItem, lineItem } from '../lineItem.ts';
import type { MeterSpec, Usage } from '../meter.ts';
import { perRequestDerivation } from './common.ts';
import { enabledS, type MonthBill, type ProviderBilling } from './providerBilling.ts';

/** The billed memory size: the smallest size in the GHz table at or above `memoryMb`. */
export function gcfBilledMemoryMb(
  memoryMb: number,
  ghzByMemoryMb: { readonly [mb: number]: number }
): number {
  const sizes = Object.keys(ghzByMemoryMb)
    .map(Number)
    .sort((a, b) => a - b);
  for (const s of sizes) if (s >= memoryMb) return s;
  return sizes[sizes.length - 1];
}

export const gcpFunctionsGen1Billing: ProviderBilling = {
  meter(): MeterSpec {
    // Time from request receipt to completion, rounded up to 100 ms; a cold request waits for INIT.
    return { granularityMs: 100, minimumMs: 0, billInit: true, busyGranularityMs: 100 };
  },

  billMonth(usage: Usage, scenario: Scenario, scale: number, catalog: Catalog): MonthBill {
    const p = catalog['gcp-functions-gen1'];
    const mb = gcfBilledMemoryMb(usage.memoryMb, p.ghzByMemoryMb);
    const ghz = p.ghzByMemoryMb[mb];
    const gb = mb / 1024;
    const notes: string[] = [];
    if (mb !== usage.memoryMb) notes.push(`GCF bills ${usage.memoryMb} MB as the ${mb} MB size.`);
    // One "second" of a function = its memory and CPU together, for INIT and keep-warm lines.
    const perSecond = price(gb * p.memory.usd + ghz * p.cpu.usd, 's', p.memory.source, 'D');
    const perSecondText = `(${fmtQty(gb)} GB × ${fmtRate(p.memory.usd, 'GB-s')} + ${fmtQty(ghz)} GHz × ${fmtRate(p.cpu.usd, 'GHz-s')})`;

    const requests = usage.requests * scale;
    const pings = usage.pingRequests * scale;
    const handlerMs = usage.onDemandBilledMs + usage.provisionedBilledMs;
    const handlerS = (handlerMs * scale) / 1000;
    const items: LineItem[] = [];

    items.push(lineItem('requests', 'Invocations', requests, p.invocation));
    const handlerGbS = gbSeconds(handlerMs, mb) * scale;
    items.push(
      lineItem(
        'compute',
        'Memory time',
        handlerGbS,
        p.memory,
        perRequestDerivation(requests, handlerMs * scale, gb, 'GB')
      )
    );
    items.push(
      lineItem(
        'compute:cpu',
        'CPU time',
        handlerS * ghz,
        p.cpu,
        perRequestDerivation(requests, handlerMs * scale, ghz, 'GHz')
      )
    );
    const initS = (usage.initBilledMs * scale) / 1000;
    if (initS > 0)
      items.push(
        lineItem('init', 'INIT time', initS, perSecond, `${fmtQty(initS)} s at ${perSecondText}/s`)
      );
    const pingS = (usage.pingBilledMs * scale) / 1000;
    if (usage.pingRequests > 0) {
      items.push(lineItem('keepWarm:requests', 'Keep-warm ping invocations', pings, p.invocation));
      items.push(
        lineItem(
          'keepWarm:compute',
          'Keep-warm ping time',
          pingS,
          perSecond,
          `${fmtQty(pingS)} s at ${perSecondText}/s`
        )
      );
    }
    if (usage.provisioned > 0) {
      // Min instances: idle time billed, memory at the full rate and CPU at the idle rate.
      const idleRate = price(gb * p.memory.usd + ghz * p.idleCpu.usd, 's', p.idleCpu.source, 'D');
      const idleS =
        Math.max(0, usage.provisioned * enabledS(usage) - usage.provisionedBilledMs / 1000) * scale;
      items.push(
        lineItem(
          'provisioned',
          'Min instances, idle',
          idleS,
          idleRate,
          `${fmtQty(idleS)} s at (${fmtQty(gb)} GB × ${fmtRate(p.memory.usd, 'GB-s')} + ${fmtQty(ghz)} GHz × ${fmtRate(p.idleCpu.usd, 'GHz-s')} idle)/s`
        )
      );
      notes.push(
        'GCF min instances: idle time = instances × enabled time − their billed handler time.'
      );
    }

    if (scenario.billing.freeTier) {
      const allS = handlerS + initS + pingS;
      const memUsd = allS * gb * p.memory.usd;
      const cpuUsd = allS * ghz * p.cpu.usd;
      items.push(
        creditItem(
          'freeTier:requests',
          'Free tier: invocations',
          requests + pings,
          p.freeInvocations.quantity,
          p.invocation,
          (requests + pings) * p.invocation.usd
        )
      );
      items.push(
        creditItem(
          'freeTier:compute',
          'Free tier: memory',
          allS * gb,
          p.freeGbSeconds.quantity,
          p.memory,
          memUsd
        )
      );
      items.push(
        creditItem(
          'freeTier:cpu',
          'Free tier: CPU',
          allS * ghz,
          p.freeGhzSeconds.quantity,
          p.cpu,
          cpuUsd
        )
      );
    }
    notes.push(
      `GCF 1st gen, Tier 1 prices: ${mb} MB = ${ghz} GHz; time rounded up to 100 ms per invocation.`
    );
    return {
      lineItems: items,
      billedGbSeconds: gbSeconds(handlerMs + usage.initBilledMs, mb),
      sources: [p.invocation.source, p.memory.source, p.freeInvocations.source],
      notes
    };
  }
};
