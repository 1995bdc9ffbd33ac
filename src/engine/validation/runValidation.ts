/** The whole model-vs-measured suite (issue 7): cold starts, init durations, billing examples, targets. */
import type { InitCalibrationData } from './calibrationData.ts';
import {
  billingExamplesValidation,
  type BillingExample,
  type BillingExampleRow
} from './billingExamplesValidation.ts';
import {
  COLD_START_MODELS,
  coldStartValidation,
  FULL_RUN,
  TARGETS,
  type ColdStartModelResult,
  type ColdStartValidationOptions
} from './coldStartValidation.ts';
import { initModelValidation, type InitValidation } from './initModelValidation.ts';
import { parseSimfaasExperiments } from './simfaasExperiments.ts';
import { VALIDATION_SOURCES, type ValidationSource } from './validationSources.ts';

export interface ValidationInputs {
  /** Text of data/calibration/simfaas_aws/exp.csv. */
  experimentsCsv: string;
  init: InitCalibrationData;
  billingExamples: readonly BillingExample[];
}

export interface ValidationTarget {
  id: string;
  group: 'cold-starts' | 'init-durations' | 'billing';
  description: string;
  /** The measured figure, formatted, e.g. '9.6 %'. */
  figure: string;
  /** The bar, formatted, e.g. '< 12.2 %'. */
  bar: string;
  met: boolean;
}

export interface ValidationResults {
  coldStarts: { options: ColdStartValidationOptions; models: ColdStartModelResult[] };
  init: InitValidation;
  billing: BillingExampleRow[];
  targets: ValidationTarget[];
  sources: readonly ValidationSource[];
}

const pct = (x: number) => `${x.toFixed(2)} %`;

function coldStartTargets(m: ColdStartModelResult): ValidationTarget[] {
  const t = (
    id: string,
    description: string,
    figure: string,
    bar: string,
    met: boolean
  ): ValidationTarget => ({
    id: `${m.model.id}:${id}`,
    group: 'cold-starts',
    description: `${m.model.label}: ${description}`,
    figure,
    bar,
    met
  });
  return [
    t(
      'cold-mape',
      'cold-start probability MAPE, 20 AWS experiments',
      pct(m.all.coldMapePct),
      `< ${TARGETS.coldMapePct} %`,
      m.all.coldMapePct < TARGETS.coldMapePct
    ),
    t(
      'within-2se',
      'experiments within 2 SE of the measured cold-start probability',
      `${m.all.withinTwoSe} of ${m.all.rows}`,
      `≥ ${TARGETS.withinTwoSe} of 20`,
      m.all.withinTwoSe >= TARGETS.withinTwoSe
    ),
    t(
      'count-mape',
      'average instance count MAPE (counted as the study did)',
      pct(m.all.countMapePct),
      `< ${TARGETS.countMapePct} %`,
      m.all.countMapePct < TARGETS.countMapePct
    )
  ];
}

/** Runs everything; `coldStartOptions` shortens the simulations (tests). */
export function runValidation(
  inputs: ValidationInputs,
  coldStartOptions: ColdStartValidationOptions = FULL_RUN
): ValidationResults {
  const experiments = parseSimfaasExperiments(inputs.experimentsCsv);
  const models = COLD_START_MODELS.map((m) =>
    coldStartValidation(experiments, m, coldStartOptions)
  );
  const init = initModelValidation(inputs.init);
  const billing = billingExamplesValidation(inputs.billingExamples);
  const targets: ValidationTarget[] = [
    // Only the default model must meet the bar; the plain ones are shown for comparison.
    ...coldStartTargets(models.find((m) => m.model.id === 'default')!),
    ...init.targets.map((t) => ({
      id: `init:${t.id}`,
      group: 'init-durations' as const,
      description: t.description,
      figure: `${t.withinTolerance} of ${t.rows} within, max |error| ${t.maxAbsErrorPct.toFixed(1)} %`,
      bar: 'as stated',
      met: t.met
    })),
    {
      id: 'billing:examples',
      group: 'billing',
      description: 'published worked billing examples reproduced to the cent',
      figure: `${billing.filter((b) => b.pass).length} of ${billing.length}`,
      bar: `${billing.length} of ${billing.length}`,
      met: billing.every((b) => b.pass)
    }
  ];
  return {
    coldStarts: { options: coldStartOptions, models },
    init,
    billing,
    targets,
    sources: VALIDATION_SOURCES
  };
}
