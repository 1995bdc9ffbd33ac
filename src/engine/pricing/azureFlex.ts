/** Azure Functions Flex Consumption prices (pricing-facts.md §3.2). */
import { allowance, price, type Allowance, type Price } from './price.ts';
import { SOURCES } from './sources.ts';

const { A2, A5 } = SOURCES;

export interface AzureFlexPrices {
  onDemandExecution: Price;
  onDemandExecutionTime: Price;
  freeExecutions: Allowance;
  freeGbSeconds: Allowance;
  /** Always-ready instance memory, idle or not. */
  alwaysReadyBaseline: Price;
  alwaysReadyExecutionTime: Price;
  alwaysReadyExecution: Price;
  /** Minimum billable execution period, ms; then rounded up to `granularityMs`. */
  minimumMs: number;
  granularityMs: number;
}

export const AZURE_FLEX: AzureFlexPrices = {
  onDemandExecution: price(0.4 / 1e6, 'execution', A2, 'P'),
  onDemandExecutionTime: price(0.000026, 'GB-s', A2, 'P'),
  freeExecutions: allowance(250_000, 'executions', A5, 'C'),
  freeGbSeconds: allowance(100_000, 'GB-s', A5, 'C'),
  alwaysReadyBaseline: price(0.000004, 'GB-s', A5, 'C'),
  alwaysReadyExecutionTime: price(0.000016, 'GB-s', A5, 'C'),
  alwaysReadyExecution: price(0.4 / 1e6, 'execution', A5, 'C'),
  minimumMs: 1000,
  granularityMs: 100
};
