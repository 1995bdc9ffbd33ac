/** Reads the traffic section: its kind and that kind's fields, defaults per kind. */
import { TRAFFIC_KINDS } from '../choices.ts';
import { DEFAULT_SCENARIO, DEFAULT_TRAFFIC } from '../defaults.ts';
import type { Traffic, TrafficKind } from '../schema.ts';
import { fmt, join, type FieldReader, type Loose, type NumberRule } from '../fieldReader.ts';


const TRAFFIC_FIELDS: { readonly [K in TrafficKind]: readonly string[] } = {
  constant: ['ratePerS'],
  poisson: ['ratePerS'],
  diurnal: ['meanRatePerS', 'peakToMean', 'peakHourUtc'],
  bursts: ['baseRatePerS', 'burstRatePerS', 'burstEveryS', 'burstLengthS', 'burstOffsetS']
};

const RATE: NumberRule = { min: 0, unit: 'requests/s' };
const POSITIVE_S: NumberRule = { min: 0, minExclusive: true, unit: 's' };
const NON_NEGATIVE_S: NumberRule = { min: 0, unit: 's' };
/**
 * The von Mises daily cycle gets sharper than the engine's κ solver resolves well far above this;
 * a peak that sharp is a burst, so 'bursts' describes it better.
 */
export const MAX_PEAK_TO_MEAN = 100;

export function readTraffic(r: FieldReader, root: Loose): Traffic {
  const obj = r.object(root, 'traffic', 'traffic');
  if (!obj) return { ...DEFAULT_SCENARIO.traffic };
  const kind = readKind(r, obj);
  if (!kind) return { ...DEFAULT_SCENARIO.traffic };
  r.unknownKeys(obj, 'traffic', ['kind', ...TRAFFIC_FIELDS[kind]], ` for traffic kind '${kind}'`);
  // The scenario default when the kind is the default one, else that kind's own defaults.
  const base: Traffic = kind === DEFAULT_SCENARIO.traffic.kind ? DEFAULT_SCENARIO.traffic : DEFAULT_TRAFFIC[kind];
  const num = (key: string, fallback: number, rule: NumberRule): number =>
    r.number(obj, key, join('traffic', key), fallback, rule);

  switch (base.kind) {
    case 'constant':
    case 'poisson':
      return { kind: base.kind, ratePerS: num('ratePerS', base.ratePerS, RATE) };
    case 'diurnal':
      return {
        kind: 'diurnal',
        meanRatePerS: num('meanRatePerS', base.meanRatePerS, RATE),
        peakToMean: num('peakToMean', base.peakToMean, { min: 1, max: MAX_PEAK_TO_MEAN }),
        peakHourUtc: num('peakHourUtc', base.peakHourUtc, { min: 0, max: 24, maxExclusive: true, unit: 'h' })
      };
    case 'bursts': {
      const traffic = {
        kind: 'bursts' as const,
        baseRatePerS: num('baseRatePerS', base.baseRatePerS, RATE),
        burstRatePerS: num('burstRatePerS', base.burstRatePerS, RATE),
        burstEveryS: num('burstEveryS', base.burstEveryS, POSITIVE_S),
        burstLengthS: num('burstLengthS', base.burstLengthS, NON_NEGATIVE_S),
        burstOffsetS: num('burstOffsetS', base.burstOffsetS ?? 0, NON_NEGATIVE_S)
      };
      if (r.allValid('traffic.burstEveryS', 'traffic.burstLengthS') && traffic.burstLengthS > traffic.burstEveryS) {
        r.fail(
          'traffic.burstLengthS',
          `must be ≤ burstEveryS (${fmt(traffic.burstEveryS)} s), got ${fmt(traffic.burstLengthS)}`
        );
      }
      return traffic;
    }
  }
}

/**
 * The traffic kind: given, or the default one. A missing kind next to another kind's fields is an
 * error, since running the default kind would silently drop what the user wrote.
 */
function readKind(r: FieldReader, obj: Loose): TrafficKind | null {
  const fallback = DEFAULT_SCENARIO.traffic.kind;
  if (obj.kind === undefined) {
    const foreign = Object.keys(obj).filter((k) => !TRAFFIC_FIELDS[fallback].includes(k));
    const owner = TRAFFIC_KINDS.find((k) => foreign.some((f) => TRAFFIC_FIELDS[k].includes(f)));
    if (owner) {
      r.fail('traffic.kind', `is required with ${foreign.join(', ')} (fields of kind '${owner}')`);
      return null;
    }
  }
  const kind = r.oneOf(obj, 'kind', 'traffic.kind', fallback, TRAFFIC_KINDS);
  return r.allValid('traffic.kind') ? kind : null;
}
