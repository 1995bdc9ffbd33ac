/**
 * `coldstart price`: the quick what-if. Builds the Usage of a month of constant-duration requests and
 * bills it with the same bill() a simulated run uses; or prices always-on instances.
 */
import { alwaysOnCost } from '../engine/alwaysOn/alwaysOnCost.ts';
import { bill, meterFor } from '../engine/billing/bill.ts';
import { constantUsage, type ConstantWorkload } from '../engine/billing/constantUsage.ts';
import type { LineItem, PriceSource } from '../engine/billing/cost.ts';
import { fmtQty, fmtUsd } from '../engine/billing/format.ts';
import {
  isAllowedMemory,
  LAMBDA_EPHEMERAL_MB,
  nearestAllowedMemory,
  PROVIDER_LIMITS
} from '../engine/platform/limits.ts';
import { ALWAYS_ON_OPTIONS, alwaysOnOption } from '../engine/pricing/alwaysOn.ts';
import { DEFAULT_SCENARIO } from '../scenario/defaults.ts';
import type { Provider, Scenario } from '../scenario/schema.ts';
import type { CliOutput } from './io.ts';

export const PRICE_USAGE = `Usage: coldstart price --provider <p> [options]

Functions (a month of requests that all take --duration-ms):
  --provider aws-lambda | gcp-functions-gen1 | gcp-cloud-run | azure-consumption | azure-flex | cloudflare-workers
  --requests N           requests per month (required)
  --duration-ms D        handler time of each request, ms (required; cloudflare: optional)
  --memory-mb M          configured memory, MB (default 512, or the provider's nearest size)
  --granularity-ms G     billing step override, ms (e.g. 100 for Lambda before Dec 2020)
  --free-tier            subtract the provider's monthly free tier
  --month-hours H        hours in the month (default 730)
  aws-lambda:            --arch x86_64|arm64  --provisioned N [--provisioned-hours H] [--provisioned-requests R]
                         --ephemeral-mb M  --api-gateway http|rest
  gcp-cloud-run:         --concurrency C  --cloud-run-billing request|instance  --vcpu V  --instance-hours H
                         --provisioned N (min instances)
  gcp-functions-gen1:    --provisioned N (min instances)
  azure-flex:            --concurrency C  --busy-hours H  --provisioned N (always ready)
  cloudflare-workers:    --cpu-ms C (CPU time of each request, ms)
Always-on:
  --provider ec2|gce|fargate|apprunner|heroku --instance <name> [--count N] [--hours H]
                         fargate: --instance 1vcpu-2gb-arm64 [--ephemeral-gb G]; apprunner: [--active-fraction F]
Output:
  --json                 { lineItems: [{name, quantity, unit, unitPriceUsd, usd}], totalUsd, sources, notes }
`;

const FAAS = [
  'aws-lambda',
  'gcp-functions-gen1',
  'gcp-cloud-run',
  'azure-consumption',
  'azure-flex',
  'cloudflare-workers'
] as const;
const ALWAYS_ON = ['ec2', 'gce', 'fargate', 'apprunner', 'heroku'] as const;

const COMMON = [
  'provider',
  'requests',
  'duration-ms',
  'memory-mb',
  'granularity-ms',
  'free-tier',
  'month-hours',
  'json'
];
const FLAGS: { readonly [p: string]: readonly string[] } = {
  'aws-lambda': [
    ...COMMON,
    'arch',
    'provisioned',
    'provisioned-hours',
    'provisioned-requests',
    'ephemeral-mb',
    'api-gateway'
  ],
  'gcp-functions-gen1': [...COMMON, 'provisioned', 'provisioned-hours', 'provisioned-requests'],
  'gcp-cloud-run': [
    ...COMMON,
    'concurrency',
    'cloud-run-billing',
    'vcpu',
    'instance-hours',
    'busy-hours',
    'provisioned',
    'provisioned-hours',
    'provisioned-requests'
  ],
  'azure-consumption': [...COMMON],
  'azure-flex': [
    ...COMMON,
    'concurrency',
    'busy-hours',
    'provisioned',
    'provisioned-hours',
    'provisioned-requests'
  ],
  'cloudflare-workers': [...COMMON, 'cpu-ms'],
  alwaysOn: ['provider', 'instance', 'count', 'hours', 'ephemeral-gb', 'active-fraction', 'json']
};
const BOOLEAN_FLAGS = new Set(['free-tier', 'json', 'help']);

/** An input problem: exit 2 with this one line. */
class PriceInputError extends Error {}

type Flags = Map<string, string>;

/** priceCommand(argv, out) prints the bill of the usage described by argv; returns the exit status. */
export async function priceCommand(argv: string[], out: CliOutput): Promise<number> {
  try {
    const flags = parseFlags(argv);
    if (flags.has('help')) {
      out.stdout(PRICE_USAGE);
      return 0;
    }
    const provider = flags.get('provider');
    if (provider === undefined)
      throw new PriceInputError('--provider is required (see coldstart price --help)');
    let result: PricedResult;
    if ((FAAS as readonly string[]).includes(provider))
      result = priceFunction(provider as Provider, flags);
    else if ((ALWAYS_ON as readonly string[]).includes(provider))
      result = priceAlwaysOn(provider, flags);
    else {
      throw new PriceInputError(
        `--provider: unknown provider '${provider}' (one of ${[...FAAS, ...ALWAYS_ON].join(', ')})`
      );
    }
    out.stdout(flags.has('json') ? toJson(result) : toText(result));
    return 0;
  } catch (error) {
    if (error instanceof PriceInputError) {
      out.stderr(`coldstart price: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

interface PricedResult {
  title: string;
  lineItems: LineItem[];
  totalUsd: number;
  sources: PriceSource[];
  notes: string[];
}

function parseFlags(argv: readonly string[]): Flags {
  const flags: Flags = new Map();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h') {
      flags.set('help', '');
      continue;
    }
    if (!arg.startsWith('--'))
      throw new PriceInputError(`unexpected argument '${arg}' (flags start with --)`);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (flags.has(name)) throw new PriceInputError(`--${name} is given twice`);
    if (BOOLEAN_FLAGS.has(name)) {
      if (eq > 0) throw new PriceInputError(`--${name} takes no value`);
      flags.set(name, '');
    } else if (eq > 0) flags.set(name, arg.slice(eq + 1));
    else {
      const value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && !/^--?\d/.test(value))) {
        throw new PriceInputError(`--${name} needs a value`);
      }
      flags.set(name, value);
      i++;
    }
  }
  return flags;
}

function checkFlags(flags: Flags, allowed: readonly string[], what: string): void {
  for (const name of flags.keys()) {
    if (name === 'help') continue;
    if (!allowed.includes(name)) {
      const known = Object.values(FLAGS).some((list) => list.includes(name));
      throw new PriceInputError(
        known ? `--${name} does not apply to ${what}` : `unknown flag --${name}`
      );
    }
  }
}

interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
  /** min is exclusive. */
  positive?: boolean;
}

function numberFlag(flags: Flags, name: string, rule: NumberRule): number | undefined {
  const raw = flags.get(name);
  if (raw === undefined) return undefined;
  const value = raw.trim() === '' ? NaN : Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(value))
    throw new PriceInputError(`--${name} must be a number, got '${raw}'`);
  if (rule.integer && !Number.isInteger(value))
    throw new PriceInputError(`--${name} must be a whole number, got ${raw}`);
  if (rule.positive && value <= 0) throw new PriceInputError(`--${name} must be > 0, got ${raw}`);
  if (rule.min !== undefined && value < rule.min)
    throw new PriceInputError(`--${name} must be ≥ ${fmtQty(rule.min)}, got ${raw}`);
  if (rule.max !== undefined && value > rule.max)
    throw new PriceInputError(`--${name} must be ≤ ${fmtQty(rule.max)}, got ${raw}`);
  return value;
}

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new PriceInputError(`--${name} is required`);
  return value;
}

function choiceFlag<T extends string>(
  flags: Flags,
  name: string,
  choices: readonly T[]
): T | undefined {
  const raw = flags.get(name);
  if (raw === undefined) return undefined;
  if (!(choices as readonly string[]).includes(raw))
    throw new PriceInputError(`--${name} must be one of ${choices.join(', ')}, got '${raw}'`);
  return raw as T;
}

function priceFunction(provider: Provider, flags: Flags): PricedResult {
  checkFlags(flags, FLAGS[provider], provider);
  const limits = PROVIDER_LIMITS[provider];
  const memory = numberFlag(flags, 'memory-mb', { integer: true, positive: true });
  if (memory !== undefined && !isAllowedMemory(limits.memoryMb, memory)) {
    const m = limits.memoryMb;
    const range = m.sizes ? `one of ${m.sizes.join(', ')}` : `${fmtQty(m.min)}–${fmtQty(m.max)}`;
    throw new PriceInputError(`--memory-mb ${memory} is not allowed on ${provider} (${range} MB)`);
  }
  const memoryMb =
    memory ?? nearestAllowedMemory(limits.memoryMb, DEFAULT_SCENARIO.function.memoryMb);
  const requests = required(numberFlag(flags, 'requests', { integer: true, min: 0 }), 'requests');
  const maxDurationMs = (limits.maxTimeoutS.value ?? Infinity) * 1000;
  const durationArg = numberFlag(flags, 'duration-ms', { min: 0, max: maxDurationMs });
  const durationMs =
    provider === 'cloudflare-workers' ? (durationArg ?? 0) : required(durationArg, 'duration-ms');
  const monthHours =
    numberFlag(flags, 'month-hours', { positive: true, max: 744 }) ??
    DEFAULT_SCENARIO.billing.monthHours;
  const provisioned = numberFlag(flags, 'provisioned', { integer: true, min: 0 }) ?? 0;
  const provisionedHours = numberFlag(flags, 'provisioned-hours', { min: 0, max: monthHours });
  const provisionedRequests = numberFlag(flags, 'provisioned-requests', {
    integer: true,
    min: 0,
    max: requests
  });
  if ((provisionedHours !== undefined || provisionedRequests !== undefined) && provisioned === 0) {
    throw new PriceInputError(
      '--provisioned-hours and --provisioned-requests need --provisioned N > 0'
    );
  }
  const concurrency = numberFlag(flags, 'concurrency', {
    integer: true,
    min: 1,
    max: limits.maxInstanceConcurrency.value
  });

  const s: Scenario = structuredClone(DEFAULT_SCENARIO);
  s.platform.provider = provider;
  s.platform.arch = choiceFlag(flags, 'arch', ['x86_64', 'arm64'] as const) ?? 'x86_64';
  s.platform.provisioned = provisioned;
  s.platform.instanceConcurrency = concurrency ?? 1;
  s.function.memoryMb = memoryMb;
  s.billing.freeTier = flags.has('free-tier');
  s.billing.granularityMs = numberFlag(flags, 'granularity-ms', { integer: true, min: 1 }) ?? null;
  s.billing.monthHours = monthHours;
  s.billing.ephemeralMb =
    numberFlag(flags, 'ephemeral-mb', {
      integer: true,
      min: LAMBDA_EPHEMERAL_MB.min,
      max: LAMBDA_EPHEMERAL_MB.max
    }) ?? 512;
  s.billing.apiGateway = choiceFlag(flags, 'api-gateway', ['http', 'rest'] as const) ?? 'none';
  s.billing.cloudRunBilling =
    choiceFlag(flags, 'cloud-run-billing', ['request', 'instance'] as const) ?? 'request';
  s.billing.vcpu = numberFlag(flags, 'vcpu', { positive: true, max: 8 }) ?? null;

  const workload: ConstantWorkload = {
    requests,
    durationMs,
    memoryMb,
    monthHours,
    cpuMs: numberFlag(flags, 'cpu-ms', { min: 0 }),
    instanceConcurrency: s.platform.instanceConcurrency,
    provisioned,
    provisionedHours,
    provisionedRequests,
    busyHours: numberFlag(flags, 'busy-hours', { min: 0 }),
    instanceHours: numberFlag(flags, 'instance-hours', { min: 0 })
  };
  const cost = bill(constantUsage(workload, meterFor(s)), s);
  const arch = provider === 'aws-lambda' ? ` (${s.platform.arch})` : '';
  const each =
    provider === 'cloudflare-workers'
      ? `${fmtQty(workload.cpuMs ?? 0)} CPU-ms`
      : `${fmtQty(durationMs)} ms`;
  return {
    title: `${limits.label}${arch}, ${fmtQty(memoryMb)} MB, ${fmtQty(requests)} requests × ${each} in a ${fmtQty(monthHours)} h month${s.billing.freeTier ? ', free tier applied' : ''}`,
    lineItems: cost.lineItems,
    totalUsd: cost.totalUsd,
    sources: cost.sources,
    notes: cost.notes
  };
}

function priceAlwaysOn(kind: string, flags: Flags): PricedResult {
  checkFlags(flags, FLAGS.alwaysOn, kind);
  const name = required(flags.get('instance'), 'instance');
  const option = alwaysOnOption(`${kind}:${name}`);
  if (!option) {
    const listed = ALWAYS_ON_OPTIONS.filter((o) => o.id.startsWith(`${kind}:`)).map((o) =>
      o.id.slice(kind.length + 1)
    );
    throw new PriceInputError(
      `--instance: unknown ${kind} instance '${name}' (e.g. ${listed.join(', ')})`
    );
  }
  if (kind !== 'fargate' && flags.has('ephemeral-gb'))
    throw new PriceInputError(`--ephemeral-gb applies only to fargate`);
  if (kind !== 'apprunner' && flags.has('active-fraction'))
    throw new PriceInputError(`--active-fraction applies only to apprunner`);
  const count = numberFlag(flags, 'count', { integer: true, min: 1 }) ?? 1;
  const hours = numberFlag(flags, 'hours', { min: 0 }) ?? DEFAULT_SCENARIO.billing.monthHours;
  const b = alwaysOnCost(option, {
    count,
    hours,
    ephemeralGb: numberFlag(flags, 'ephemeral-gb', { min: 20, max: 200 }),
    activeFraction: numberFlag(flags, 'active-fraction', { min: 0, max: 1 })
  });
  return {
    title: `${option.label}: ${fmtQty(count)} × ${fmtQty(hours)} h (${fmtQty(option.vcpu)} vCPU, ${fmtQty(option.memoryGb)} GB each)`,
    lineItems: b.lineItems,
    totalUsd: b.totalUsd,
    sources: b.sources,
    notes: b.notes
  };
}

function toText(r: PricedResult): string {
  const width = Math.max(5, ...r.lineItems.map((i) => i.label.length));
  const lines = [r.title, ''];
  for (const item of r.lineItems) lines.push(`  ${item.label.padEnd(width)}  ${item.formula}`);
  lines.push(`  ${'Total'.padEnd(width)}  ${fmtUsd(r.totalUsd)}`, '', 'Prices:');
  for (const s of r.sources) lines.push(`  ${s.title}, ${s.url} (as of ${s.asOf})`);
  if (r.notes.length > 0) {
    lines.push('', 'Notes:');
    for (const n of r.notes) lines.push(`  ${n}`);
  }
  return `${lines.join('\n')}\n`;
}

function toJson(r: PricedResult): string {
  const lineItems = r.lineItems.map(({ name, quantity, unit, unitPriceUsd, usd }) => ({
    name,
    quantity,
    unit,
    unitPriceUsd,
    usd
  }));
  return `${JSON.stringify({ lineItems, totalUsd: r.totalUsd, sources: r.sources, notes: r.notes }, null, 2)}\n`;
}
