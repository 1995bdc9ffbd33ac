/**
 * Maximum instance lifetime: a platform retires an execution environment some hours after it
 * started, even one that is in use, and the next request that needs it pays a cold start.
 *
 * AWS documents the behaviour without a number: "Lambda terminates execution environments every
 * few hours to allow for runtime updates and maintenance — even for functions that are invoked
 * continuously" (docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html). Field
 * reports give about 2 h (Xebia, "TIL that AWS Lambda terminates instances preemptively") and 4 h
 * from the host VM's start (theburningmonk.com, 2017). The AWS value below is not taken from either:
 * it is fitted to the cold-start probabilities measured on AWS Lambda by Mahmoudi & Khazaei
 * (pacslab/simfaas exp.csv), on the even rows only, and tested on the odd rows (docs/validation.md).
 */
import type { Provider, Scenario } from '../../scenario/schema.ts';

export interface MaxLifetimeFact {
  /** Lifetime, s; 0 = not modelled (instances live until their keep-alive ends). */
  valueS: number;
  source: string;
}

export const PROVIDER_MAX_LIFETIME: { readonly [P in Provider]: MaxLifetimeFact } = {
  'aws-lambda': {
    // 3.25 h: the minimum of Σ z² over the even exp.csv rows on a 15-minute grid (2–8 h), with
    // keepAliveS 640 (the idle expiry the same study measured) and 10⁷ requests per row.
    valueS: 11_700,
    source: 'fitted to pacslab/simfaas exp.csv (even rows); AWS docs: "every few hours"'
  },
  'gcp-functions-gen1': { valueS: 0, source: 'no published or measured value' },
  'gcp-cloud-run': { valueS: 0, source: 'no published or measured value' },
  'azure-consumption': { valueS: 0, source: 'no published or measured value' },
  'azure-flex': { valueS: 0, source: 'no published or measured value' },
  'cloudflare-workers': { valueS: 0, source: 'no published or measured value' }
};

/** The scenario's maximum instance lifetime, s (null or absent = the provider's); 0 = never retired. */
export function maxLifetimeFor(scenario: Scenario): number {
  const given = scenario.platform.maxLifetimeS;
  return given === undefined || given === null
    ? PROVIDER_MAX_LIFETIME[scenario.platform.provider].valueS
    : given;
}
