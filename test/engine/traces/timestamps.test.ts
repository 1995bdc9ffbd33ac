import { describe, expect, it } from 'vitest';
import {
  createTimestampsParser,
  detectTimeUnit
} from '../../../src/engine/traces/createTimestampsParser.ts';
import { createTraceParser } from '../../../src/engine/traces/createTraceParser.ts';
import { parseIsoTimestamp } from '../../../src/engine/traces/parseIsoTimestamp.ts';
import type { Trace } from '../../../src/engine/traces/traceModel.ts';
import { assertInDelta } from '../../helpers.ts';
import { parseInChunks } from './chunks.ts';

function arrivals(trace: Trace, i = 0): number[] {
  const a = trace.functions[i].arrivals;
  if (a.kind !== 'times') throw new Error('expected times');
  return Array.from(a.timesS);
}

describe('plain CSV of timestamps', () => {
  it('detectTimeUnit(field) tells ISO, epoch ms (≥ 1e11), epoch s (≥ 1e8) and relative seconds apart', () => {
    const table: [string, string | null][] = [
      ['2024-05-01T12:00:00Z', 'iso'],
      ['1714564800000', 'epoch-ms'],
      ['1714564800', 'epoch-s'],
      ['12.5', 'relative-s'],
      ['noon', null]
    ];
    for (const [field, unit] of table) expect(detectTimeUnit(field)).toBe(unit);
  });

  it('parseIsoTimestamp reads zones and reads a zoneless time as UTC, not local time', () => {
    // 2024-05-01T12:00:00Z = 1,714,564,800,000 ms (19,844 days · 86,400,000 + 12 h).
    expect(parseIsoTimestamp('2024-05-01T12:00:00Z')).toEqual({
      ms: 1_714_564_800_000,
      hasZone: true
    });
    expect(parseIsoTimestamp('2024-05-01T14:00:00+02:00').ms).toBe(1_714_564_800_000);
    expect(parseIsoTimestamp('2024-05-01 12:00:00.250')).toEqual({
      ms: 1_714_564_800_250,
      hasZone: false
    });
    expect(parseIsoTimestamp('2024-02-30T00:00:00Z').ms).toBeNaN(); // no 30 February
  });

  it('ISO timestamps with a duration column: rebased to the first arrival, sorted, notes say so', () => {
    const text =
      'timestamp,duration_ms\n2024-05-01T12:00:10Z,120\n2024-05-01T12:00:00Z,80\n2024-05-01T12:01:00.5Z,95\n';
    const trace = parseInChunks(createTraceParser(), text, 4);
    expect(trace.format).toBe('timestamps');
    expect(arrivals(trace)).toEqual([0, 10, 60.5]);
    expect(Array.from(trace.functions[0].durationsMs ?? [])).toEqual([80, 120, 95]);
    expect(trace.startEpochMs).toBe(1_714_564_800_000);
    expect(trace.notes).toEqual([
      'timestamps read as iso (detected)',
      'durations read from "duration_ms" in milliseconds',
      'rows were not in time order (1 row earlier than the row before); sorted',
      'arrival 0 is the first timestamp'
    ]);
  });

  it('epoch milliseconds and epoch seconds give the same arrivals', () => {
    const ms = parseInChunks(
      createTraceParser(),
      'time\n1714564800000\n1714564800250\n1714564860000\n'
    );
    const s = parseInChunks(createTraceParser(), 'time\n1714564800\n1714564800.25\n1714564860\n');
    expect(ms.notes[0]).toBe('timestamps read as epoch-ms (detected)');
    expect(s.notes[0]).toBe('timestamps read as epoch-s (detected)');
    const a = arrivals(ms);
    const b = arrivals(s);
    [0, 0.25, 60].forEach((t, i) => {
      assertInDelta(a[i], t, 1e-6, 'epoch ms');
      assertInDelta(b[i], t, 1e-6, 'epoch s');
    });
  });

  it('a headerless list of relative seconds keeps its own clock; a function column splits functions', () => {
    const plain = parseInChunks(createTimestampsParser(), '0.5\n1.5\n3\n');
    expect(arrivals(plain)).toEqual([0.5, 1.5, 3]);
    expect(plain.notes[1]).toBe('no header row: column 1 read as arrival times');
    const multi = parseInChunks(
      createTraceParser(),
      'function,t,duration_s\nA,1,0.5\nB,2,1\nA,3,0.25\n'
    );
    expect(multi.functions.map((f) => [f.id, f.invocations])).toEqual([
      ['A', 2],
      ['B', 1]
    ]);
    expect(Array.from(multi.functions[0].durationsMs ?? [])).toEqual([500, 250]);
  });

  it('timeUnit overrides detection', () => {
    const t = parseInChunks(createTimestampsParser({ timeUnit: 'epoch-ms' }), 't\n1000\n2500\n');
    expect(t.notes[0]).toBe('timestamps read as epoch-ms (chosen)');
    expect(arrivals(t)).toEqual([0, 1.5]);
  });
});
