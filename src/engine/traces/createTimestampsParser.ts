/** Streaming parser for a plain CSV of arrival timestamps, with optional duration and function columns. */
import { ArrivalGroups } from './ArrivalGroups.ts';
import { columnCountProblem, findColumn } from './columns.ts';
import { createChunkParser } from './createChunkParser.ts';
import { createRowErrorLog } from './createRowErrorLog.ts';
import { looksIso, parseIsoTimestamp } from './parseIsoTimestamp.ts';
import { numberProblem, quote, toNumber } from './readField.ts';
import type { ChunkParser, ParseOptions, Trace } from './traceModel.ts';
import { TraceParseError } from './TraceParseError.ts';

/** How timestamps are written. Numbers ≥ 1e11 are taken as epoch ms, ≥ 1e8 as epoch s (after 1973-03-03), else seconds from the trace start. */
export type TimeUnit = 'iso' | 'epoch-s' | 'epoch-ms' | 'relative-s';

export interface TimestampsOptions extends ParseOptions {
  /** Overrides detection from the first data row. */
  timeUnit?: TimeUnit;
  /** Unit of the duration column. Default: 's' when its name ends in `_s`/`sec`/`seconds`, else 'ms'. */
  durationUnit?: 'ms' | 's';
}

export const TIME_COLUMNS = [
  'timestamp',
  'time',
  'ts',
  't',
  'arrival',
  'arrival_time',
  'start',
  'start_time',
  'datetime',
  'date'
];
export const DURATION_COLUMNS = [
  'duration',
  'duration_ms',
  'durationms',
  'duration_s',
  'duration_sec',
  'duration_seconds'
];
const FUNCTION_COLUMNS = ['function', 'func', 'fn', 'function_id', 'name'];

/** Detects the unit of the first timestamp (see TimeUnit). */
export function detectTimeUnit(field: string): TimeUnit | null {
  if (looksIso(field)) return 'iso';
  const x = toNumber(field);
  if (Number.isNaN(x)) return null;
  return x >= 1e11 ? 'epoch-ms' : x >= 1e8 ? 'epoch-s' : 'relative-s';
}

/**
 * A header row names the columns (time: one of TIME_COLUMNS; optional duration, function, app);
 * without one (first field is a time), column 1 is the time and column 2 the duration. Unsorted
 * rows are sorted and the notes say so; epoch and ISO times are rebased to the first arrival.
 */
export function createTimestampsParser(options: TimestampsOptions = {}): ChunkParser<Trace> {
  const log = createRowErrorLog(options);
  const groups = new ArrivalGroups();
  const notes: string[] = [];
  let header: string[] = [];
  let time = 0,
    duration = -1,
    func = -1,
    app = -1;
  let unit: TimeUnit | null = options.timeUnit ?? null;
  let durationScale = 1;
  let zoneless = 0;

  function setDurationColumn(i: number, name: string): void {
    duration = i;
    const seconds =
      options.durationUnit === 's' ||
      (options.durationUnit === undefined && /(_s|sec|seconds)$/i.test(name));
    durationScale = seconds ? 1000 : 1;
    if (i >= 0)
      notes.push(`durations read from "${name}" in ${seconds ? 'seconds' : 'milliseconds'}`);
  }

  return createChunkParser({
    header(fields, line) {
      if (detectTimeUnit(fields[0]) !== null) {
        header = fields.map((_, i) =>
          i === 0 ? 'time' : i === 1 ? 'duration' : `column ${i + 1}`
        );
        setDurationColumn(fields.length > 1 ? 1 : -1, 'duration');
        notes.push(
          'no header row: column 1 read as arrival times' +
            (fields.length > 1 ? ', column 2 as durations' : '')
        );
        return false;
      }
      header = fields;
      time = findColumn(fields, ...TIME_COLUMNS);
      if (time < 0)
        throw new TraceParseError(
          `line ${line}: no time column; name one of ${TIME_COLUMNS.join(', ')}`,
          line
        );
      const d = findColumn(fields, ...DURATION_COLUMNS);
      setDurationColumn(d, d >= 0 ? fields[d] : '');
      func = findColumn(fields, ...FUNCTION_COLUMNS);
      app = findColumn(fields, 'app');
      return true;
    },
    row(fields, line) {
      if (fields.length !== header.length)
        return log.report(line, undefined, columnCountProblem(header, fields.length));
      const field = fields[time];
      if (unit === null) {
        unit = detectTimeUnit(field);
        if (unit === null)
          return log.report(
            line,
            header[time],
            `${quote(field)} is neither an ISO 8601 time nor a number`
          );
      }
      let t: number;
      if (unit === 'iso') {
        const iso = parseIsoTimestamp(field);
        if (Number.isNaN(iso.ms))
          return log.report(line, header[time], `${quote(field)} is not an ISO 8601 date-time`);
        if (!iso.hasZone) zoneless++;
        t = iso.ms / 1000;
      } else {
        const x = toNumber(field);
        const p = numberProblem(field, x);
        if (p !== null) return log.report(line, header[time], `${p} (timestamps are ${unit})`);
        t = unit === 'epoch-ms' ? x / 1000 : x;
      }
      let d = NaN;
      if (duration >= 0) {
        d = toNumber(fields[duration]);
        const p =
          numberProblem(fields[duration], d) ??
          (d < 0 ? `${quote(fields[duration])} is negative; durations are ≥ 0` : null);
        if (p !== null) return log.report(line, header[duration], p);
        d *= durationScale;
      }
      groups.add(app >= 0 ? fields[app] : '', func >= 0 ? fields[func] : '', t, d);
    },
    finish(dataRows) {
      if (dataRows === 0) throw new TraceParseError('no data rows: the file has a header only');
      const absolute = unit === 'iso' || unit === 'epoch-s' || unit === 'epoch-ms';
      const origin = absolute ? groups.minS : Math.min(0, groups.minS);
      const g = groups.finish(Number.isFinite(origin) ? origin : 0);
      notes.unshift(
        `timestamps read as ${unit ?? 'unknown'}${options.timeUnit === undefined ? ' (detected)' : ' (chosen)'}`
      );
      if (zoneless > 0) notes.push(`${zoneless} ISO times had no zone; read as UTC`);
      notes.push(
        g.outOfOrder > 0
          ? `rows were not in time order (${g.outOfOrder} ${g.outOfOrder === 1 ? 'row' : 'rows'} earlier than the row before); sorted`
          : 'rows were already in time order'
      );
      if (absolute && Number.isFinite(origin)) notes.push('arrival 0 is the first timestamp');
      const trace: Trace = {
        format: 'timestamps',
        functions: g.functions,
        invocations: g.invocations,
        startS: absolute ? 0 : Number.isFinite(origin) ? origin : 0,
        durationS: g.functions.length > 0 ? g.maxS : 0,
        notes,
        errors: log.errors,
        skippedRows: log.skippedRows
      };
      if (absolute && Number.isFinite(origin)) trace.startEpochMs = origin * 1000;
      return trace;
    }
  });
}
