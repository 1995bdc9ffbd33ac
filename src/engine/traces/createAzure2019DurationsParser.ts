/** Streaming parser for Azure Functions 2019 `function_durations_percentiles…csv`. */
import type { DurationDist } from '../../scenario/schema.ts';
import { columnCountProblem, findColumn } from './columns.ts';
import { createChunkParser } from './createChunkParser.ts';
import { createRowErrorLog } from './createRowErrorLog.ts';
import { numberProblem, quote, toNumber } from './readField.ts';
import { TraceParseError } from './TraceParseError.ts';
import type { ChunkParser, ParseOptions, RowError } from './traceModel.ts';

export interface FunctionDurations {
  /** Piecewise-linear quantile function through the file's percentiles, ms. */
  dist: Extract<DurationDist, { dist: 'percentiles' }>;
  /** The file's `Average` column, ms, when present. */
  averageMs?: number;
}

export interface Azure2019Durations {
  /** Keyed by `app/function` (HashApp/HashFunction). */
  byFunction: Map<string, FunctionDurations>;
  errors: RowError[];
  skippedRows: number;
}

/**
 * Columns `HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,…_100`.
 * Every `percentile_Average_<p>` column becomes one point (p, ms); the points must be
 * non-decreasing. (They are percentiles of 30-s averages, not of single invocations; see README.)
 */
export function createAzure2019DurationsParser(
  options: ParseOptions = {}
): ChunkParser<Azure2019Durations> {
  const log = createRowErrorLog(options);
  const byFunction = new Map<string, FunctionDurations>();
  let header: string[] = [];
  let app = -1,
    func = -1,
    average = -1;
  const pCols: number[] = [];
  const p: number[] = [];

  return createChunkParser({
    header(fields, line) {
      header = fields;
      app = findColumn(fields, 'HashApp');
      func = findColumn(fields, 'HashFunction');
      average = findColumn(fields, 'Average');
      fields.forEach((name, i) => {
        const m = /^percentile_Average_(\d+(?:\.\d+)?)$/i.exec(name);
        if (m !== null) {
          pCols.push(i);
          p.push(Number(m[1]));
        }
      });
      if (app < 0 || func < 0 || pCols.length < 2) {
        throw new TraceParseError(
          `line ${line}: Azure 2019 durations header needs HashApp, HashFunction and at least two percentile_Average_<p> columns`,
          line
        );
      }
      return true;
    },
    row(fields, line) {
      if (fields.length !== header.length)
        return log.report(line, undefined, columnCountProblem(header, fields.length));
      const ms: number[] = [];
      for (const c of pCols) {
        const x = toNumber(fields[c]);
        const problem =
          numberProblem(fields[c], x) ??
          (x < 0 ? `${quote(fields[c])} is negative; durations are ≥ 0 ms` : null);
        if (problem !== null) return log.report(line, header[c], problem);
        if (ms.length > 0 && x < ms[ms.length - 1]) {
          return log.report(
            line,
            header[c],
            `${x} is below the previous percentile (${ms[ms.length - 1]}); percentiles must be non-decreasing`
          );
        }
        ms.push(x);
      }
      const entry: FunctionDurations = { dist: { dist: 'percentiles', p: [...p], ms } };
      if (average >= 0) {
        const a = toNumber(fields[average]);
        if (!Number.isNaN(a)) entry.averageMs = a;
      }
      byFunction.set(`${fields[app]}/${fields[func]}`, entry);
    },
    finish(dataRows) {
      if (dataRows === 0)
        throw new TraceParseError('no data rows: the durations file has a header only');
      return { byFunction, errors: log.errors, skippedRows: log.skippedRows };
    }
  });
}
