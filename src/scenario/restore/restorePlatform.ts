/** Reads the platform section: provider, arch, keep-alive, reuse, concurrency, provisioned, keep-warm. */
import { ARCHES, PLACEMENTS, PROVIDERS, REUSE_POLICIES } from '../choices.ts';
import { DEFAULT_SCENARIO } from '../defaults.ts';
import type { KeepWarm, PlatformSpec } from '../schema.ts';
import { join, type FieldReader, type Loose } from '../fieldReader.ts';

const FIELDS = [
  'provider',
  'arch',
  'keepAliveS',
  'reuse',
  'maxConcurrency',
  'instanceConcurrency',
  'provisioned',
  'placement',
  'keepWarm'
];

/** Provider-dependent bounds (instance concurrency, provisioned support) are checked in restore.ts. */
export function readPlatform(r: FieldReader, root: Loose): PlatformSpec {
  const d = DEFAULT_SCENARIO.platform;
  const obj = r.object(root, 'platform', 'platform');
  if (!obj) return { ...d, keepWarm: { ...d.keepWarm } };
  r.unknownKeys(obj, 'platform', FIELDS);
  const path = (key: string) => join('platform', key);
  const count = { min: 1, integer: true };
  return {
    provider: r.oneOf(obj, 'provider', path('provider'), d.provider, PROVIDERS),
    arch: r.oneOf(obj, 'arch', path('arch'), d.arch, ARCHES),
    keepAliveS: r.number(obj, 'keepAliveS', path('keepAliveS'), d.keepAliveS, { min: 0, unit: 's' }),
    reuse: r.oneOf(obj, 'reuse', path('reuse'), d.reuse, REUSE_POLICIES),
    maxConcurrency: r.number(obj, 'maxConcurrency', path('maxConcurrency'), d.maxConcurrency, count),
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
    everyS: r.number(obj, 'everyS', path('everyS'), d.everyS, { min: 0, unit: 's', note: '(0 = off)' }),
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
