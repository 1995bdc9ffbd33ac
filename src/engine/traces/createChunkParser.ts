/** Wires a line splitter and CSV splitting to one format's row handler. */
import { createLineSplitter } from './createLineSplitter.ts';
import { splitCsvLine } from './splitCsvLine.ts';
import { TraceParseError } from './TraceParseError.ts';
import type { ChunkParser } from './traceModel.ts';

/** What one format knows: its header, its rows, and how to build the result. */
export interface RowHandler<R> {
  /** Called with the first non-blank line; may return false to treat it as a data row (no header). */
  header(fields: string[], line: number): boolean;
  row(fields: string[], line: number): void;
  /** Called once at the end; `dataRows` counts non-blank lines after the header. */
  finish(dataRows: number): R;
}

/** createChunkParser(handler) parses chunks line by line; blank lines are ignored. */
export function createChunkParser<R>(handler: RowHandler<R>): ChunkParser<R> {
  let seenHeader = false;
  let dataRows = 0;
  const splitter = createLineSplitter((text, line) => {
    if (text.trim().length === 0) return;
    const fields = splitCsvLine(text);
    if (!seenHeader) {
      seenHeader = true;
      if (handler.header(fields, line)) return;
    }
    dataRows++;
    handler.row(fields, line);
  });
  return {
    push: (chunk) => splitter.push(chunk),
    end() {
      splitter.end();
      if (!seenHeader) throw new TraceParseError('empty file: no header line and no data rows');
      return handler.finish(dataRows);
    },
    get lines() {
      return splitter.lines;
    }
  };
}
