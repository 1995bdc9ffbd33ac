/** Azure Functions Consumption plan prices (pricing-facts.md §3.1). */
import { allowance, price, type Allowance, type Price } from './price.ts';
import { SOURCES } from './sources.ts';

const { A1 } = SOURCES;

export interface AzureConsumptionPrices {
  execution: Price;
  executionTime: Price;
  freeExecutions: Allowance;
  freeGbSeconds: Allowance;
  /** Observed memory is rounded up to a multiple of this, MB (and at least this). */
  memoryStepMb: number;
  /** Largest billed memory, MB. */
  memoryMaxMb: number;
  /** Each execution is billed at least this long, ms; then in 1 ms steps. */
  minimumMs: number;
  granularityMs: number;
}

export const AZURE_CONSUMPTION: AzureConsumptionPrices = {
  execution: price(0.2 / 1e6, 'execution', A1, 'C'),
  executionTime: price(0.000016, 'GB-s', A1, 'C'),
  freeExecutions: allowance(1_000_000, 'executions', A1, 'P'),
  freeGbSeconds: allowance(400_000, 'GB-s', A1, 'P'),
  memoryStepMb: 128,
  memoryMaxMb: 1536,
  minimumMs: 100,
  granularityMs: 1
};
