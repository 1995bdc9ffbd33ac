/** Every worked example in ../shared/reference/billing-examples.json, reproduced to the cent. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alwaysOnCost } from '../../../src/engine/alwaysOn/alwaysOnCost.ts';
import { bill, meterFor } from '../../../src/engine/billing/bill.ts';
import { constantUsage } from '../../../src/engine/billing/constantUsage.ts';
import type { Cost } from '../../../src/engine/billing/cost.ts';
import { PRICING, type Catalog } from '../../../src/engine/pricing/catalog.ts';
import { alwaysOnOption } from '../../../src/engine/pricing/alwaysOn.ts';
import { price } from '../../../src/engine/pricing/price.ts';
import { assertInDelta } from '../../helpers.ts';
import { lambdaScenario, netUsd } from './fixtures.ts';
import { scenario } from '../../helpers.ts';

const EXAMPLES_PATH = fileURLToPath(
  new URL('../../../../shared/reference/billing-examples.json', import.meta.url)
);

interface Example {
  id: string;
  inputs: Record<string, unknown>;
  published: Record<string, number | boolean | string>;
  source: { title: string; url: string; as_of: string };
}

const examples: Example[] = JSON.parse(readFileSync(EXAMPLES_PATH, 'utf8'));
const byId = (id: string): Example => {
  const ex = examples.find((e) => e.id === id);
  if (!ex) throw new Error(`billing-examples.json has no example ${id}`);
  return ex;
};
const num = (ex: Example, key: string): number => ex.published[key] as number;
const input = (ex: Example, key: string): number => ex.inputs[key] as number;

/** Vendors print line items rounded to cents: equal to the cent means within half a cent. */
const CENT = 0.005;

/** The catalog with Lambda x86 tier-1 duration at another GB-s rate (historical examples). */
function withLambdaRate(rate: number): Catalog {
  const c = structuredClone(PRICING);
  const tier = c['aws-lambda'].arch.x86_64.duration[0];
  tier.price = price(rate, 'GB-s', tier.price.source, 'P');
  return c;
}

describe('billing-examples.json', () => {
  it('holds the six examples this suite reproduces', () => {
    expect(examples.map((e) => e.id).sort()).toEqual(
      [
        'aws-blog-2020-1ms-vs-100ms',
        'aws-fargate-ex1-linux-x86',
        'aws-lambda-legacy-ex1-512mb-3m-1s',
        'azure-flex-ondemand-io-bound-hourly',
        'cloudflare-workers-ex1',
        'heroku-basic-2h'
      ].sort()
    );
  });
});

describe('bill(usage, scenario) reproduces AWS Lambda examples', () => {
  const legacy = byId('aws-lambda-legacy-ex1-512mb-3m-1s');

  function billLegacy(rate: number): Cost {
    const s = lambdaScenario({
      freeTier: true,
      granularityMs: input(legacy, 'billing_granularity_ms')
    });
    const usage = constantUsage(
      {
        requests: input(legacy, 'requests'),
        durationMs: input(legacy, 'duration_ms'),
        memoryMb: input(legacy, 'memory_mb')
      },
      meterFor(s)
    );
    return bill(usage, s, withLambdaRate(rate));
  }

  it('legacy example 1 (512 MB, 3 M × 1 s, free tier on both lines) at its printed rate', () => {
    // The rate is a parameter: the 2019–2020 page printed $0.00001667 per GB-s.
    const cost = billLegacy(num(legacy, 'compute_price_per_gb_s'));
    const compute = cost.lineItems.find((i) => i.name === 'compute')!;
    // published total_compute_gb_s 1,500,000; billable 1,100,000 after 400,000 free.
    assertInDelta(compute.quantity, num(legacy, 'total_compute_gb_s'), 1e-6);
    const freeGbS = -cost.lineItems.find((i) => i.name === 'freeTier:compute')!.quantity;
    assertInDelta(compute.quantity - freeGbS, num(legacy, 'billable_compute_gb_s'), 1e-6);
    // published compute_charges_usd 18.34 = compute net of its free tier.
    assertInDelta(netUsd(cost, 'compute'), num(legacy, 'compute_charges_usd'), CENT);
    const requests = cost.lineItems.find((i) => i.name === 'requests')!;
    const freeRequests = -cost.lineItems.find((i) => i.name === 'freeTier:requests')!.quantity;
    expect(requests.quantity - freeRequests).toBe(num(legacy, 'billable_requests'));
    assertInDelta(netUsd(cost, 'requests'), num(legacy, 'request_charges_usd'), CENT);
    assertInDelta(cost.totalUsd, num(legacy, 'total_usd'), CENT);
  });

  it("legacy example 1 at today's rate gives 18.33 + 0.40 = 18.73 (the example's note)", () => {
    const cost = billLegacy(PRICING['aws-lambda'].arch.x86_64.duration[0].price.usd);
    assertInDelta(netUsd(cost, 'compute'), 18.33, CENT);
    assertInDelta(cost.totalUsd, 18.73, CENT);
  });

  const blog = byId('aws-blog-2020-1ms-vs-100ms');
  const blogCost = (granularityMs: number): Cost => {
    // The blog ignores the free tier; 27.55 ms observed, billed 28 ms (1 ms) or 100 ms (100 ms).
    const s = lambdaScenario({ freeTier: false, granularityMs });
    const usage = constantUsage(
      {
        requests: input(blog, 'requests'),
        durationMs: input(blog, 'observed_duration_ms'),
        memoryMb: input(blog, 'memory_mb')
      },
      meterFor(s)
    );
    return bill(usage, s, withLambdaRate(num(blog, 'compute_price_per_gb_s')));
  };

  it('1 ms billing blog: the same workload billed at 100 ms costs $112, at 1 ms $40', () => {
    const old = blogCost(100);
    const now = blogCost(1);
    assertInDelta(old.requestsUsd, num(blog, 'request_charges_usd'), CENT);
    assertInDelta(old.computeUsd, num(blog, 'compute_charges_100ms_rounding_usd'), CENT);
    assertInDelta(old.totalUsd, num(blog, 'total_100ms_usd'), CENT);
    assertInDelta(now.requestsUsd, num(blog, 'request_charges_usd'), CENT);
    assertInDelta(now.computeUsd, num(blog, 'compute_charges_1ms_rounding_usd'), CENT);
    assertInDelta(now.totalUsd, num(blog, 'total_1ms_usd'), CENT);
    expect(old.freeTierUsd).toBe(0);
  });
});

describe('bill(usage, scenario) reproduces Cloudflare and Azure examples', () => {
  it('Cloudflare Workers example 1: $5 + $1.50 requests + $1.50 CPU = $8', () => {
    const ex = byId('cloudflare-workers-ex1');
    const s = scenario({ platform: { ...scenario({}).platform, provider: 'cloudflare-workers' } });
    const usage = constantUsage(
      {
        requests: input(ex, 'requests'),
        durationMs: 7,
        cpuMs: input(ex, 'avg_cpu_ms'),
        memoryMb: 128
      },
      meterFor(s)
    );
    const cost = bill(usage, s);
    assertInDelta(cost.baseUsd, num(ex, 'subscription_usd'), CENT);
    assertInDelta(cost.requestsUsd, num(ex, 'request_charges_usd'), CENT);
    assertInDelta(cost.computeUsd, num(ex, 'cpu_charges_usd'), CENT);
    assertInDelta(cost.totalUsd, num(ex, 'total_usd'), CENT);
  });

  it('Azure Flex on-demand, IO-bound hour: 7,200 GB-s × $0.000026 + 144,000 × $0.40/M ≈ $0.245', () => {
    const ex = byId('azure-flex-ondemand-io-bound-hourly');
    // One 2,048 MB instance busy the whole hour, serving 40 req/s; no free grant in the example.
    const s = scenario({
      platform: {
        ...scenario({}).platform,
        provider: 'azure-flex',
        instanceConcurrency: input(ex, 'concurrent_requests')
      },
      billing: { freeTier: false }
    });
    const usage = constantUsage(
      {
        requests: input(ex, 'http_rps') * 3600 * input(ex, 'hours'),
        durationMs: 250,
        memoryMb: input(ex, 'instance_memory_mb'),
        busyHours: input(ex, 'hours'),
        monthHours: s.billing.monthHours
      },
      meterFor(s)
    );
    usage.durationS = input(ex, 'hours') * 3600;
    const cost = bill(usage, s);
    const compute = cost.lineItems.find((i) => i.name === 'compute')!;
    assertInDelta(compute.quantity, num(ex, 'gb_s_per_instance_hour'), 1e-6);
    assertInDelta(cost.computeUsd, num(ex, 'execution_time_cost_per_hour_usd'), CENT);
    assertInDelta(
      cost.lineItems.find((i) => i.name === 'requests')!.quantity,
      num(ex, 'executions_per_hour'),
      1e-6
    );
    assertInDelta(cost.requestsUsd, num(ex, 'execution_cost_per_hour_usd'), CENT);
    // Published $0.245 is the exact 0.2448 printed to three decimals.
    assertInDelta(cost.totalUsd, num(ex, 'total_usd'), CENT);
  });
});

describe('alwaysOnCost(option, use) reproduces always-on examples', () => {
  it('Fargate example 1: 5 tasks × 10 min/day × 30 days, 1 vCPU, 2 GB, 30 GB storage = $1.26', () => {
    const ex = byId('aws-fargate-ex1-linux-x86');
    const option = alwaysOnOption(
      `fargate:${input(ex, 'vcpu')}vcpu-${input(ex, 'memory_gb')}gb-x86`
    )!;
    const hours = (input(ex, 'seconds_per_day') * input(ex, 'days')) / 3600;
    const b = alwaysOnCost(option, {
      count: input(ex, 'tasks'),
      hours,
      ephemeralGb: input(ex, 'ephemeral_storage_gb')
    });
    const usd = (name: string) => b.lineItems.find((i) => i.name === name)!.usd;
    assertInDelta(usd('vcpu'), num(ex, 'vcpu_charges_usd'), CENT);
    assertInDelta(usd('memory'), num(ex, 'memory_charges_usd'), CENT);
    assertInDelta(usd('ephemeral'), num(ex, 'ephemeral_charges_usd'), CENT);
    assertInDelta(b.totalUsd, num(ex, 'total_usd'), CENT);
  });

  it('Heroku Basic for 2 hours: $7/month prorated ≈ $0.02', () => {
    const ex = byId('heroku-basic-2h');
    const b = alwaysOnCost(alwaysOnOption('heroku:basic')!, {
      count: input(ex, 'dynos'),
      hours: input(ex, 'hours')
    });
    assertInDelta(b.totalUsd, num(ex, 'total_usd'), CENT);
  });
});
