/** Streaming parser for the Azure Functions 2021 per-invocation trace (`app,func,end_timestamp,duration`). */
import { ArrivalGroups } from './ArrivalGroups.ts';
import { columnCountProblem, findColumn } from './columns.ts';
import { createChunkParser } from './createChunkParser.ts';
import { createRowErrorLog } from './createRowErrorLog.ts';
import { numberProblem, quote, toNumber } from './readField.ts';
import { TraceParseError } from './TraceParseError.ts';
import type { ChunkParser, ParseOptions, Trace } from './traceModel.ts';

/**
 * end_timestamp and duration are seconds (floats) from the trace start; arrival = end − duration.
 * The file is not in time order, so each function's arrivals are sorted (durations move along)
 * and the notes say how many rows were out of order. Durations become ms (Float32: ~7 digits).
 */
export function createAzure2021Parser(options: ParseOptions = {}): ChunkParser<Trace> {
  const log = createRowErrorLog(options);
  const groups = new ArrivalGroups();
  let header: string[] = [];
  let app = -1,
    func = -1,
    end = -1,
    duration = -1;
  let maxEnd = -Infinity;

  return createChunkParser({
    header(fields, line) {
      header = fields;
      app = findColumn(fields, 'app');
      func = findColumn(fields, 'func');
      end = findColumn(fields, 'end_timestamp');
      duration = findColumn(fields, 'duration');
      if (app < 0 || func < 0 || end < 0 || duration < 0) {
        throw new TraceParseError(
          `line ${line}: Azure 2021 header must have app, func, end_timestamp and duration; found ${fields.join(',')}`,
          line
        );
      }
      return true;
    },
    row(fields, line) {
      if (fields.length !== header.length)
        return log.report(line, undefined, columnCountProblem(header, fields.length));
      const e = toNumber(fields[end]);
      const pe = numberProblem(fields[end], e);
      if (pe !== null) return log.report(line, header[end], pe);
      const d = toNumber(fields[duration]);
      const pd =
        numberProblem(fields[duration], d) ??
        (d < 0 ? `${quote(fields[duration])} is negative; durations are ≥ 0 s` : null);
      if (pd !== null) return log.report(line, header[duration], pd);
      if (e > maxEnd) maxEnd = e;
      groups.add(fields[app], fields[func], e - d, d * 1000);
    },
    finish(dataRows) {
      if (dataRows === 0) throw new TraceParseError('no data rows: the file has a header only');
      // Arrivals before 0 (invocations that began before the trace window) move the origin.
      const origin = Math.min(0, groups.minS);
      const g = groups.finish(origin);
      const notes = [
        g.outOfOrder > 0
          ? `rows were not in arrival order (${g.outOfOrder} ${g.outOfOrder === 1 ? 'row' : 'rows'} earlier than the row before); sorted by arrival = end_timestamp − duration`
          : 'rows were already in arrival order (arrival = end_timestamp − duration); nothing to sort'
      ];
      if (origin < 0)
        notes.push(
          `the first arrival is at ${origin.toFixed(3)} s, before the trace start; arrival 0 is there`
        );
      return {
        format: 'azure2021',
        functions: g.functions,
        invocations: g.invocations,
        startS: origin,
        durationS: g.functions.length > 0 ? maxEnd - origin : 0,
        notes,
        errors: log.errors,
        skippedRows: log.skippedRows
      };
    }
  });
}
