/** Tells a trace file's format from its first line. */
import { findColumn } from './columns.ts';
import { COUNT_COLUMNS } from './createCountsParser.ts';
import { detectTimeUnit, TIME_COLUMNS } from './createTimestampsParser.ts';
import { splitCsvLine } from './splitCsvLine.ts';
import type { TraceFormat } from './traceModel.ts';

/** A trace format, or one of the Azure 2019 side files that go with an invocations file. */
export type TraceFileKind = TraceFormat | 'azure2019-durations' | 'azure2019-memory';

/**
 * detectTraceFormat(firstLine) returns the file kind, or null when the header matches none.
 * Order matters: the Azure headers are checked before the generic count and time names.
 */
export function detectTraceFormat(firstLine: string): TraceFileKind | null {
  const fields = splitCsvLine(firstLine.replace(/^\uFEFF/, '').replace(/[\r\n]+$/, ''));
  const has = (...names: string[]) => findColumn(fields, ...names) >= 0;
  if (has('HashFunction') && fields.some((f) => /^\d+$/.test(f))) return 'azure2019';
  if (fields.some((f) => /^percentile_Average_/i.test(f))) return 'azure2019-durations';
  if (has('AverageAllocatedMb')) return 'azure2019-memory';
  if (has('app') && has('func') && has('end_timestamp') && has('duration')) return 'azure2021';
  if (has(...COUNT_COLUMNS)) return 'counts';
  if (has(...TIME_COLUMNS)) return 'timestamps';
  // No header: a first field that is a time means a list of timestamps.
  if (detectTimeUnit(fields[0]) !== null) return 'timestamps';
  return null;
}
