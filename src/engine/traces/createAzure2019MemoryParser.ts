/** Streaming parser for Azure Functions 2019 `app_memory_percentiles…csv` (and invitro's per-function variant). */
import { columnCountProblem, findColumn } from './columns.ts';
import { createChunkParser } from './createChunkParser.ts';
import { createRowErrorLog } from './createRowErrorLog.ts';
import { numberProblem, quote, toNumber } from './readField.ts';
import { TraceParseError } from './TraceParseError.ts';
import type { ChunkParser, ParseOptions, RowError } from './traceModel.ts';

export interface Azure2019Memory {
  /** 'app': keyed by HashApp (original schema); 'function': keyed by `app/function` (invitro). */
  scope: 'app' | 'function';
  /** Average allocated memory, MB. */
  averageMb: Map<string, number>;
  errors: RowError[];
  skippedRows: number;
}

/**
 * Columns `HashOwner,HashApp,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,…`; with a
 * HashFunction column anywhere (invitro puts it first, its single-function sample third), memory
 * is per function (invitro divided an app's memory evenly among its functions).
 */
export function createAzure2019MemoryParser(
  options: ParseOptions = {}
): ChunkParser<Azure2019Memory> {
  const log = createRowErrorLog(options);
  const averageMb = new Map<string, number>();
  let header: string[] = [];
  let app = -1,
    func = -1,
    avg = -1;

  return createChunkParser({
    header(fields, line) {
      header = fields;
      app = findColumn(fields, 'HashApp');
      func = findColumn(fields, 'HashFunction');
      avg = findColumn(fields, 'AverageAllocatedMb');
      if (app < 0 || avg < 0) {
        throw new TraceParseError(
          `line ${line}: Azure 2019 memory header needs HashApp and AverageAllocatedMb columns`,
          line
        );
      }
      return true;
    },
    row(fields, line) {
      if (fields.length !== header.length)
        return log.report(line, undefined, columnCountProblem(header, fields.length));
      const x = toNumber(fields[avg]);
      const problem =
        numberProblem(fields[avg], x) ?? (x <= 0 ? `${quote(fields[avg])} must be > 0 MB` : null);
      if (problem !== null) return log.report(line, header[avg], problem);
      averageMb.set(func >= 0 ? `${fields[app]}/${fields[func]}` : fields[app], x);
    },
    finish(dataRows) {
      if (dataRows === 0)
        throw new TraceParseError('no data rows: the memory file has a header only');
      return {
        scope: func >= 0 ? 'function' : 'app',
        averageMb,
        errors: log.errors,
        skippedRows: log.skippedRows
      };
    }
  });
}
