/** The pricing catalog: every provider's prices in one object, the default for billing. */
import { API_GATEWAY } from './apiGateway.ts';
import { AWS_LAMBDA } from './awsLambda.ts';
import { AZURE_CONSUMPTION } from './azureConsumption.ts';
import { AZURE_FLEX } from './azureFlex.ts';
import { CLOUDFLARE_WORKERS } from './cloudflareWorkers.ts';
import { GCP_CLOUD_RUN } from './gcpCloudRun.ts';
import { GCP_FUNCTIONS_GEN1 } from './gcpFunctionsGen1.ts';

export interface Catalog {
  'aws-lambda': typeof AWS_LAMBDA;
  apiGateway: typeof API_GATEWAY;
  'gcp-functions-gen1': typeof GCP_FUNCTIONS_GEN1;
  'gcp-cloud-run': typeof GCP_CLOUD_RUN;
  'azure-consumption': typeof AZURE_CONSUMPTION;
  'azure-flex': typeof AZURE_FLEX;
  'cloudflare-workers': typeof CLOUDFLARE_WORKERS;
}

/** List prices, USD, us-east-1 / Tier 1 / East US (pricing-facts.md, compiled 2026-11-24). */
export const PRICING: Catalog = {
  'aws-lambda': AWS_LAMBDA,
  apiGateway: API_GATEWAY,
  'gcp-functions-gen1': GCP_FUNCTIONS_GEN1,
  'gcp-cloud-run': GCP_CLOUD_RUN,
  'azure-consumption': AZURE_CONSUMPTION,
  'azure-flex': AZURE_FLEX,
  'cloudflare-workers': CLOUDFLARE_WORKERS
};
