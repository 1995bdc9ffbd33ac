/**
 * The vendors' published worked billing examples (data/reference/billing-examples.json), each
 * reproduced with the engine's own bill()/alwaysOnCost() — the same calls and inputs as
 * test/engine/billing/examples.test.ts — for `npm run validate` and the Validation page.
 */
import { alwaysOnCost } from '../alwaysOn/alwaysOnCost.ts';
import { bill, meterFor } from '../billing/bill.ts';
import { constantUsage } from '../billing/constantUsage.ts';
import { DEFAULT_SCENARIO } from '../../scenario/defaults.ts';
import type { Provider, Scenario } from '../../scenario/schema.ts';
import { alwaysOnOption } from '../pricing/alwaysOn.ts';
import { PRICING, type Catalog } from '../pricing/catalog.ts';
import { price } from '../pricing/price.ts';

export interface BillingExample {
  id: string;
  provider: string;
  product: string;
  inputs: Record<string, unknown>;
  published: Record<string, number | boolean | string>;
  source: { title: string; url: string; as_of: string; section?: string };
  notes?: string;
}

export interface BillingExampleRow {
  id: string;
  /** Which published figure, e.g. 'total_usd'. */
  figure: string;
  title: string;
  url: string;
  asOf: string;
  /** What the example prices, in a few words. */
  description: string;
  publishedUsd: number;
  reproducedUsd: number;
  /** Vendors print cents: reproduced to the cent means within half a cent. */
  pass: boolean;
}

const CENT = 0.005;

/** Deep copy of plain data (the engine's lib has no structuredClone). */
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function baseScenario(provider: Provider, billing: Partial<Scenario['billing']> = {}): Scenario {
  const s = clone(DEFAULT_SCENARIO);
  s.platform = { ...s.platform, provider, arch: 'x86_64' };
  s.billing = { ...s.billing, ...billing };
  return s;
}

/** The catalog with Lambda x86 tier-1 duration at another GB-s rate (the historical examples' rate). */
function withLambdaRate(rate: number): Catalog {
  const c = clone(PRICING);
  const tier = c['aws-lambda'].arch.x86_64.duration[0]!;
  tier.price = price(rate, 'GB-s', tier.price.source, 'P');
  return c;
}

type Reproduce = (ex: BillingExample) => { figure: string; description: string; usd: number }[];

const num = (ex: BillingExample, key: string): number => {
  const v = ex.inputs[key] ?? ex.published[key];
  if (typeof v !== 'number')
    throw new Error(`billing example ${ex.id}: ${key} must be a number, got ${JSON.stringify(v)}`);
  return v;
};

const REPRODUCE: { [id: string]: Reproduce } = {
  'aws-lambda-legacy-ex1-512mb-3m-1s': (ex) => {
    const s = baseScenario('aws-lambda', {
      freeTier: true,
      granularityMs: num(ex, 'billing_granularity_ms')
    });
    const usage = constantUsage(
      {
        requests: num(ex, 'requests'),
        durationMs: num(ex, 'duration_ms'),
        memoryMb: num(ex, 'memory_mb')
      },
      meterFor(s)
    );
    const cost = bill(usage, s, withLambdaRate(num(ex, 'compute_price_per_gb_s')));
    return [
      {
        figure: 'total_usd',
        description: '512 MB, 3 M requests × 1 s, free tier',
        usd: cost.totalUsd
      }
    ];
  },
  'aws-blog-2020-1ms-vs-100ms': (ex) => {
    const at = (granularityMs: number) => {
      const s = baseScenario('aws-lambda', { freeTier: false, granularityMs });
      const usage = constantUsage(
        {
          requests: num(ex, 'requests'),
          durationMs: num(ex, 'observed_duration_ms'),
          memoryMb: num(ex, 'memory_mb')
        },
        meterFor(s)
      );
      return bill(usage, s, withLambdaRate(num(ex, 'compute_price_per_gb_s'))).totalUsd;
    };
    return [
      {
        figure: 'total_100ms_usd',
        description: 'billed per 100 ms (before Dec 2020)',
        usd: at(100)
      },
      { figure: 'total_1ms_usd', description: 'billed per 1 ms', usd: at(1) }
    ];
  },
  'cloudflare-workers-ex1': (ex) => {
    const s = baseScenario('cloudflare-workers');
    const usage = constantUsage(
      { requests: num(ex, 'requests'), durationMs: 7, cpuMs: num(ex, 'avg_cpu_ms'), memoryMb: 128 },
      meterFor(s)
    );
    return [
      {
        figure: 'total_usd',
        description: 'Standard plan, requests and CPU time',
        usd: bill(usage, s).totalUsd
      }
    ];
  },
  'azure-flex-ondemand-io-bound-hourly': (ex) => {
    const s = baseScenario('azure-flex', { freeTier: false });
    s.platform.instanceConcurrency = num(ex, 'concurrent_requests');
    const hours = num(ex, 'hours');
    const usage = constantUsage(
      {
        requests: num(ex, 'http_rps') * 3600 * hours,
        durationMs: 250,
        memoryMb: num(ex, 'instance_memory_mb'),
        busyHours: hours,
        monthHours: s.billing.monthHours
      },
      meterFor(s)
    );
    usage.durationS = hours * 3600;
    return [
      {
        figure: 'total_usd',
        description: 'one 2,048 MB instance busy for an hour',
        usd: bill(usage, s).totalUsd
      }
    ];
  },
  'aws-fargate-ex1-linux-x86': (ex) => {
    const option = alwaysOnOption(`fargate:${num(ex, 'vcpu')}vcpu-${num(ex, 'memory_gb')}gb-x86`);
    if (!option)
      throw new Error(`billing example ${ex.id}: no Fargate option for its vCPU and memory`);
    const hours = (num(ex, 'seconds_per_day') * num(ex, 'days')) / 3600;
    const b = alwaysOnCost(option, {
      count: num(ex, 'tasks'),
      hours,
      ephemeralGb: num(ex, 'ephemeral_storage_gb')
    });
    return [
      { figure: 'total_usd', description: '5 tasks × 10 min a day for 30 days', usd: b.totalUsd }
    ];
  },
  'heroku-basic-2h': (ex) => {
    const option = alwaysOnOption('heroku:basic');
    if (!option) throw new Error('billing example heroku-basic-2h: no heroku:basic option');
    const b = alwaysOnCost(option, { count: num(ex, 'dynos'), hours: num(ex, 'hours') });
    return [{ figure: 'total_usd', description: 'one Basic dyno for 2 hours', usd: b.totalUsd }];
  }
};

/** One row per published total; throws naming an example the engine has no reproduction for. */
export function billingExamplesValidation(
  examples: readonly BillingExample[]
): BillingExampleRow[] {
  const rows: BillingExampleRow[] = [];
  for (const ex of examples) {
    const reproduce = REPRODUCE[ex.id];
    if (!reproduce)
      throw new Error(`billing example ${ex.id} has no reproduction in billingExamplesValidation`);
    for (const r of reproduce(ex)) {
      const published = ex.published[r.figure];
      if (typeof published !== 'number')
        throw new Error(`billing example ${ex.id} publishes no number ${r.figure}`);
      rows.push({
        id: ex.id,
        figure: r.figure,
        title: ex.source.title,
        url: ex.source.url,
        asOf: ex.source.as_of,
        description: r.description,
        publishedUsd: published,
        reproducedUsd: r.usd,
        pass: Math.abs(r.usd - published) <= CENT
      });
    }
  }
  return rows;
}
