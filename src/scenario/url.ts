/**
 * The scenario link codec, the only one (STYLE §4): scenario (+ pinned comparison, + view) ⇄ URL
 * fragment. Versioned JSON → deflate → base64url without '='; decoding always ends in restoreScenario.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { DEFAULT_SCENARIO, DEFAULT_TRAFFIC } from './defaults.ts';
import { isPlainObject } from './fieldReader.ts';
import { restoreScenario, type RestoreResult } from './restore.ts';
import type { Scenario, ScenarioInput, TraceFileRef } from './schema.ts';

/** Version of the link envelope `{ v, s, a? }` (the scenario inside carries its own `version`). */
export const LINK_FORMAT = 1;
/** Longest fragment decoded, characters: about 300 KB of compressed data, room for two inline traces. */
export const MAX_FRAGMENT_CHARS = 400_000;
/** Largest inflated JSON, bytes: two scenarios with the largest inline traces restore accepts. */
export const MAX_LINK_JSON_BYTES = 2_000_000;
/** A trace's text rides in a link only up to this many compressed bytes; larger ones are named, not carried. */
export const MAX_INLINE_TRACE_COMPRESSED_BYTES = 64 * 1024;

/** Charts a link (or an embed) can show, in page order. */
export const CHART_IDS = ['latency', 'cost', 'timeline', 'memory', 'breakeven'] as const;
export type ChartId = (typeof CHART_IDS)[number];

/** How a link asks to be shown: the embed mode and its charts. */
export interface LinkView {
  /** Embed mode: no editor, only the charts. Default false. */
  embed?: boolean;
  /** Charts to show, in this order; absent = the page's default. */
  charts?: ChartId[];
}

export interface EncodeOptions {
  /** Omit every field equal to its default (DEFAULT_SCENARIO). Default false. */
  short?: boolean;
  /** A pinned scenario A to compare against; travels in the same link. */
  compare?: Scenario | null;
  /** Embed mode and charts, written in plain text before the data so people can edit them. */
  view?: LinkView;
}

export type DecodeResult =
  | {
      ok: true;
      scenario: Scenario;
      /** The pinned scenario A, when the link carries a comparison. */
      compare?: Scenario;
      view?: LinkView;
      /** False when the fragment held no scenario (the default scenario is returned). */
      fromLink: boolean;
      warnings: string[];
    }
  | { ok: false; message: string };

/** encodeScenario(scenario, options) → a fragment without '#', e.g. 'embed&charts=cost&s=eJyr…'. */
export function encodeScenario(scenario: Scenario, options: EncodeOptions = {}): string {
  const short = options.short ?? false;
  const envelope: { v: number; s: unknown; a?: unknown } = {
    v: LINK_FORMAT,
    s: forLink(scenario, short)
  };
  if (options.compare) envelope.a = forLink(options.compare, short);
  const data = toBase64Url(deflateSync(strToU8(JSON.stringify(envelope)), { level: 9 }));
  const parts: string[] = [];
  if (options.view?.embed) parts.push('embed');
  if (options.view?.charts) parts.push(`charts=${options.view.charts.join(',')}`);
  parts.push(`s=${data}`);
  return parts.join('&');
}

/** The little of a browser window the link functions touch (this module compiles without DOM types). */
export interface LinkWindow {
  location: { hash: string; href: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url: string): void };
}

const browser = (): LinkWindow | null => {
  const g = globalThis as unknown as Partial<LinkWindow>;
  return g.location && g.history ? (g as LinkWindow) : null;
};

/** The page's own fragment, without '#' ('' outside a browser). The one place that reads location.hash. */
export function locationFragment(win: LinkWindow | null = browser()): string {
  return win ? win.location.hash.replace(/^#/, '') : '';
}

/**
 * Writes a fragment to the address bar with replaceState: no history entry, no hashchange event,
 * no request. The one place that writes the URL.
 */
export function writeLocationFragment(fragment: string, win: LinkWindow | null = browser()): void {
  if (!win || locationFragment(win) === fragment) return;
  win.history.replaceState(win.history.state, '', `#${fragment}`);
}

/** The whole link for a fragment: this page's address (or `base`) with the fragment replaced. */
export function linkFor(fragment: string, base: string = browser()?.location.href ?? ''): string {
  const hash = base.indexOf('#');
  return `${hash < 0 ? base : base.slice(0, hash)}#${fragment}`;
}

/** The trace file a scenario needs and its link does not carry, or null. */
export function traceFileNeeded(scenario: Scenario): TraceFileRef | null {
  const t = scenario.traffic;
  if (t.kind !== 'trace') return null;
  return t.inline !== null && inlineFits(t.inline) ? null : t.file;
}

/** Whether a fragment (or whole URL) carries a scenario at all. */
export function fragmentHasScenario(input: string): boolean {
  return splitParts(fragmentOf(input)).some((p) => p.startsWith('s='));
}

/**
 * decodeFragment(fragment) reads a fragment, with or without '#', or a whole link. It never throws:
 * anything unreadable gives `{ ok: false, message }` saying what is wrong with the link.
 */
export function decodeFragment(input: string): DecodeResult {
  try {
    return decode(fragmentOf(typeof input === 'string' ? input : ''));
  } catch (error) {
    // Every known failure is handled below; this keeps the promise for what is not known.
    return {
      ok: false,
      message: `This link could not be read (${error instanceof Error ? error.message : String(error)}).`
    };
  }
}

function decode(fragment: string): DecodeResult {
  if (fragment.length > MAX_FRAGMENT_CHARS) {
    return fail(
      `it is ${fragment.length.toLocaleString('en-US')} characters long; links hold at most ${MAX_FRAGMENT_CHARS.toLocaleString('en-US')}`
    );
  }
  const warnings: string[] = [];
  const view: LinkView = {};
  let data: string | null = null;
  for (const part of splitParts(fragment)) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    if (key === 's') data = value;
    else if (key === 'embed') view.embed = true;
    else if (key === 'charts') view.charts = readCharts(value, warnings);
    else warnings.push(`link part "${shorten(part)}" is not known to this version, ignored`);
  }
  const withView = Object.keys(view).length > 0 ? { view } : {};
  if (data === null)
    return {
      ok: true,
      scenario: structuredCloneScenario(DEFAULT_SCENARIO),
      fromLink: false,
      warnings,
      ...withView
    };

  const bytes = fromBase64Url(data);
  if (typeof bytes === 'string') return fail(bytes);
  const json = inflateLimited(bytes);
  if (json.error !== undefined) return fail(json.error);
  let envelope: unknown;
  try {
    envelope = JSON.parse(json.text);
  } catch {
    return fail('its data is not valid JSON (the link is damaged)');
  }
  if (!isPlainObject(envelope)) return fail('its data is not a Coldstart link');
  const v = envelope.v;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    return fail(
      `its link format must be a whole number ≥ 1, got ${JSON.stringify(v) ?? 'nothing'}`
    );
  if (v > LINK_FORMAT)
    return fail(
      `it was made by a newer Coldstart (link format ${v}; this version reads ${LINK_FORMAT}); open it in the current Coldstart`
    );

  const b = restoreScenario(envelope.s ?? null);
  if (!b.ok) return fail(`its scenario is invalid: ${describeErrors(b)}`);
  warnings.push(...b.warnings);
  const result: DecodeResult = {
    ok: true,
    scenario: b.scenario,
    fromLink: true,
    warnings,
    ...withView
  };
  if (envelope.a !== undefined && envelope.a !== null) {
    const a = restoreScenario(envelope.a);
    if (a.ok) {
      result.compare = a.scenario;
      warnings.push(...a.warnings.map((w) => `pinned scenario A: ${w}`));
    } else {
      warnings.push(
        `the pinned scenario A could not be read (${describeErrors(a)}); opened without the comparison`
      );
    }
  }
  return result;
}

/** The scenario as it goes into a link: short (defaults omitted) or whole, big inline traces left out. */
function forLink(scenario: Scenario, short: boolean): unknown {
  let s: Scenario = scenario;
  if (s.traffic.kind === 'trace' && s.traffic.inline !== null && !inlineFits(s.traffic.inline)) {
    s = { ...s, traffic: { ...s.traffic, inline: null } };
  }
  return short ? toShortScenario(s) : s;
}

function inlineFits(text: string): boolean {
  return deflateSync(strToU8(text), { level: 9 }).length <= MAX_INLINE_TRACE_COMPRESSED_BYTES;
}

/**
 * toShortScenario(scenario) keeps `version` and each field that differs from its default. Objects
 * with a discriminator (kind, dist, policy, mode) of a different value are kept whole, since
 * restore takes missing fields from the default only when the discriminator matches.
 */
export function toShortScenario(scenario: Scenario): ScenarioInput {
  const out = (diff(scenario, DEFAULT_SCENARIO) ?? {}) as Record<string, unknown>;
  const t = scenario.traffic;
  if (t.kind !== DEFAULT_SCENARIO.traffic.kind) {
    // A non-default kind is read against that kind's own defaults (restoreTraffic.ts).
    out.traffic = { kind: t.kind, ...(diff(t, DEFAULT_TRAFFIC[t.kind]) as object | undefined) };
  }
  return { version: scenario.version, ...out } as ScenarioInput;
}

const DISCRIMINATORS = ['kind', 'dist', 'policy', 'mode'];

/** The part of `value` that differs from `base`, or undefined when they are equal. */
function diff(value: unknown, base: unknown): unknown {
  if (sameJson(value, base)) return undefined;
  if (!isPlainObject(value) || !isPlainObject(base)) return value;
  if (DISCRIMINATORS.some((k) => k in value && value[k] !== base[k])) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const d = diff(v, base[key]);
    if (d !== undefined) out[key] = d;
  }
  // A discriminated object keeps its discriminator so it reads alone.
  for (const k of DISCRIMINATORS) if (k in value && Object.keys(out).length > 0) out[k] = value[k];
  return Object.keys(out).length > 0 ? out : undefined;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameJson(a[k], b[k]));
  }
  return false;
}

function readCharts(value: string, warnings: string[]): ChartId[] {
  const charts: ChartId[] = [];
  for (const id of value.split(',').filter(Boolean)) {
    if ((CHART_IDS as readonly string[]).includes(id)) charts.push(id as ChartId);
    else warnings.push(`chart "${shorten(id)}" is not one of ${CHART_IDS.join(', ')}, ignored`);
  }
  return charts;
}

/** The fragment of a whole link, or the input itself without a leading '#'. */
function fragmentOf(input: string): string {
  const hash = input.indexOf('#');
  if (hash >= 0) return input.slice(hash + 1).trim();
  // A link without '#' has no fragment; anything else is taken as a bare fragment.
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input.trim()) ? '' : input.trim();
}

function splitParts(fragment: string): string[] {
  return fragment.split('&').filter((p) => p.length > 0);
}

function fail(reason: string): DecodeResult {
  return { ok: false, message: `This link could not be read: ${reason}.` };
}

function describeErrors(r: Extract<RestoreResult, { ok: false }>): string {
  const [first, ...rest] = r.errors;
  const head = first ? `${first.path || 'scenario'} ${first.message}` : 'unknown error';
  return rest.length ? `${head} (and ${rest.length} more)` : head;
}

function shorten(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

function structuredCloneScenario(s: Scenario): Scenario {
  return JSON.parse(JSON.stringify(s)) as Scenario;
}

/** Inflates at most MAX_LINK_JSON_BYTES, feeding small chunks so a zip bomb stops early. */
function inflateLimited(
  bytes: Uint8Array
): { text: string; error?: undefined } | { text?: undefined; error: string } {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooBig = false;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > MAX_LINK_JSON_BYTES) tooBig = true;
    else chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    const step = 1024;
    for (let i = 0; i < bytes.length && !tooBig; i += step) {
      const end = Math.min(bytes.length, i + step);
      inflater.push(bytes.subarray(i, end), end === bytes.length);
    }
  } catch {
    return { error: 'its data is damaged or cut short (it does not decompress)' };
  }
  if (tooBig)
    return {
      error: `its data expands beyond ${MAX_LINK_JSON_BYTES.toLocaleString('en-US')} bytes`
    };
  if (!ended) return { error: 'its data is cut short' };
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return { text: strFromU8(all) };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Base64url without '=' padding (RFC 4648 §5); written here because the engine lib has no btoa. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** The bytes of a base64url string, or why it is not one. Tolerates '=' padding and '+', '/'. */
export function fromBase64Url(text: string): Uint8Array | string {
  const clean = text.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const bad = [...clean].find((c) => !INDEX.has(c));
  if (bad !== undefined)
    return `its data has a character that base64url does not use: ${JSON.stringify(bad)}`;
  if (clean.length % 4 === 1)
    return 'its data is cut short (a base64url length cannot end with one odd character)';
  if (clean.length === 0) return 'its data is empty';
  const out = new Uint8Array(Math.floor((clean.length * 6) / 8));
  let bits = 0;
  let acc = 0;
  let at = 0;
  for (const c of clean) {
    acc = ((acc << 6) | INDEX.get(c)!) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (acc >> bits) & 255;
    }
  }
  return out;
}
