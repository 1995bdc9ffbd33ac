/** coldstart price: line items with formulas, JSON, bad input, and agreement with a simulated run. */
import { describe, expect, it } from 'vitest';
import { priceCommand } from '../../src/cli/price.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { assertInDelta, scenario } from '../helpers.ts';

async function price(args: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await priceCommand(args.split(/\s+/).filter(Boolean), {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s)
  });
  return { code, stdout, stderr };
}

interface PriceJson {
  lineItems: { name: string; quantity: number; unit: string; unitPriceUsd: number; usd: number }[];
  totalUsd: number;
}

describe('priceCommand(argv, out)', () => {
  it('prints each line item with its formula, the total and the dated sources', async () => {
    const r = await price(
      '--provider aws-lambda --arch x86_64 --memory-mb 512 --requests 3000000 --duration-ms 1000'
    );
    expect(r.code).toBe(0);
    // The issue's own example line (L1 rate $0.0000166667).
    expect(r.stdout).toContain(
      '3,000,000 × 1 s × 0.5 GB = 1,500,000 GB-s × $0.0000166667 = $25.00'
    );
    expect(r.stdout).toContain('3,000,000 requests × $0.20 per 1M = $0.60');
    expect(r.stdout).toMatch(/Total\s+\$25\.60/);
    expect(r.stdout).toContain('https://aws.amazon.com/lambda/pricing/ (as of 2026-11-24)');
  });

  it('--json prints { lineItems: [{name, quantity, unit, unitPriceUsd, usd}], totalUsd } with exact values', async () => {
    const r = await price(
      '--provider aws-lambda --memory-mb 512 --requests 3000000 --duration-ms 1000 --json'
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as PriceJson;
    expect(Object.keys(json.lineItems[0]).sort()).toEqual([
      'name',
      'quantity',
      'unit',
      'unitPriceUsd',
      'usd'
    ]);
    const compute = json.lineItems.find((i) => i.name === 'compute')!;
    expect(compute.unit).toBe('GB-s');
    // 1,500,000 GB-s × $0.0000166667 = 25.00005 exactly, not rounded to cents in JSON.
    assertInDelta(compute.usd, 25.00005, 1e-9);
    assertInDelta(json.totalUsd, 25.60005, 1e-9);
  });

  it('--granularity-ms 100 and --free-tier reproduce the legacy example at the current rate (18.73)', async () => {
    const r = await price(
      '--provider aws-lambda --memory-mb 512 --requests 3000000 --duration-ms 1000 --granularity-ms 100 --free-tier --json'
    );
    // billing-examples.json notes: today's rate gives 18.33 + 0.40 = 18.73.
    assertInDelta((JSON.parse(r.stdout) as PriceJson).totalUsd, 18.73, 0.005);
  });

  it('prices always-on instances: 2 × t4g.small for 730 h', async () => {
    const r = await price('--provider ec2 --instance t4g.small --count 2 --hours 730 --json');
    expect(r.code).toBe(0);
    assertInDelta((JSON.parse(r.stdout) as PriceJson).totalUsd, 2 * 730 * 0.0168, 1e-9); // EC2 [C]
  });

  it('prices every function provider with its own flags', async () => {
    const table = [
      '--provider gcp-functions-gen1 --memory-mb 256 --requests 1000000 --duration-ms 260',
      '--provider gcp-cloud-run --memory-mb 512 --requests 1000000 --duration-ms 260 --concurrency 80',
      '--provider gcp-cloud-run --memory-mb 512 --requests 1000000 --duration-ms 260 --cloud-run-billing instance --instance-hours 1460',
      '--provider azure-consumption --memory-mb 200 --requests 1000000 --duration-ms 30',
      '--provider azure-flex --memory-mb 2048 --requests 144000 --duration-ms 250 --concurrency 10 --provisioned 1',
      '--provider cloudflare-workers --requests 15000000 --cpu-ms 7',
      '--provider fargate --instance 1vcpu-2gb-arm64 --count 2',
      '--provider gce --instance e2-small',
      '--provider heroku --instance standard-1x',
      '--provider apprunner --instance 1vcpu-2gb --active-fraction 0.5'
    ];
    for (const args of table) {
      const r = await price(`${args} --json`);
      expect(r.code, `${args}: ${r.stderr}`).toBe(0);
      const json = JSON.parse(r.stdout) as PriceJson;
      expect(json.totalUsd, args).toBeGreaterThan(0);
      assertInDelta(
        json.totalUsd,
        json.lineItems.reduce((a, i) => a + i.usd, 0),
        1e-9,
        args
      );
    }
  });

  it('rejects bad input with exit 2 and one line naming the flag', async () => {
    const base = '--provider aws-lambda --memory-mb 512 --requests 1000 --duration-ms 100';
    const table: { args: string; flag: string }[] = [
      { args: '--requests 1000 --duration-ms 100', flag: '--provider' },
      { args: '--provider aws-lamda --requests 1000 --duration-ms 100', flag: '--provider' },
      {
        args: '--provider aws-lambda --memory-mb 64 --requests 1000 --duration-ms 100',
        flag: '--memory-mb'
      },
      {
        args: '--provider aws-lambda --memory-mb 20000 --requests 1000 --duration-ms 100',
        flag: '--memory-mb'
      },
      {
        args: '--provider gcp-functions-gen1 --memory-mb 300 --requests 1000 --duration-ms 100',
        flag: '--memory-mb'
      },
      {
        args: '--provider aws-lambda --memory-mb 512 --requests -5 --duration-ms 100',
        flag: '--requests'
      },
      {
        args: '--provider aws-lambda --memory-mb 512 --requests NaN --duration-ms 100',
        flag: '--requests'
      },
      {
        args: '--provider aws-lambda --memory-mb 512 --requests 1.5 --duration-ms 100',
        flag: '--requests'
      },
      { args: '--provider aws-lambda --memory-mb 512 --duration-ms 100', flag: '--requests' },
      {
        args: '--provider aws-lambda --memory-mb 512 --requests 1000 --duration-ms abc',
        flag: '--duration-ms'
      },
      {
        args: '--provider aws-lambda --memory-mb 512 --requests 1000 --duration-ms 1000000',
        flag: '--duration-ms'
      },
      { args: `${base} --granularity-ms 0`, flag: '--granularity-ms' },
      { args: `${base} --arch sparc`, flag: '--arch' },
      { args: `${base} --ephemeral-mb 100`, flag: '--ephemeral-mb' },
      { args: `${base} --provisioned -1`, flag: '--provisioned' },
      { args: `${base} --provisioned-hours 5`, flag: '--provisioned-hours' },
      { args: `${base} --cpu-ms 3`, flag: '--cpu-ms' },
      { args: `${base} --bogus 3`, flag: '--bogus' },
      { args: '--provider ec2 --instance t9.huge', flag: '--instance' },
      { args: '--provider ec2', flag: '--instance' },
      { args: '--provider ec2 --instance t4g.small --count 0', flag: '--count' },
      { args: '--provider ec2 --instance t4g.small --hours -1', flag: '--hours' },
      { args: '--provider fargate --instance 3vcpu-1gb-x86', flag: '--instance' }
    ];
    for (const { args, flag } of table) {
      const r = await price(args);
      expect(r.code, args).toBe(2);
      expect(r.stdout, args).toBe('');
      expect(r.stderr.trim().split('\n'), args).toHaveLength(1);
      expect(r.stderr, args).toContain(flag);
    }
  });
});

describe('price and run agree', () => {
  it('a run of constant-duration requests bills what `price` says for the same workload', async () => {
    // A day of 10 req/s, each 120 ms, one cold start whose INIT is not billed; the month is the day.
    const s = scenario({
      durationS: 86_400,
      traffic: { kind: 'constant', ratePerS: 10 },
      function: {
        durationMs: { dist: 'fixed', value: 120 },
        initMs: { dist: 'fixed', value: 200 }
      },
      billing: { billInit: false, monthHours: 24, freeTier: true }
    });
    const report = simulate(s);
    const r = await price(
      `--provider aws-lambda --memory-mb 512 --requests ${report.invocations} --duration-ms 120 --month-hours 24 --free-tier --json`
    );
    const json = JSON.parse(r.stdout) as PriceJson;
    expect(report.cost!.monthly).toBeNull();
    assertInDelta(report.cost!.totalUsd, json.totalUsd, 1e-12);
    assertInDelta(
      report.cost!.computeUsd,
      json.lineItems.find((i) => i.name === 'compute')!.usd,
      1e-12
    );
  });
});
