/** Scenarios and sums shared by the billing tests. */
import type { Cost } from '../../../src/engine/billing/cost.ts';
import type { BillingSpec, Scenario } from '../../../src/scenario/schema.ts';
import { scenario } from '../../helpers.ts';

/** An AWS Lambda x86_64 scenario with some billing fields set. */
export function lambdaScenario(
  billing: Partial<BillingSpec>,
  platform: Partial<Scenario['platform']> = {}
): Scenario {
  const s = scenario({ billing });
  s.platform = { ...s.platform, provider: 'aws-lambda', arch: 'x86_64', ...platform };
  return s;
}

/** USD of the line `name` plus its free-tier credit (`freeTier:<name>`), as vendors print it. */
export function netUsd(cost: Cost, name: string): number {
  let usd = 0;
  for (const i of cost.lineItems)
    if (i.name === name || i.name === `freeTier:${name}`) usd += i.usd;
  return usd;
}
