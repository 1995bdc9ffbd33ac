/** Reads the platform section: provider, arch, keep-alive, reuse, concurrency, provisioned, keep-warm. */
import { ARCHES, KEEP_ALIVE_POLICIES, PLACEMENTS, PROVIDERS, REUSE_POLICIES } from '../choices.ts';
import { DEFAULT_SCENARIO } from '../defaults.ts';
import type { KeepAliveSpec, KeepWarm, PlatformSpec } from '../schema.ts';
import { join, type FieldReader, type Loose } from '../fieldReader.ts';

const FIELDS = [
  'provider',
  'arch',
  'keepAliveS',
  'keepAlive',
  'reuse',
  'maxConcurrency',
  'instanceConcurrency',
  'provisioned',
  'placement',
  'maxLifetimeS',
  'keepWarm'
];

/** Provider-dependent bounds (instance concurrency, provisioned support) are checked in restore.ts. */
export function readPlatform(r: FieldReader, root: Loose): PlatformSpec {
  const d = DEFAULT_SCENARIO.platform;
  const obj = r.object(root, 'platform', 'platform');
  if (!obj) return { ...d, keepAlive: { ...d.keepAlive }, keepWarm: { ...d.keepWarm } };
  r.unknownKeys(obj, 'platform', FIELDS);
  const path = (key: string) => join('platform', key);
  const count = { min: 1, integer: true };
  return {
    provider: r.oneOf(obj, 'provider', path('provider'), d.provider, PROVIDERS),
    arch: r.oneOf(obj, 'arch', path('arch'), d.arch, ARCHES),
    keepAliveS: r.number(obj, 'keepAliveS', path('keepAliveS'), d.keepAliveS, {
      min: 0,
      unit: 's'
    }),
    keepAlive: readKeepAlive(r, obj),
    reuse: r.oneOf(obj, 'reuse', path('reuse'), d.reuse, REUSE_POLICIES),
    maxConcurrency: r.number(
      obj,
      'maxConcurrency',
      path('maxConcurrency'),
      d.maxConcurrency,
      count
    ),
    instanceConcurrency: r.number(
      obj,
      'instanceConcurrency',
      path('instanceConcurrency'),
      d.instanceConcurrency,
      count
    ),
    provisioned: r.number(obj, 'provisioned', path('provisioned'), d.provisioned, {
      min: 0,
      integer: true
    }),
    placement: r.oneOf(obj, 'placement', path('placement'), d.placement, PLACEMENTS),
    maxLifetimeS: r.numberOrNull(
      obj,
      'maxLifetimeS',
      path('maxLifetimeS'),
      d.maxLifetimeS ?? null,
      {
        min: 0,
        unit: 's',
        note: "(0 = never, null = the provider's)"
      }
    ),
    keepWarm: readKeepWarm(r, obj)
  };
}

function readKeepWarm(r: FieldReader, platform: Loose): KeepWarm {
  const d = DEFAULT_SCENARIO.platform.keepWarm;
  const obj = r.object(platform, 'keepWarm', 'platform.keepWarm');
  if (!obj) return { ...d };
  r.unknownKeys(obj, 'platform.keepWarm', ['everyS', 'concurrency', 'durationMs']);
  const path = (key: string) => join('platform.keepWarm', key);
  return {
    // 0 turns pings off, so it is allowed; any positive period is a schedule.
    everyS: r.number(obj, 'everyS', path('everyS'), d.everyS, {
      min: 0,
      unit: 's',
      note: '(0 = off)'
    }),
    concurrency: r.number(obj, 'concurrency', path('concurrency'), d.concurrency, {
      min: 1,
      integer: true
    }),
    durationMs: r.number(obj, 'durationMs', path('durationMs'), d.durationMs, {
      min: 0,
      minExclusive: true,
      unit: 'ms'
    })
  };
}

/** Hybrid-histogram parameters with their rules; omitted ones take the paper's defaults. */
const HYBRID_FIELDS = {
  rangeMinutes: { min: 0, minExclusive: true, unit: 'min' },
  binMinutes: { min: 0, minExclusive: true, unit: 'min' },
  prewarmPercentile: { min: 0, max: 100 },
  keepAlivePercentile: { min: 0, max: 100 },
  marginFraction: { min: 0, max: 1 },
  minSamples: { min: 0, integer: true },
  cvThreshold: { min: 0 },
  maxOutOfBoundsFraction: { min: 0, max: 1 }
} as const;

function readKeepAlive(r: FieldReader, platform: Loose): KeepAliveSpec {
  const d = DEFAULT_SCENARIO.platform.keepAlive;
  const obj = r.object(platform, 'keepAlive', 'platform.keepAlive');
  if (!obj) return { ...d };
  const path = (key: string) => join('platform.keepAlive', key);
  const policy = r.oneOf(obj, 'policy', path('policy'), d.policy, KEEP_ALIVE_POLICIES);
  if (policy !== 'hybrid-histogram') {
    r.unknownKeys(obj, 'platform.keepAlive', ['policy']);
    return { policy };
  }
  r.unknownKeys(obj, 'platform.keepAlive', ['policy', ...Object.keys(HYBRID_FIELDS)]);
  const spec: KeepAliveSpec = { policy };
  for (const [key, rule] of Object.entries(HYBRID_FIELDS)) {
    if (obj[key] === undefined) continue;
    (spec as Record<string, unknown>)[key] = r.number(obj, key, path(key), Number.NaN, rule);
  }
  if (
    spec.prewarmPercentile !== undefined &&
    spec.keepAlivePercentile !== undefined &&
    spec.prewarmPercentile > spec.keepAlivePercentile
  ) {
    r.fail(
      path('prewarmPercentile'),
      `must not exceed keepAlivePercentile (${spec.keepAlivePercentile}), got ${spec.prewarmPercentile}`
    );
  }
  return spec;
}
