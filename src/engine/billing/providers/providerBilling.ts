/** The interface each provider's billing module implements (one file per provider). */
import type { Scenario } from '../../../scenario/schema.ts';
import type { Catalog } from '../../pricing/catalog.ts';
import type { LineItem, PriceSource } from '../cost.ts';
import type { MeterSpec, Usage } from '../meter.ts';

/** The usage of a month: every volume of the run multiplied by `scale` (month ÷ run). */
export interface MonthBill {
  /** Line items for the month, exact USD. */
  lineItems: LineItem[];
  /** Billed GB-s of the RUN (not scaled), exact; the meaning per provider is in `notes`. */
  billedGbSeconds: number;
  sources: PriceSource[];
  notes: string[];
}

export interface ProviderBilling {
  /** How the provider rounds, before the scenario's overrides. */
  meter(scenario: Scenario): MeterSpec;
  /** The bill of a month whose volumes are the run's × `scale`. */
  billMonth(usage: Usage, scenario: Scenario, scale: number, catalog: Catalog): MonthBill;
}

/** Time provisioned (always-warm) instances were enabled, s. */
export function enabledS(usage: Usage): number {
  return usage.provisionedEnabledS ?? usage.durationS;
}
