/** Azure Functions Flex Consumption billing: on-demand and always-ready instance time and executions. */
import type { Scenario } from '../../../scenario/schema.ts';
import type { Catalog } from '../../pricing/catalog.ts';
import type { LineItem } from '../cost.ts';
import { fmtQty } from '../format.ts';
import { gbSeconds } from '../gbSeconds.ts';
import { creditItem, lineItem } from '../lineItem.ts';
import type { MeterSpec, Usage } from '../meter.ts';
import { enabledS, type MonthBill, type ProviderBilling } from './providerBilling.ts';

export const azureFlexBilling: ProviderBilling = {
  meter(): MeterSpec {
    // Billed per instance while executing: at least 1,000 ms, then 100 ms steps.
    return { granularityMs: 100, minimumMs: 1000, billInit: false, busyGranularityMs: 100 };
  },

  billMonth(usage: Usage, scenario: Scenario, scale: number, catalog: Catalog): MonthBill {
    const p = catalog['azure-flex'];
    const mb = usage.memoryMb;
    const gb = mb / 1024;
    const items: LineItem[] = [];
    const notes = [
      `Azure Flex bills the ${mb} MB instance memory for the time each instance executes (busy periods, not per request).`
    ];
    const busy = usage.instanceBusyMs;
    const concurrency = Math.max(1, scenario.platform.instanceConcurrency);
    // Busy time is not split by instance kind: always-ready busy ≈ their billed handler time ÷ concurrency.
    const readyBusyMs = Math.min(
      busy,
      usage.provisioned * enabledS(usage) * 1000,
      usage.provisionedBilledMs / concurrency
    );
    const pingMs = Math.min(usage.pingBilledMs, busy - readyBusyMs);
    const onDemandMs = busy - readyBusyMs - pingMs;
    const onDemandRequests = (usage.requests - usage.provisionedRequests) * scale;
    const busyS = (onDemandMs * scale) / 1000;

    items.push(lineItem('requests', 'On-demand executions', onDemandRequests, p.onDemandExecution));
    items.push(
      lineItem(
        'compute',
        'On-demand execution time',
        gbSeconds(onDemandMs, mb) * scale,
        p.onDemandExecutionTime,
        `${fmtQty(busyS)} instance-s × ${fmtQty(gb)} GB`
      )
    );
    if (usage.pingRequests > 0) {
      items.push(
        lineItem(
          'keepWarm:requests',
          'Keep-warm ping executions',
          usage.pingRequests * scale,
          p.onDemandExecution
        )
      );
      items.push(
        lineItem(
          'keepWarm:compute',
          'Keep-warm ping time',
          gbSeconds(pingMs, mb) * scale,
          p.onDemandExecutionTime
        )
      );
    }
    if (usage.provisioned > 0) {
      const s = enabledS(usage) * scale;
      items.push(
        lineItem(
          'provisioned',
          'Always ready: baseline',
          usage.provisioned * gb * s,
          p.alwaysReadyBaseline,
          `${fmtQty(usage.provisioned)} × ${fmtQty(gb)} GB × ${fmtQty(s)} s`
        )
      );
      items.push(
        lineItem(
          'provisioned:duration',
          'Always ready: execution time',
          gbSeconds(readyBusyMs, mb) * scale,
          p.alwaysReadyExecutionTime
        )
      );
      items.push(
        lineItem(
          'provisioned:requests',
          'Always ready: executions',
          usage.provisionedRequests * scale,
          p.alwaysReadyExecution
        )
      );
      notes.push(
        'Always-ready busy time = their billed handler time ÷ instance concurrency (an estimate); no free grant for always ready.'
      );
    }
    if (scenario.billing.freeTier) {
      const execs = onDemandRequests + usage.pingRequests * scale;
      const gbS = gbSeconds(onDemandMs + pingMs, mb) * scale;
      items.push(
        creditItem(
          'freeTier:requests',
          'Free grant: on-demand executions',
          execs,
          p.freeExecutions.quantity,
          p.onDemandExecution,
          execs * p.onDemandExecution.usd
        )
      );
      items.push(
        creditItem(
          'freeTier:compute',
          'Free grant: on-demand execution time',
          gbS,
          p.freeGbSeconds.quantity,
          p.onDemandExecutionTime,
          gbS * p.onDemandExecutionTime.usd
        )
      );
    }
    return {
      lineItems: items,
      billedGbSeconds: gbSeconds(busy, mb),
      sources: [p.onDemandExecution.source, p.alwaysReadyBaseline.source],
      notes
    };
  }
};
