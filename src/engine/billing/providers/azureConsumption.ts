/** Azure Functions Consumption billing: executions + GB-s of 128 MB-rounded memory, 100 ms minimum. */
import type { Scenario } from '../../../scenario/schema.ts';
import type { Catalog } from '../../pricing/catalog.ts';
import type { LineItem } from '../cost.ts';
import { gbSeconds } from '../gbSeconds.ts';
import { creditItem, lineItem } from '../lineItem.ts';
import type { MeterSpec, Usage } from '../meter.ts';
import { perRequestDerivation } from './common.ts';
import type { MonthBill, ProviderBilling } from './providerBilling.ts';

/** Billed memory: rounded up to a multiple of 128 MB, at least 128 MB, at most 1,536 MB. */
export function azureBilledMemoryMb(memoryMb: number, stepMb: number, maxMb: number): number {
  return Math.min(maxMb, Math.max(stepMb, Math.ceil(memoryMb / stepMb) * stepMb));
}

export const azureConsumptionBilling: ProviderBilling = {
  meter(): MeterSpec {
    // 1 ms steps with a 100 ms minimum per execution; host start-up is not execution time [U].
    return { granularityMs: 1, minimumMs: 100, billInit: false, busyGranularityMs: 1 };
  },

  billMonth(usage: Usage, scenario: Scenario, scale: number, catalog: Catalog): MonthBill {
    const p = catalog['azure-consumption'];
    const mb = azureBilledMemoryMb(usage.memoryMb, p.memoryStepMb, p.memoryMaxMb);
    const gb = mb / 1024;
    const items: LineItem[] = [];
    const requests = usage.requests * scale;
    const pings = usage.pingRequests * scale;
    const handlerMs = usage.onDemandBilledMs + usage.provisionedBilledMs;

    items.push(lineItem('requests', 'Executions', requests, p.execution));
    items.push(
      lineItem(
        'compute',
        'Execution time',
        gbSeconds(handlerMs, mb) * scale,
        p.executionTime,
        perRequestDerivation(requests, handlerMs * scale, gb, 'GB')
      )
    );
    if (usage.initBilledMs > 0) {
      items.push(
        lineItem(
          'init',
          'Execution time of INIT',
          gbSeconds(usage.initBilledMs, mb) * scale,
          p.executionTime
        )
      );
    }
    if (usage.pingRequests > 0) {
      items.push(lineItem('keepWarm:requests', 'Keep-warm ping executions', pings, p.execution));
      items.push(
        lineItem(
          'keepWarm:compute',
          'Keep-warm ping time',
          gbSeconds(usage.pingBilledMs, mb) * scale,
          p.executionTime,
          perRequestDerivation(pings, usage.pingBilledMs * scale, gb, 'GB')
        )
      );
    }
    if (scenario.billing.freeTier) {
      const gbS = gbSeconds(handlerMs + usage.initBilledMs + usage.pingBilledMs, mb) * scale;
      items.push(
        creditItem(
          'freeTier:requests',
          'Free grant: executions',
          requests + pings,
          p.freeExecutions.quantity,
          p.execution,
          (requests + pings) * p.execution.usd
        )
      );
      items.push(
        creditItem(
          'freeTier:compute',
          'Free grant: execution time',
          gbS,
          p.freeGbSeconds.quantity,
          p.executionTime,
          gbS * p.executionTime.usd
        )
      );
    }
    const notes = [
      `Azure Consumption bills observed memory in 128 MB steps; we take the configured ${usage.memoryMb} MB as observed, billed as ${mb} MB.`,
      'Each execution is billed at least 100 ms, then in 1 ms steps.'
    ];
    return {
      lineItems: items,
      billedGbSeconds: gbSeconds(handlerMs + usage.initBilledMs, mb),
      sources: [p.execution.source, p.freeExecutions.source],
      notes
    };
  }
};
