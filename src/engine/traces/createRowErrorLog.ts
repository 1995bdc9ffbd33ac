/** Collects or throws row errors according to the parser's `onError` mode. */
import { TraceParseError } from './TraceParseError.ts';
import type { ParseOptions, RowError } from './traceModel.ts';

export interface RowErrorLog {
  /** Reports a malformed row: throws in 'stop' mode, records it in 'skip' mode. */
  report(line: number, column: string | undefined, problem: string): void;
  readonly errors: RowError[];
  /** Rows reported (each row is reported at most once by the parsers). */
  readonly skippedRows: number;
}

/** Formats `line 17, column "duration": <problem>` (or `line 17: <problem>` without a column). */
export function rowMessage(line: number, column: string | undefined, problem: string): string {
  return column === undefined
    ? `line ${line}: ${problem}`
    : `line ${line}, column "${column}": ${problem}`;
}

export function createRowErrorLog(options: ParseOptions = {}): RowErrorLog {
  const mode = options.onError ?? 'stop';
  const maxErrors = options.maxErrors ?? 100;
  const errors: RowError[] = [];
  let skippedRows = 0;
  return {
    report(line, column, problem) {
      const message = rowMessage(line, column, problem);
      if (mode === 'stop') throw new TraceParseError(message, line, column);
      skippedRows++;
      if (errors.length < maxErrors)
        errors.push(column === undefined ? { line, message } : { line, column, message });
    },
    errors,
    get skippedRows() {
      return skippedRows;
    }
  };
}
