/** AWS Lambda billing: requests, tiered GB-s, INIT, Provisioned Concurrency, /tmp, API Gateway. */
import type { Scenario } from '../../../scenario/schema.ts';
import type { Catalog } from '../../pricing/catalog.ts';
import type { Price } from '../../pricing/price.ts';
import type { LineItem, PriceSource } from '../cost.ts';
import { fmtQty } from '../format.ts';
import { gbSeconds } from '../gbSeconds.ts';
import { creditItem, lineItem, tieredLineItem } from '../lineItem.ts';
import type { MeterSpec, Usage } from '../meter.ts';
import { tierPieces } from '../tiers.ts';
import { perRequestDerivation } from './common.ts';
import { enabledS, type MonthBill, type ProviderBilling } from './providerBilling.ts';

export const awsLambdaBilling: ProviderBilling = {
  meter(): MeterSpec {
    // 1 ms since the December 2020 billing cycle; INIT billed for all configurations since 2025-08-01.
    return { granularityMs: 1, minimumMs: 0, billInit: true, busyGranularityMs: 1 };
  },

  billMonth(usage: Usage, scenario: Scenario, scale: number, catalog: Catalog): MonthBill {
    const prices = catalog['aws-lambda'];
    const arch = prices.arch[scenario.platform.arch];
    const mb = usage.memoryMb;
    const gb = mb / 1024;
    const items: LineItem[] = [];
    const sources: PriceSource[] = [];
    const notes: string[] = [];
    const use = (...ps: Price[]): void => {
      for (const p of ps) sources.push(p.source);
    };

    const requests = usage.requests * scale;
    const pings = usage.pingRequests * scale;
    const onDemandRequests = (usage.requests - usage.provisionedRequests) * scale;
    const handlerGbS = gbSeconds(usage.onDemandBilledMs, mb) * scale;
    const initGbS = gbSeconds(usage.initBilledMs, mb) * scale;
    const pingGbS = gbSeconds(usage.pingBilledMs, mb) * scale;
    const pcDurationGbS = gbSeconds(usage.provisionedBilledMs, mb) * scale;

    items.push(lineItem('requests', 'Requests', requests, arch.request));
    use(arch.request);

    // Tiers apply to the month's on-demand GB-s in order: handler, then INIT, then pings.
    const tiers = arch.duration;
    const handlerPieces = tierPieces(0, handlerGbS, tiers);
    items.push(
      tieredLineItem(
        'compute',
        'Duration',
        handlerPieces,
        'GB-s',
        perRequestDerivation(onDemandRequests, usage.onDemandBilledMs * scale, gb, 'GB')
      )
    );
    use(...handlerPieces.map((p) => p.price), tiers[0].price);
    if (usage.initBilledMs > 0) {
      const pieces = tierPieces(handlerGbS, handlerGbS + initGbS, tiers);
      items.push(
        tieredLineItem(
          'init',
          'INIT duration',
          pieces,
          'GB-s',
          `${fmtQty((usage.initBilledMs * scale) / 1000)} s × ${fmtQty(gb)} GB`
        )
      );
      use(...pieces.map((p) => p.price));
    }
    if (usage.pingRequests > 0) {
      items.push(lineItem('keepWarm:requests', 'Keep-warm ping requests', pings, arch.request));
      const from = handlerGbS + initGbS;
      const pieces = tierPieces(from, from + pingGbS, tiers);
      items.push(
        tieredLineItem(
          'keepWarm:compute',
          'Keep-warm ping duration',
          pieces,
          'GB-s',
          perRequestDerivation(pings, usage.pingBilledMs * scale, gb, 'GB')
        )
      );
    }

    if (usage.provisioned > 0) {
      // PC time runs from enable to disable, rounded up to 5 minutes.
      const step = prices.provisionedRoundingS;
      const runEnabledS = Math.ceil(enabledS(usage) / step - 1e-9) * step;
      const pcS = runEnabledS * scale;
      items.push(
        lineItem(
          'provisioned',
          'Provisioned Concurrency',
          usage.provisioned * gb * pcS,
          arch.provisioned,
          `${fmtQty(usage.provisioned)} × ${fmtQty(gb)} GB × ${fmtQty(pcS)} s`
        )
      );
      items.push(
        lineItem(
          'provisioned:duration',
          'Duration on Provisioned Concurrency',
          pcDurationGbS,
          arch.provisionedDuration,
          perRequestDerivation(
            usage.provisionedRequests * scale,
            usage.provisionedBilledMs * scale,
            gb,
            'GB'
          )
        )
      );
      use(arch.provisioned, arch.provisionedDuration);
    }

    const extraMb = scenario.billing.ephemeralMb - prices.ephemeralIncludedMb;
    if (extraMb > 0) {
      const allMs =
        usage.onDemandBilledMs +
        usage.initBilledMs +
        usage.pingBilledMs +
        usage.provisionedBilledMs;
      const storageGbS = gbSeconds(allMs, extraMb) * scale;
      items.push(
        lineItem(
          'ephemeral',
          `Ephemeral storage above ${prices.ephemeralIncludedMb} MB`,
          storageGbS,
          prices.ephemeral,
          `${fmtQty((allMs * scale) / 1000)} s × ${fmtQty(extraMb / 1024)} GB`
        )
      );
      use(prices.ephemeral);
    }

    const gateway = scenario.billing.apiGateway;
    if (gateway !== 'none') {
      const pieces = tierPieces(0, requests, catalog.apiGateway[gateway]);
      const item = tieredLineItem(
        'apiGateway',
        `API Gateway ${gateway.toUpperCase()} API`,
        pieces,
        'requests'
      );
      items.push(item);
      use(...pieces.map((p) => p.price));
      notes.push('API Gateway: its 12-month free tier for new customers is not applied.');
    }

    if (scenario.billing.freeTier) {
      const requestUsd = (requests + pings) * arch.request.usd;
      items.push(
        creditItem(
          'freeTier:requests',
          'Free tier: requests',
          requests + pings,
          prices.freeRequests.quantity,
          arch.request,
          requestUsd
        )
      );
      const gbS = handlerGbS + initGbS + pingGbS;
      const computeUsd = sumUsd(items, ['compute', 'init', 'keepWarm:compute']);
      // The free GB-s are the month's first ones, hence priced at tier 1.
      items.push(
        creditItem(
          'freeTier:compute',
          'Free tier: duration',
          gbS,
          prices.freeGbSeconds.quantity,
          tiers[0].price,
          computeUsd
        )
      );
      sources.push(prices.freeRequests.source);
      if (usage.provisioned > 0) {
        notes.push(
          'Free tier with Provisioned Concurrency: AWS says it does not apply to such functions, but its own example subtracts it from requests and on-demand duration; we do the same.'
        );
      }
    }

    notes.push(
      `Lambda ${scenario.platform.arch}: GB-s = MB/1024 × billed s; duration tiers apply to the month's on-demand GB-s (handler, then INIT, then pings).`
    );
    const billedGbSeconds = gbSeconds(
      usage.onDemandBilledMs + usage.provisionedBilledMs + usage.initBilledMs,
      mb
    );
    return { lineItems: items, billedGbSeconds, sources, notes };
  }
};

function sumUsd(items: readonly LineItem[], names: readonly string[]): number {
  let usd = 0;
  for (const it of items) if (names.includes(it.name)) usd += it.usd;
  return usd;
}
