/**
 * `npm run validate`: the model-vs-measured suite. Prints every target with its figure and exits 1
 * if one is missed. `--json <file>` also writes the results (the Validation page's data);
 * `--requests <n>` sets the requests simulated per experiment (default 4e6).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BillingExample } from '../engine/validation/billingExamplesValidation.ts';
import {
  SHILKOV_FILES,
  type InitCalibrationData,
  type LambdaPerfData,
  type ShilkovChart
} from '../engine/validation/calibrationData.ts';
import { FULL_RUN } from '../engine/validation/coldStartValidation.ts';
import { formatValidation } from '../engine/validation/formatValidation.ts';
import { runValidation, type ValidationInputs } from '../engine/validation/runValidation.ts';

const DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const read = (path: string) => readFileSync(DATA + path, 'utf8');

/** The repo copies of every measurement the suite compares against (data/). */
export function loadValidationInputs(): ValidationInputs {
  const shilkov: { [file: string]: ShilkovChart } = {};
  for (const file of SHILKOV_FILES)
    shilkov[file] = JSON.parse(read(`calibration/shilkov_coldstarts/${file}.json`)) as ShilkovChart;
  const init: InitCalibrationData = {
    lambdaPerf: JSON.parse(read('calibration/lambda_perf/2026-08-22.json')) as LambdaPerfData,
    shilkov
  };
  return {
    experimentsCsv: read('calibration/simfaas_aws/exp.csv'),
    init,
    billingExamples: JSON.parse(read('reference/billing-examples.json')) as BillingExample[]
  };
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined) throw new Error(`${name} needs a value`);
  return value;
}

function main(args: string[]): number {
  const requests = option(args, '--requests');
  const n = requests === undefined ? FULL_RUN.requestsPerRow : Number(requests);
  if (!Number.isFinite(n) || n < 1000)
    throw new Error(`--requests must be a number ≥ 1000, got ${requests}`);
  const results = runValidation(loadValidationInputs(), { ...FULL_RUN, requestsPerRow: n });
  console.log(formatValidation(results));
  const json = option(args, '--json');
  if (json !== undefined) {
    mkdirSync(dirname(json), { recursive: true });
    writeFileSync(json, JSON.stringify(results));
  }
  const missed = results.targets.filter((t) => !t.met);
  console.log(missed.length === 0 ? '\nAll targets met.' : `\n${missed.length} target(s) missed.`);
  return missed.length === 0 ? 0 : 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(`validate: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
}
