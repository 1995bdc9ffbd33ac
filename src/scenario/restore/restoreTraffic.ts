/** Reads the traffic section: its kind and that kind's fields, defaults per kind. */
import { SELECTION_MODES, TRACE_FORMATS, TRAFFIC_KINDS } from '../choices.ts';
import { DEFAULT_SCENARIO, DEFAULT_TRAFFIC } from '../defaults.ts';
import type { FunctionSelection, TraceFileRef, Traffic, TrafficKind } from '../schema.ts';
import { fmt, join, type FieldReader, type Loose, type NumberRule } from '../fieldReader.ts';

const TRAFFIC_FIELDS: { readonly [K in TrafficKind]: readonly string[] } = {
  constant: ['ratePerS'],
  poisson: ['ratePerS'],
  diurnal: ['meanRatePerS', 'peakToMean', 'peakHourUtc'],
  bursts: ['baseRatePerS', 'burstRatePerS', 'burstEveryS', 'burstLengthS', 'burstOffsetS'],
  trace: ['file', 'durationsFile', 'memoryFile', 'format', 'select', 'useTraceDurations', 'inline']
};

/** A trace small enough to ride in a link: its text, at most this many characters. */
export const MAX_INLINE_TRACE_CHARS = 256 * 1024;

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
  const base: Traffic =
    kind === DEFAULT_SCENARIO.traffic.kind ? DEFAULT_SCENARIO.traffic : DEFAULT_TRAFFIC[kind];
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
        peakHourUtc: num('peakHourUtc', base.peakHourUtc, {
          min: 0,
          max: 24,
          maxExclusive: true,
          unit: 'h'
        })
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
      if (
        r.allValid('traffic.burstEveryS', 'traffic.burstLengthS') &&
        traffic.burstLengthS > traffic.burstEveryS
      ) {
        r.fail(
          'traffic.burstLengthS',
          `must be ≤ burstEveryS (${fmt(traffic.burstEveryS)} s), got ${fmt(traffic.burstLengthS)}`
        );
      }
      return traffic;
    }
    case 'trace':
      return readTrace(r, obj, base);
  }
}

function readTrace(r: FieldReader, obj: Loose, base: Extract<Traffic, { kind: 'trace' }>): Traffic {
  const file = readFileRef(r, obj, 'file', true) ?? base.file;
  const select = readSelection(r, obj);
  const inline = obj.inline;
  if (inline !== undefined && inline !== null) {
    if (typeof inline !== 'string')
      r.fail('traffic.inline', `must be the trace's text or null, got ${typeof inline}`);
    else if (inline.length > MAX_INLINE_TRACE_CHARS) {
      r.fail(
        'traffic.inline',
        `must be at most ${MAX_INLINE_TRACE_CHARS.toLocaleString('en-US')} characters, got ${inline.length.toLocaleString('en-US')}; supply the file instead`
      );
    }
  }
  return {
    kind: 'trace',
    file,
    durationsFile: readFileRef(r, obj, 'durationsFile', false),
    memoryFile: readFileRef(r, obj, 'memoryFile', false),
    format: r.oneOf(obj, 'format', 'traffic.format', base.format, TRACE_FORMATS),
    select,
    useTraceDurations: r.boolean(
      obj,
      'useTraceDurations',
      'traffic.useTraceDurations',
      base.useTraceDurations
    ),
    inline: typeof inline === 'string' ? inline : null
  };
}

/** A trace file reference: { name, sizeBytes, sha256 }; a bare string is taken as the name. */
function readFileRef(
  r: FieldReader,
  obj: Loose,
  key: string,
  required: boolean
): TraceFileRef | null {
  const path = join('traffic', key);
  const value = obj[key];
  if (value === undefined || value === null) {
    if (required && (obj.inline === undefined || obj.inline === null))
      r.fail(path, 'is required: the trace file ({ "name": … }) or inline text');
    return null;
  }
  if (typeof value === 'string') return { name: value, sizeBytes: null, sha256: null };
  const ref = r.object(obj, key, path);
  if (!ref) return null;
  r.unknownKeys(ref, path, ['name', 'sizeBytes', 'sha256']);
  const name = ref.name;
  if (typeof name !== 'string' || name.length === 0)
    r.fail(join(path, 'name'), 'must be a non-empty file name');
  const sizeBytes =
    ref.sizeBytes === undefined || ref.sizeBytes === null
      ? null
      : r.number(ref, 'sizeBytes', join(path, 'sizeBytes'), 0, { min: 0, integer: true });
  const sha = ref.sha256;
  if (
    sha !== undefined &&
    sha !== null &&
    (typeof sha !== 'string' || !/^[0-9a-f]{64}$/i.test(sha))
  ) {
    r.fail(join(path, 'sha256'), 'must be 64 hex digits (a SHA-256) or null');
  }
  return {
    name: typeof name === 'string' ? name : '',
    sizeBytes,
    sha256: typeof sha === 'string' ? sha.toLowerCase() : null
  };
}

function readSelection(r: FieldReader, obj: Loose): FunctionSelection {
  if (obj.select === undefined) return { mode: 'all' };
  const sel = r.object(obj, 'select', 'traffic.select');
  if (!sel) return { mode: 'all' };
  const mode = r.oneOf(sel, 'mode', 'traffic.select.mode', 'all', SELECTION_MODES);
  switch (mode) {
    case 'all':
      r.unknownKeys(sel, 'traffic.select', ['mode']);
      return { mode };
    case 'one': {
      r.unknownKeys(sel, 'traffic.select', ['mode', 'id']);
      if (typeof sel.id !== 'string' || sel.id.length === 0)
        r.fail('traffic.select.id', 'must name a function (id or app/id)');
      return { mode, id: typeof sel.id === 'string' ? sel.id : '' };
    }
    case 'top':
      r.unknownKeys(sel, 'traffic.select', ['mode', 'n']);
      return { mode, n: r.number(sel, 'n', 'traffic.select.n', 10, { min: 1, integer: true }) };
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
