/** Reads the billing and always-on sections. */
import { LAMBDA_EPHEMERAL_MB } from '../../engine/platform/limits.ts';
import { API_GATEWAYS, CLOUD_RUN_BILLING } from '../choices.ts';
import { DEFAULT_SCENARIO } from '../defaults.ts';
import type { AlwaysOnSpec, BillingSpec } from '../schema.ts';
import { describe, join, type FieldReader, type Loose } from '../fieldReader.ts';

/** Longest month, h (31 days); monthly projections beyond it are a typo. */
const MAX_MONTH_HOURS = 744;

export function readBilling(r: FieldReader, root: Loose): BillingSpec {
  const d = DEFAULT_SCENARIO.billing;
  const obj = r.object(root, 'billing', 'billing');
  if (!obj) return { ...d };
  r.unknownKeys(obj, 'billing', Object.keys(d));
  const path = (key: string) => join('billing', key);
  return {
    freeTier: r.boolean(obj, 'freeTier', path('freeTier'), d.freeTier),
    granularityMs: r.numberOrNull(obj, 'granularityMs', path('granularityMs'), d.granularityMs, {
      min: 1,
      integer: true,
      unit: 'ms'
    }),
    billInit: r.booleanOrNull(obj, 'billInit', path('billInit'), d.billInit),
    apiGateway: r.oneOf(obj, 'apiGateway', path('apiGateway'), d.apiGateway, API_GATEWAYS),
    ephemeralMb: r.number(obj, 'ephemeralMb', path('ephemeralMb'), d.ephemeralMb, {
      min: LAMBDA_EPHEMERAL_MB.min,
      max: LAMBDA_EPHEMERAL_MB.max,
      integer: true,
      unit: 'MB'
    }),
    monthHours: r.number(obj, 'monthHours', path('monthHours'), d.monthHours, {
      min: 0,
      minExclusive: true,
      max: MAX_MONTH_HOURS,
      unit: 'h'
    }),
    cloudRunBilling: r.oneOf(
      obj,
      'cloudRunBilling',
      path('cloudRunBilling'),
      d.cloudRunBilling ?? 'request',
      CLOUD_RUN_BILLING
    ),
    vcpu: readVcpu(r, obj, d.vcpu ?? null)
  };
}

/** Cloud Run CPU limits: a fraction of one vCPU, or a whole 1, 2, 4, 6 or 8 (see platform/cpu.ts). */
const WHOLE_VCPUS = [1, 2, 4, 6, 8];

function readVcpu(r: FieldReader, obj: Loose, fallback: number | null): number | null {
  const path = 'billing.vcpu';
  const vcpu = r.numberOrNull(obj, 'vcpu', path, fallback, { min: 0, minExclusive: true, max: 8 });
  if (vcpu !== null && vcpu > 1 && !WHOLE_VCPUS.includes(vcpu) && r.allValid(path)) {
    r.fail(
      path,
      `must be null, at most 1, or one of ${WHOLE_VCPUS.join(', ')}, got ${describe(vcpu)}`
    );
  }
  return vcpu;
}

/** 'kind:name', e.g. 'ec2:t4g.small' or 'fargate:1vcpu-2gb-arm64'. */
const ALWAYS_ON_ID = /^[a-z][a-z0-9-]*:[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** readAlwaysOn(r, root, isKnown) checks each option's 'kind:name' shape and that `isKnown(id)`. */
export function readAlwaysOn(
  r: FieldReader,
  root: Loose,
  isKnown: (id: string) => boolean
): AlwaysOnSpec {
  const d = DEFAULT_SCENARIO.alwaysOn;
  const obj = r.object(root, 'alwaysOn', 'alwaysOn');
  if (!obj) return { ...d, options: d.options.slice() };
  r.unknownKeys(obj, 'alwaysOn', ['options', 'targetUtilization', 'minInstances']);
  const path = (key: string) => join('alwaysOn', key);
  return {
    options: readOptions(r, obj, isKnown) ?? d.options.slice(),
    targetUtilization: r.number(
      obj,
      'targetUtilization',
      path('targetUtilization'),
      d.targetUtilization,
      {
        min: 0,
        minExclusive: true,
        max: 1
      }
    ),
    // A fleet of zero servers serves nothing, so the comparison needs at least one.
    minInstances: r.number(obj, 'minInstances', path('minInstances'), d.minInstances, {
      min: 1,
      integer: true
    })
  };
}

function readOptions(
  r: FieldReader,
  obj: Loose,
  isKnown: (id: string) => boolean
): string[] | null {
  const value = obj.options;
  if (value === undefined) return null;
  r.markGiven('alwaysOn.options');
  if (!Array.isArray(value)) {
    r.fail(
      'alwaysOn.options',
      `must be an array of ids like "ec2:t4g.small", got ${describe(value)}`
    );
    return null;
  }
  const options: string[] = [];
  value.forEach((id: unknown, i) => {
    if (typeof id !== 'string' || !ALWAYS_ON_ID.test(id)) {
      r.fail(
        'alwaysOn.options',
        `[${i}] must be an id of the form "kind:name", got ${describe(id)}`
      );
    } else if (!isKnown(id)) {
      r.fail('alwaysOn.options', `[${i}] ${JSON.stringify(id)} is not in the always-on catalog`);
    } else {
      options.push(id);
    }
  });
  return options;
}
