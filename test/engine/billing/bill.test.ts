/** bill(usage, scenario) and meterFor(scenario): rounding, minimums, tiers, free tiers, projections. */
import { describe, expect, it } from 'vitest';
import { bill, meterFor } from '../../../src/engine/billing/bill.ts';
import { constantUsage, type ConstantWorkload } from '../../../src/engine/billing/constantUsage.ts';
import type { Cost } from '../../../src/engine/billing/cost.ts';
import { emptyUsage, type Usage } from '../../../src/engine/billing/meter.ts';
import { azureBilledMemoryMb } from '../../../src/engine/billing/providers/azureConsumption.ts';
import { gcfBilledMemoryMb } from '../../../src/engine/billing/providers/gcpFunctionsGen1.ts';
import { PRICING } from '../../../src/engine/pricing/catalog.ts';
import type { Provider, Scenario } from '../../../src/scenario/schema.ts';
import { assertInDelta, scenario } from '../../helpers.ts';
import { lambdaScenario, netUsd } from './fixtures.ts';

const LAMBDA = PRICING['aws-lambda'].arch.x86_64;
const TIER1 = LAMBDA.duration[0].price.usd; // $0.0000166667 per GB-s (L1)
const REQ = LAMBDA.request.usd; // $0.0000002 per request (L1)

function on(
  provider: Provider,
  billing: Partial<Scenario['billing']> = {},
  platform: Partial<Scenario['platform']> = {}
): Scenario {
  const s = scenario({ billing });
  s.platform = { ...s.platform, provider, ...platform };
  return s;
}

function monthOf(s: Scenario, w: Omit<ConstantWorkload, 'monthHours'>): Cost {
  return bill(constantUsage({ ...w, monthHours: s.billing.monthHours }, meterFor(s)), s);
}

const item = (cost: Cost, name: string) => cost.lineItems.find((i) => i.name === name);

describe('meterFor(scenario)', () => {
  it('gives each provider its rounding, minimum and INIT rule', () => {
    const table: { provider: Provider; expected: ReturnType<typeof meterFor> }[] = [
      // Lambda: 1 ms since Dec 2020 (L5, L6), INIT billed since 2025-08-01 (L13).
      {
        provider: 'aws-lambda',
        expected: { granularityMs: 1, minimumMs: 0, billInit: true, busyGranularityMs: 1 }
      },
      // GCF 1st gen: 100 ms steps (G1).
      {
        provider: 'gcp-functions-gen1',
        expected: { granularityMs: 100, minimumMs: 0, billInit: true, busyGranularityMs: 100 }
      },
      // Cloud Run: busy time rounded up to 100 ms (G6).
      {
        provider: 'gcp-cloud-run',
        expected: { granularityMs: 100, minimumMs: 0, billInit: true, busyGranularityMs: 100 }
      },
      // Azure Consumption: 1 ms steps, 100 ms minimum (A1).
      {
        provider: 'azure-consumption',
        expected: { granularityMs: 1, minimumMs: 100, billInit: false, busyGranularityMs: 1 }
      },
      // Azure Flex: 1,000 ms minimum, then 100 ms (A5).
      {
        provider: 'azure-flex',
        expected: { granularityMs: 100, minimumMs: 1000, billInit: false, busyGranularityMs: 100 }
      },
      // Cloudflare: CPU time only.
      {
        provider: 'cloudflare-workers',
        expected: { granularityMs: 1, minimumMs: 0, billInit: false, busyGranularityMs: 1 }
      }
    ];
    for (const { provider, expected } of table)
      expect(meterFor(on(provider)), provider).toEqual(expected);
  });

  it('honours billing.granularityMs and billing.billInit overrides', () => {
    const m = meterFor(lambdaScenario({ granularityMs: 100, billInit: false }));
    expect(m).toEqual({
      granularityMs: 100,
      minimumMs: 0,
      billInit: false,
      busyGranularityMs: 100
    });
  });
});

describe('bill(usage, scenario) rounding', () => {
  it('bills the same workload at 1 ms and at 100 ms: 27.55 ms → 28 ms or 100 ms', () => {
    const w = { requests: 1_000_000, durationMs: 27.55, memoryMb: 1024 };
    const ms1 = monthOf(lambdaScenario({ granularityMs: 1 }), w);
    const ms100 = monthOf(lambdaScenario({ granularityMs: 100 }), w);
    // Hand calculation: 1 M × 0.028 s × 1 GB = 28,000 GB-s; 1 M × 0.1 s × 1 GB = 100,000 GB-s.
    assertInDelta(item(ms1, 'compute')!.quantity, 28_000, 1e-9);
    assertInDelta(item(ms100, 'compute')!.quantity, 100_000, 1e-9);
    assertInDelta(ms1.computeUsd, 28_000 * TIER1, 1e-12);
    assertInDelta(ms100.computeUsd, 100_000 * TIER1, 1e-12);
    assertInDelta(ms1.requestsUsd, ms100.requestsUsd, 1e-15);
  });

  it('Azure Consumption bills 200 MB as 256 MB and a 30 ms execution as 100 ms', () => {
    const cost = monthOf(on('azure-consumption'), {
      requests: 1_000_000,
      durationMs: 30,
      memoryMb: 200
    });
    // Hand calculation: 1 M × 0.1 s × 0.25 GB = 25,000 GB-s × $0.000016 = $0.40 (A1 rules and rate).
    assertInDelta(item(cost, 'compute')!.quantity, 25_000, 1e-9);
    assertInDelta(cost.computeUsd, 0.4, 1e-12);
    assertInDelta(cost.requestsUsd, 0.2, 1e-12);
  });

  it('azureBilledMemoryMb rounds up to 128 MB buckets between 128 and 1,536 MB', () => {
    const table = [
      { mb: 1, expected: 128 }, // 128 MB minimum (A1)
      { mb: 128, expected: 128 },
      { mb: 129, expected: 256 },
      { mb: 160, expected: 256 }, // A1's own example: 160 MB used → billed 256 MB
      { mb: 1500, expected: 1536 },
      { mb: 4000, expected: 1536 } // at most 1,536 MB
    ];
    for (const { mb, expected } of table)
      expect(azureBilledMemoryMb(mb, 128, 1536), `${mb} MB`).toBe(expected);
  });

  it('GCF 1st gen rounds 260 ms up to 300 ms and prices memory and GHz separately', () => {
    const cost = monthOf(on('gcp-functions-gen1'), {
      requests: 1_000_000,
      durationMs: 260,
      memoryMb: 256
    });
    // G1: "a function executing for 260ms would be billed as 300ms"; 256 MB = 0.25 GB and 0.4 GHz (G2).
    assertInDelta(item(cost, 'compute')!.quantity, 1_000_000 * 0.3 * 0.25, 1e-9);
    assertInDelta(item(cost, 'compute:cpu')!.quantity, 1_000_000 * 0.3 * 0.4, 1e-9);
    // Per-100 ms price of 256 MB is $0.000000463 in the published table, printed to 1e-9.
    assertInDelta(cost.computeUsd / 3_000_000, 0.000000463, 0.5e-9);
  });

  it('gcfBilledMemoryMb takes the size at or above the configured memory', () => {
    const ghz = PRICING['gcp-functions-gen1'].ghzByMemoryMb;
    expect(gcfBilledMemoryMb(512, ghz)).toBe(512);
    expect(gcfBilledMemoryMb(600, ghz)).toBe(1024);
  });
});

describe('bill(usage, scenario) volume tiers', () => {
  it('prices a month crossing 6 billion GB-s at tier 1 then tier 2', () => {
    // 700 M requests × 1 s × 10 GB = 7 B GB-s: 6 B at $0.0000166667 + 1 B at $0.000015 (L2 tiers).
    const cost = monthOf(lambdaScenario({}), {
      requests: 700_000_000,
      durationMs: 1000,
      memoryMb: 10_240
    });
    const compute = item(cost, 'compute')!;
    assertInDelta(compute.quantity, 7e9, 1e-3);
    assertInDelta(compute.usd, 6e9 * 0.0000166667 + 1e9 * 0.000015, 1e-6);
    expect(compute.formula).toContain('(tier 2)');
  });

  it('prices the part above 15 billion GB-s at tier 3', () => {
    // 1.6 B requests × 1 s × 10 GB = 16 B GB-s: 6 B × t1 + 9 B × t2 + 1 B × t3 (L2).
    const cost = monthOf(lambdaScenario({}), {
      requests: 1_600_000_000,
      durationMs: 1000,
      memoryMb: 10_240
    });
    assertInDelta(cost.computeUsd, 6e9 * 0.0000166667 + 9e9 * 0.000015 + 1e9 * 0.0000133334, 1e-6);
  });

  it('applies tiers to the monthly volume, not to a short run', () => {
    // A 1-day run of 240 M GB-s is 7.3 B GB-s per 730 h month: part of it lands in tier 2.
    const s = lambdaScenario({});
    const usage = emptyUsage(86_400, 10_240, 0);
    usage.requests = 24_000_000;
    usage.onDemandBilledMs = 24_000_000 * 1000;
    const cost = bill(usage, s);
    const factor = (730 * 3600) / 86_400;
    const monthGbS = 240e6 * factor;
    const expectedMonth = 6e9 * 0.0000166667 + (monthGbS - 6e9) * 0.000015;
    assertInDelta(cost.computeUsd, expectedMonth / factor, 1e-6);
  });
});

describe('bill(usage, scenario) free tier', () => {
  it('never makes a line negative: each credit is at most what its unit was charged', () => {
    const providers: Provider[] = [
      'aws-lambda',
      'gcp-functions-gen1',
      'gcp-cloud-run',
      'azure-consumption',
      'azure-flex',
      'cloudflare-workers'
    ];
    const workloads = [
      { requests: 10, durationMs: 1, memoryMb: 512 },
      { requests: 0, durationMs: 100, memoryMb: 512 },
      { requests: 5_000_000, durationMs: 2000, memoryMb: 2048 }
    ];
    for (const provider of providers) {
      for (const w of workloads) {
        const s = on(provider, { freeTier: true });
        const memoryMb = provider === 'cloudflare-workers' ? 128 : w.memoryMb;
        const cost = monthOf(s, { ...w, memoryMb, cpuMs: 1 });
        for (const credit of cost.lineItems.filter((i) => i.name.startsWith('freeTier'))) {
          const charged = cost.lineItems
            .filter(
              (i) =>
                !i.name.startsWith('freeTier') &&
                !i.name.startsWith('provisioned') &&
                i.unit === credit.unit
            )
            .reduce((a, i) => a + i.usd, 0);
          expect(credit.usd, `${provider} ${credit.name}`).toBeLessThanOrEqual(0);
          expect(charged + credit.usd, `${provider} ${credit.name}`).toBeGreaterThanOrEqual(-1e-12);
        }
        expect(cost.totalUsd, provider).toBeGreaterThanOrEqual(-1e-12);
      }
    }
  });

  it('applies to monthly volumes: a day of 100,000 requests is 3 M a month, 2 M of them billed', () => {
    const s = lambdaScenario({ freeTier: true });
    const usage = emptyUsage(86_400, 128, 0);
    usage.requests = 100_000;
    usage.onDemandBilledMs = 100_000;
    const cost = bill(usage, s);
    const factor = (730 * 3600) / 86_400;
    // Month: 3,041,667 requests − 1 M free = 2,041,667 × $0.20/M; the run's share is 1/factor of it.
    assertInDelta(netUsd(cost, 'requests'), ((100_000 * factor - 1e6) * REQ) / factor, 1e-12);
    expect(cost.monthly?.factor).toBeCloseTo(factor, 12);
  });

  it('is off by default', () => {
    const cost = monthOf(lambdaScenario({}), { requests: 10, durationMs: 1, memoryMb: 128 });
    expect(cost.freeTierUsd).toBe(0);
    expect(cost.lineItems.some((i) => i.name.startsWith('freeTier'))).toBe(false);
  });
});

describe('bill(usage, scenario) Lambda extras', () => {
  function usageOf(patch: Partial<Usage>, durationS = 730 * 3600, memoryMb = 512): Usage {
    return { ...emptyUsage(durationS, memoryMb, 0), ...patch };
  }

  it('bills INIT as duration at the same rate (initUsd)', () => {
    const cost = bill(
      usageOf({ requests: 1, onDemandBilledMs: 100, initBilledMs: 250 }),
      lambdaScenario({})
    );
    // Hand calculation: 0.25 s × 0.5 GB = 0.125 GB-s × tier 1 (L13: INIT billed like INVOKE).
    assertInDelta(cost.initUsd, 0.125 * TIER1, 1e-15);
  });

  it('bills keep-warm pings as requests and duration (keepWarmUsd)', () => {
    // 8,640 pings of 5 ms (every 10 s for a day) in a month-long usage, 512 MB.
    const cost = bill(usageOf({ pingRequests: 8640, pingBilledMs: 8640 * 5 }), lambdaScenario({}));
    assertInDelta(cost.keepWarmUsd, 8640 * REQ + 8640 * 0.005 * 0.5 * TIER1, 1e-15);
  });

  it('bills Provisioned Concurrency for enabled time rounded up to 5 minutes, plus its duration', () => {
    const usage = usageOf(
      { provisioned: 2, requests: 10, provisionedRequests: 10, provisionedBilledMs: 1000 },
      301
    );
    const cost = bill(usage, lambdaScenario({}));
    // L1: PC time rounded up to 5 min: 301 s → 600 s; 2 × 0.5 GB × 600 s at $0.0000041667, 0.5 GB-s at $0.0000097222.
    assertInDelta(cost.provisionedUsd, 2 * 0.5 * 600 * 0.0000041667 + 0.5 * 0.0000097222, 1e-12);
  });

  it('bills ephemeral storage above 512 MB and the API Gateway fee per request', () => {
    const s = lambdaScenario({ ephemeralMb: 1536, apiGateway: 'rest' });
    const cost = monthOf(s, { requests: 1_000_000, durationMs: 1000, memoryMb: 512 });
    // 1 M s × 1 GB extra × $0.0000000309 (L1); REST $3.50 per M for the first 333 M (L14).
    assertInDelta(item(cost, 'ephemeral')!.usd, 1e6 * 0.0000000309, 1e-12);
    assertInDelta(item(cost, 'apiGateway')!.usd, 3.5, 1e-9);
  });

  it('arm64 bills at its own duration rate', () => {
    const cost = monthOf(lambdaScenario({}, { arch: 'arm64' }), {
      requests: 1_000_000,
      durationMs: 1000,
      memoryMb: 1024
    });
    assertInDelta(cost.computeUsd, 1e6 * 0.0000133334, 1e-9); // L2 Arm tier 1
  });
});

describe('bill(usage, scenario) totals', () => {
  it('fills every Cost field, sums the line items and adds sources with dates', () => {
    const cost = monthOf(lambdaScenario({ freeTier: true }), {
      requests: 3_000_000,
      durationMs: 1000,
      memoryMb: 512
    });
    const sum =
      cost.requestsUsd +
      cost.computeUsd +
      cost.initUsd +
      cost.provisionedUsd +
      cost.keepWarmUsd +
      cost.baseUsd +
      cost.freeTierUsd;
    assertInDelta(cost.totalUsd, sum, 1e-12);
    assertInDelta(
      cost.totalUsd,
      cost.lineItems.reduce((a, i) => a + i.usd, 0),
      1e-12
    );
    assertInDelta(cost.perMillionUsd!, cost.totalUsd / 3, 1e-12);
    expect(cost.monthly).toBeNull();
    expect(cost.billedGbSeconds).toBe(1_500_000);
    expect(cost.sources.length).toBeGreaterThan(0);
    for (const src of cost.sources) expect(src.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('projects a short run to a month and bills the run as its share', () => {
    const s = lambdaScenario({});
    const usage = emptyUsage(3600, 512, 0);
    usage.requests = 3600;
    usage.onDemandBilledMs = 3600 * 100;
    const cost = bill(usage, s);
    expect(cost.monthly!.factor).toBeCloseTo(730, 9);
    assertInDelta(cost.monthly!.totalUsd, cost.totalUsd * 730, 1e-12);
    // Linear prices without free tier: the run's cost is exactly its own volumes priced.
    assertInDelta(cost.totalUsd, 3600 * REQ + 3600 * 0.1 * 0.5 * TIER1, 1e-15);
    assertInDelta(cost.billedGbSeconds, 180, 1e-12);
  });

  it('reports perMillionUsd null when no request was served', () => {
    expect(bill(emptyUsage(60, 512, 0), lambdaScenario({})).perMillionUsd).toBeNull();
  });
});
