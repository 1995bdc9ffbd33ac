import { describe, expect, it } from 'vitest';
import { createSource } from '../../../src/engine/rng.ts';
import { applyAzure2019Extras } from '../../../src/engine/traces/applyAzure2019Extras.ts';
import { createAzure2019DurationsParser } from '../../../src/engine/traces/createAzure2019DurationsParser.ts';
import { createAzure2019MemoryParser } from '../../../src/engine/traces/createAzure2019MemoryParser.ts';
import { createTraceParser } from '../../../src/engine/traces/createTraceParser.ts';
import { countsCursor } from '../../../src/engine/traces/expandCounts.ts';
import type { Trace, TraceFunction } from '../../../src/engine/traces/traceModel.ts';
import { assertInDelta } from '../../helpers.ts';
import { csvRows, parseInChunks, readTrace } from './chunks.ts';

const HOT = 'azure2019/single_hot_function_day/';
const FN500 = 'azure2019/invitro_500fn_8h/';
const AZ2021 = 'azure2021/AzureFunctionsInvocationTrace2021_first998.csv';

function counts(f: TraceFunction): Uint32Array {
  if (f.arrivals.kind !== 'counts') throw new Error('expected counts');
  return f.arrivals.counts;
}
function times(f: TraceFunction): Float64Array {
  if (f.arrivals.kind !== 'times') throw new Error('expected times');
  return f.arrivals.timesS;
}

/** Every arrival of a counts function lands in its own interval, and there are counts[i] of them. */
function expectArrivalsInsideIntervals(f: TraceFunction, seed: number): void {
  const c = counts(f);
  const cursor = countsCursor(c, 60, createSource(seed, 1));
  const seen = new Uint32Array(c.length);
  let last = -Infinity;
  let outside = 0;
  let unsorted = 0;
  for (let t = cursor.next(); t !== Infinity; t = cursor.next()) {
    const i = Math.floor(t / 60);
    if (i < 0 || i >= c.length) outside++;
    else seen[i]++;
    if (t < last) unsorted++;
    last = t;
  }
  expect(outside).toBe(0);
  expect(unsorted).toBe(0);
  expect(seen).toEqual(c);
}

describe('sample traces in ../shared/data/traces', () => {
  it('azure2019 single hot function: 20,820,188 invocations over 1,440 minutes, arrivals inside each minute', () => {
    const text = readTrace(HOT + 'invocations.csv');
    const trace = parseInChunks(createTraceParser(), text);
    expect(trace.format).toBe('azure2019');
    expect(trace.functions.length).toBe(1);
    // README §2a: 20,820,188 invocations in the day.
    expect(trace.invocations).toBe(20_820_188);
    const f = trace.functions[0];
    const row = csvRows(text)[1];
    expect(f.id).toBe(row[2]);
    expect(f.trigger).toBe('event');
    expect(Array.from(counts(f))).toEqual(row.slice(4).map(Number));
    expect(trace.startS).toBe(0); // minute 1 starts at 00:00
    expect(trace.durationS).toBe(86_400);
    expectArrivalsInsideIntervals(f, 7);
  });

  it('azure2019 invitro 500 functions: 3,037,902 invocations, each function its row sum, minutes 480..959', () => {
    const text = readTrace(FN500 + 'invocations.csv');
    const trace = parseInChunks(createTraceParser(), text);
    // README §2b: 500 functions, 3,037,902 invocations.
    expect(trace.functions.length).toBe(500);
    expect(trace.invocations).toBe(3_037_902);
    const rows = csvRows(text).slice(1);
    trace.functions.forEach((f, i) => {
      const expected = rows[i].slice(4).reduce((a, b) => a + Number(b), 0);
      expect(f.invocations).toBe(expected);
      expect(counts(f).reduce((a, b) => a + b, 0)).toBe(expected);
    });
    const triggers = new Map<string, number>();
    for (const f of trace.functions)
      triggers.set(f.trigger ?? '', (triggers.get(f.trigger ?? '') ?? 0) + 1);
    // README §2b trigger counts.
    expect(Object.fromEntries(triggers)).toEqual({
      timer: 247,
      http: 139,
      queue: 69,
      orchestration: 25,
      event: 14,
      storage: 5,
      others: 1
    });
    expect(trace.startS).toBe(479 * 60); // column "480" covers [479, 480) min in the 1-based schema
    expect(trace.durationS).toBe(480 * 60);
    for (const [i, f] of trace.functions.entries()) expectArrivalsInsideIntervals(f, i + 1);
  });

  it('azure2019 durations and memory files join onto the invocations (percentile dist, MB)', () => {
    const hot = parseInChunks(createTraceParser(), readTrace(HOT + 'invocations.csv'));
    const d = parseInChunks(createAzure2019DurationsParser(), readTrace(HOT + 'durations.csv'));
    const m = parseInChunks(createAzure2019MemoryParser(), readTrace(HOT + 'memory.csv'));
    const f = applyAzure2019Extras(hot, d, m).functions[0];
    // README §2a: weighted percentiles p0..p100 = 2,2,3,4,5,11,453 ms; app memory average 213 MB.
    expect(f.duration).toEqual({
      dist: 'percentiles',
      p: [0, 1, 25, 50, 75, 99, 100],
      ms: [2, 2, 3, 4, 5, 11, 453]
    });
    expect(f.memoryMb).toBe(213);
    expect(m.scope).toBe('function'); // invitro added a HashFunction column

    const t500 = parseInChunks(createTraceParser(), readTrace(FN500 + 'invocations.csv'));
    const joined = applyAzure2019Extras(
      t500,
      parseInChunks(createAzure2019DurationsParser(), readTrace(FN500 + 'durations.csv')),
      parseInChunks(createAzure2019MemoryParser(), readTrace(FN500 + 'memory.csv'))
    );
    // README §2b: only functions present in all three files were kept, so all 500 match.
    expect(joined.functions.filter((f) => f.duration !== undefined).length).toBe(500);
    expect(joined.functions.filter((f) => f.memoryMb !== undefined).length).toBe(500);
    const avgMemory = joined.functions.map((f) => f.memoryMb ?? 0).sort((a, b) => a - b);
    // README §2b: median per-function average memory 57.5 MB (even count: mean of the middle two).
    assertInDelta((avgMemory[249] + avgMemory[250]) / 2, 57.5, 0.05, 'median memory');
  });

  it('azure2021 first 998 rows: 998 invocations of 49 (app, func) pairs, arrival = end − duration, sorted', () => {
    const text = readTrace(AZ2021);
    const trace = parseInChunks(createTraceParser(), text);
    expect(trace.format).toBe('azure2021');
    // README §1: 998 invocations, 49 (app,func) pairs.
    expect(trace.invocations).toBe(998);
    expect(trace.functions.length).toBe(49);
    const rows = csvRows(text).slice(1);
    const perPair = new Map<string, number[]>();
    for (const r of rows) {
      const key = `${r[0]}/${r[1]}`;
      perPair.set(key, [...(perPair.get(key) ?? []), Number(r[2]) - Number(r[3])]);
    }
    for (const f of trace.functions) {
      const expected = (perPair.get(`${f.app}/${f.id}`) ?? []).sort((a, b) => a - b);
      expect(f.invocations).toBe(expected.length);
      const got = times(f);
      expected.forEach((t, i) => assertInDelta(got[i], t, 1e-9, 'arrival'));
      expect(f.durationsMs?.length).toBe(expected.length);
    }
    // README §1: end_timestamp up to 6,485 s.
    assertInDelta(trace.durationS, 6485, 1, 'durationS');
    expect(trace.notes[0]).toMatch(/already in arrival order/);
  });

  it('parsing in 7-character or 4096-character chunks gives the same trace as one chunk', () => {
    const cases: [string, () => ReturnType<typeof createTraceParser>][] = [
      [HOT + 'invocations.csv', createTraceParser],
      [FN500 + 'invocations.csv', createTraceParser],
      [AZ2021, createTraceParser]
    ];
    for (const [path, make] of cases) {
      const text = readTrace(path);
      const whole: Trace = parseInChunks(make(), text);
      for (const size of [7, 4096]) expect(parseInChunks(make(), text, size)).toEqual(whole);
      // Windows line endings split across chunks: same trace.
      expect(parseInChunks(make(), text.replace(/\n/g, '\r\n'), 7)).toEqual(whole);
    }
    const durations = readTrace(FN500 + 'durations.csv');
    expect(parseInChunks(createAzure2019DurationsParser(), durations, 7)).toEqual(
      parseInChunks(createAzure2019DurationsParser(), durations)
    );
    const memory = readTrace(FN500 + 'memory.csv');
    expect(parseInChunks(createAzure2019MemoryParser(), memory, 7)).toEqual(
      parseInChunks(createAzure2019MemoryParser(), memory)
    );
  });
});
