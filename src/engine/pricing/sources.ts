/** Where every price comes from (keys as in /work/shared/reference/pricing-facts.md), with dates. */
import type { PriceSource } from '../billing/cost.ts';

/** The date the reference sheet was compiled (pages read "2025–2026 version" are as of then). */
export const SHEET_DATE = '2026-11-24';

function src(title: string, url: string, asOf: string): PriceSource {
  return { title, url, asOf };
}

export const SOURCES = {
  L1: src('AWS Lambda pricing', 'https://aws.amazon.com/lambda/pricing/', SHEET_DATE),
  L2: src(
    'AWS Price List, offer AWSLambda us-east-1',
    'https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSLambda/current/us-east-1/index.json',
    '2025-10-01'
  ),
  L3: src(
    'AWS Lambda pricing (2019–2020 page: per 100 ms, $0.00001667/GB-s)',
    'https://aws.amazon.com/lambda/pricing/',
    '2020-11-30'
  ),
  L4: src(
    'Introducing tiered pricing for AWS Lambda (AWS Compute Blog)',
    'https://aws.amazon.com/blogs/compute/introducing-tiered-pricing-for-aws-lambda/',
    '2022-01-01'
  ),
  L6: src(
    'New for AWS Lambda – 1ms Billing Granularity Adds Cost Savings (AWS News Blog)',
    'https://aws.amazon.com/blogs/aws/new-for-aws-lambda-1ms-billing-granularity-adds-cost-savings/',
    '2020-12-01'
  ),
  L13: src(
    'AWS Lambda standardizes billing for INIT Phase (AWS Compute Blog)',
    'https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/',
    '2025-04-29'
  ),
  L14: src(
    'Best Practices for Amazon API Gateway Private APIs — Cost optimization (AWS Whitepaper)',
    'https://docs.aws.amazon.com/whitepapers/latest/best-practices-api-gateway-private-apis-integration/cost-optimization.html',
    SHEET_DATE
  ),
  G1: src(
    'Cloud Run functions (1st gen) pricing',
    'https://cloud.google.com/functions/pricing-1stgen',
    '2025-01-01'
  ),
  G2: src(
    'Configure memory and vCPU limits (1st gen)',
    'https://cloud.google.com/functions/1stgendocs/configuring/memory',
    '2025-09-04'
  ),
  G3: src(
    'firebase-tools src/deploy/functions/pricing.ts (Google transcription of Functions/Run pricing)',
    'https://github.com/firebase/firebase-tools/blob/master/src/deploy/functions/pricing.ts',
    '2025-01-01'
  ),
  G6: src('Cloud Run pricing', 'https://cloud.google.com/run/pricing', '2025-01-01'),
  G7: src(
    'Set minimum instances for services (Cloud Run, Billing)',
    'https://cloud.google.com/run/docs/configuring/min-instances',
    SHEET_DATE
  ),
  GCE: src(
    'Compute Engine VM instance pricing (E2 unit rates, us-central1)',
    'https://cloud.google.com/compute/vm-instance-pricing',
    SHEET_DATE
  ),
  A1: src(
    'Azure Functions pricing',
    'https://azure.microsoft.com/pricing/details/functions/',
    SHEET_DATE
  ),
  A2: src(
    'Estimating consumption-based costs (Microsoft Learn)',
    'https://learn.microsoft.com/azure/azure-functions/functions-consumption-costs',
    SHEET_DATE
  ),
  A5: src(
    'Azure Functions Flex Consumption plan hosting — Billing',
    'https://learn.microsoft.com/azure/azure-functions/flex-consumption-plan',
    SHEET_DATE
  ),
  C1: src(
    'Cloudflare Workers pricing',
    'https://developers.cloudflare.com/workers/platform/pricing/',
    SHEET_DATE
  ),
  EC2: src(
    'Amazon EC2 On-Demand pricing (Linux, us-east-1)',
    'https://aws.amazon.com/ec2/pricing/on-demand/',
    SHEET_DATE
  ),
  F1: src('AWS Fargate pricing', 'https://aws.amazon.com/fargate/pricing/', SHEET_DATE),
  AR1: src('AWS App Runner pricing', 'https://aws.amazon.com/apprunner/pricing/', SHEET_DATE),
  H1: src(
    'Usage & Billing (Heroku Dev Center)',
    'https://devcenter.heroku.com/articles/usage-and-billing',
    '2024-10-11'
  ),
  H2: src(
    'Dyno Types (Heroku Dev Center)',
    'https://devcenter.heroku.com/articles/dyno-types',
    '2024-06-04'
  )
} as const;
