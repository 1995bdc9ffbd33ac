/** Streaming parser for a plain CSV of per-interval invocation counts (one or many functions). */
import { columnCountProblem, findColumn } from './columns.ts';
import { createChunkParser } from './createChunkParser.ts';
import { createRowErrorLog } from './createRowErrorLog.ts';
import { TIME_COLUMNS } from './createTimestampsParser.ts';
import { GrowableArray } from './GrowableArray.ts';
import { looksIso, parseIsoTimestamp } from './parseIsoTimestamp.ts';
import { countProblem, numberProblem, toNumber } from './readField.ts';
import { TraceParseError } from './TraceParseError.ts';
import type { ChunkParser, ParseOptions, Trace, TraceFunction } from './traceModel.ts';

export interface CountsOptions extends ParseOptions {
  /** Interval width, s. Default: the smallest gap between the time column's values, else 60. */
  intervalS?: number;
}

export const COUNT_COLUMNS = ['count', 'counts', 'invocations', 'requests', 'calls', 'n'];
const FUNCTION_COLUMNS = ['function', 'func', 'fn', 'function_id', 'name'];

interface Series {
  id: string;
  app: string;
  at: GrowableArray<Float64Array>;
  counts: GrowableArray<Float64Array>;
  lines: GrowableArray<Uint32Array>;
}

/**
 * Columns: a count (COUNT_COLUMNS), optionally a time (`minute` in minutes, or a TIME_COLUMNS name
 * in seconds, epoch or ISO), a function and an app. Without a time column, a function's rows are
 * its consecutive intervals. Without a header, the single column is counts. A time that is not a
 * whole number of intervals from the first is an error; repeated intervals are added up.
 */
export function createCountsParser(options: CountsOptions = {}): ChunkParser<Trace> {
  const log = createRowErrorLog(options);
  const bySeries = new Map<string, Series>();
  const notes: string[] = [];
  let header: string[] = [];
  let count = 0,
    time = -1,
    func = -1,
    app = -1;
  let timeScale = 1;
  let minT = Infinity;
  const distinctT = new Set<number>();

  return createChunkParser({
    header(fields, line) {
      if (fields.length === 1 && !Number.isNaN(toNumber(fields[0]))) {
        header = ['count'];
        notes.push('no header row: each line is the count of the next interval');
        return false;
      }
      header = fields;
      count = findColumn(fields, ...COUNT_COLUMNS);
      if (count < 0)
        throw new TraceParseError(
          `line ${line}: no count column; name one of ${COUNT_COLUMNS.join(', ')}`,
          line
        );
      time = findColumn(fields, 'minute', 'minutes');
      if (time >= 0) timeScale = 60;
      else time = findColumn(fields, ...TIME_COLUMNS);
      func = findColumn(fields, ...FUNCTION_COLUMNS);
      app = findColumn(fields, 'app');
      return true;
    },
    row(fields, line) {
      if (fields.length !== header.length)
        return log.report(line, undefined, columnCountProblem(header, fields.length));
      const c = toNumber(fields[count]);
      const pc = countProblem(fields[count], c);
      if (pc !== null) return log.report(line, header[count], pc);
      const key = `${app >= 0 ? fields[app] : ''}/${func >= 0 ? fields[func] : ''}`;
      let s = bySeries.get(key);
      let t = NaN;
      if (time >= 0) {
        const field = fields[time];
        t = looksIso(field) ? parseIsoTimestamp(field).ms / 1000 : toNumber(field) * timeScale;
        if (Number.isNaN(t))
          return log.report(line, header[time], numberProblem(field, NaN) ?? 'is not a time');
        if (t < minT) minT = t;
        if (distinctT.size < 100_000) distinctT.add(t);
      }
      if (s === undefined) {
        s = {
          id: func >= 0 ? fields[func] : '',
          app: app >= 0 ? fields[app] : '',
          at: new GrowableArray(Float64Array),
          counts: new GrowableArray(Float64Array),
          lines: new GrowableArray(Uint32Array)
        };
        bySeries.set(key, s);
      }
      s.at.push(Number.isNaN(t) ? s.counts.length : t);
      s.counts.push(c);
      s.lines.push(line);
    },
    finish(dataRows) {
      if (dataRows === 0) throw new TraceParseError('no data rows: the file has a header only');
      const intervalS = options.intervalS ?? (time >= 0 ? smallestGap(distinctT) : 60);
      if (!(intervalS > 0))
        throw new TraceParseError(
          `interval ${intervalS} s: the interval must be > 0 s (set intervalS)`
        );
      notes.push(
        `intervals of ${intervalS} s${options.intervalS === undefined ? (time >= 0 ? ' (smallest time gap)' : ' (default)') : ''}; arrivals are spread uniformly at random within each interval at replay`
      );
      const origin = time >= 0 ? minT : 0;
      const parsed: { s: Series; index: Uint32Array; at: Float64Array; counts: Float64Array }[] =
        [];
      let intervals = 0;
      let repeated = 0;
      for (const s of bySeries.values()) {
        const at = s.at.toArray();
        const lines = s.lines.toArray();
        const index = new Uint32Array(at.length);
        const kept = new Uint8Array(at.length);
        for (let i = 0; i < at.length; i++) {
          const k = time >= 0 ? (at[i] - origin) / intervalS : at[i];
          const r = Math.round(k);
          if (Math.abs(k - r) > 1e-6) {
            log.report(
              lines[i],
              header[time],
              `time is ${k.toFixed(3)} intervals of ${intervalS} s after the first; must be a whole number`
            );
            continue;
          }
          index[i] = r;
          kept[i] = 1;
          intervals = Math.max(intervals, r + 1);
        }
        const counts = s.counts.toArray();
        for (let i = 0; i < counts.length; i++) if (kept[i] === 0) counts[i] = 0;
        parsed.push({ s, index, at, counts });
      }
      const functions: TraceFunction[] = [];
      let invocations = 0;
      for (const { s, index, counts } of parsed) {
        const series = new Uint32Array(intervals);
        let total = 0;
        for (let i = 0; i < counts.length; i++) {
          if (counts[i] > 0 && series[index[i]] > 0) repeated++;
          series[index[i]] += counts[i];
          total += counts[i];
        }
        invocations += total;
        functions.push({
          id: s.id,
          app: s.app,
          arrivals: { kind: 'counts', counts: series, intervalS },
          invocations: total
        });
      }
      if (repeated > 0)
        notes.push(
          `${repeated} rows repeat an interval of the same function; their counts were added`
        );
      return {
        format: 'counts',
        functions,
        invocations,
        startS: time >= 0 ? origin : 0,
        durationS: intervals * intervalS,
        notes,
        errors: log.errors,
        skippedRows: log.skippedRows
      };
    }
  });
}

function smallestGap(values: Set<number>): number {
  const sorted = Float64Array.from(values).sort();
  let gap = Infinity;
  for (let i = 1; i < sorted.length; i++) gap = Math.min(gap, sorted[i] - sorted[i - 1]);
  return Number.isFinite(gap) ? gap : 60;
}
