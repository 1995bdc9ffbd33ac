/**
 * Billing of a run: the provider's meter for the simulation, and the bill of what it measured.
 * Tiers and free tiers are monthly, so a run is billed as its month (volumes × month ÷ run) and
 * its amounts are its share of that month's bill.
 */
import type { Provider, Scenario } from '../../scenario/schema.ts';
import { PRICING, type Catalog } from '../pricing/catalog.ts';
import type { Cost, LineItem } from './cost.ts';
import { fmtQty, fmtUsd } from './format.ts';
import type { MeterSpec, Usage } from './meter.ts';
import { awsLambdaBilling } from './providers/awsLambda.ts';
import { azureConsumptionBilling } from './providers/azureConsumption.ts';
import { azureFlexBilling } from './providers/azureFlex.ts';
import { cloudflareWorkersBilling } from './providers/cloudflareWorkers.ts';
import { uniqueSources } from './providers/common.ts';
import { gcpCloudRunBilling } from './providers/gcpCloudRun.ts';
import { gcpFunctionsGen1Billing } from './providers/gcpFunctionsGen1.ts';
import type { ProviderBilling } from './providers/providerBilling.ts';

const PROVIDERS: { readonly [P in Provider]: ProviderBilling } = {
  'aws-lambda': awsLambdaBilling,
  'gcp-functions-gen1': gcpFunctionsGen1Billing,
  'gcp-cloud-run': gcpCloudRunBilling,
  'azure-consumption': azureConsumptionBilling,
  'azure-flex': azureFlexBilling,
  'cloudflare-workers': cloudflareWorkersBilling
};

/** meterFor(scenario) is the provider's rounding, with `billing.granularityMs` / `billInit` overrides. */
export function meterFor(scenario: Scenario): MeterSpec {
  const base = PROVIDERS[scenario.platform.provider].meter(scenario);
  const step = scenario.billing.granularityMs;
  return {
    granularityMs: step ?? base.granularityMs,
    minimumMs: base.minimumMs,
    billInit: scenario.billing.billInit ?? base.billInit,
    busyGranularityMs: step ?? base.busyGranularityMs
  };
}

/** Cost fields each line item adds to, by the prefix of its name. */
type Category =
  | 'requestsUsd'
  | 'computeUsd'
  | 'initUsd'
  | 'provisionedUsd'
  | 'keepWarmUsd'
  | 'freeTierUsd'
  | 'baseUsd';

function categoryOf(name: string): Category {
  const head = name.split(':')[0];
  switch (head) {
    case 'requests':
    case 'apiGateway':
      return 'requestsUsd';
    case 'init':
      return 'initUsd';
    case 'provisioned':
      return 'provisionedUsd';
    case 'keepWarm':
      return 'keepWarmUsd';
    case 'freeTier':
      return 'freeTierUsd';
    case 'base':
      return 'baseUsd';
    default:
      // 'compute', 'ephemeral': duration-priced lines.
      return 'computeUsd';
  }
}

/**
 * bill(usage, scenario) prices a run at the catalog's list prices (`catalog` is a parameter so
 * tests can bill at a historical rate). Exact USD throughout; rounding to cents is for display.
 */
export function bill(usage: Usage, scenario: Scenario, catalog: Catalog = PRICING): Cost {
  const provider = scenario.platform.provider;
  const monthHours = scenario.billing.monthHours;
  const scale = usage.durationS > 0 ? (monthHours * 3600) / usage.durationS : 1;
  const isMonth = Math.abs(scale - 1) < 1e-9;
  const month = PROVIDERS[provider].billMonth(usage, scenario, isMonth ? 1 : scale, catalog);
  const monthTotal = month.lineItems.reduce((a, i) => a + i.usd, 0);
  const lineItems = isMonth ? month.lineItems : month.lineItems.map((i) => runShare(i, scale));

  const cost: Cost = {
    provider,
    lineItems,
    requestsUsd: 0,
    computeUsd: 0,
    billedGbSeconds: month.billedGbSeconds,
    initUsd: 0,
    provisionedUsd: 0,
    keepWarmUsd: 0,
    baseUsd: 0,
    freeTierUsd: 0,
    totalUsd: 0,
    perMillionUsd: null,
    monthly: null,
    sources: uniqueSources(month.sources),
    notes: [...month.notes, meterNote(meterFor(scenario))]
  };
  for (const item of lineItems) {
    cost[categoryOf(item.name)] += item.usd;
    cost.totalUsd += item.usd;
  }
  cost.perMillionUsd = usage.requests > 0 ? (cost.totalUsd / usage.requests) * 1e6 : null;
  if (!isMonth && scale > 1) {
    cost.monthly = { factor: scale, totalUsd: monthTotal };
    cost.notes.push(
      `Tiers, free tiers and fixed fees are monthly: this ${fmtQty(usage.durationS)} s run is billed as 1/${fmtQty(scale)} of a ${fmtQty(monthHours)} h month at the same rates (${fmtUsd(monthTotal)} per month).`
    );
  } else if (!isMonth) {
    cost.notes.push(
      `The run is ${fmtQty(1 / scale)} months long; each month is billed with its own tiers and free tier.`
    );
  }
  return cost;
}

/** The run's share of a month's line item. */
function runShare(item: LineItem, scale: number): LineItem {
  const usd = item.usd / scale;
  return {
    ...item,
    quantity: item.quantity / scale,
    usd,
    formula: `month: ${item.formula}; this run ÷ ${fmtQty(scale)} = ${fmtUsd(usd)}`
  };
}

function meterNote(m: MeterSpec): string {
  const min = m.minimumMs > 0 ? `, at least ${m.minimumMs} ms` : '';
  return `Meter: each invocation rounded up to ${m.granularityMs} ms${min}; INIT ${m.billInit ? 'billed' : 'not billed'}.`;
}
