/** The error a trace parser throws: carries the line and column of the malformed input. */

export class TraceParseError extends Error {
  /** 1-based line number; 0 when the problem is the file as a whole (e.g. empty). */
  readonly line: number;
  readonly column: string | undefined;

  constructor(message: string, line = 0, column?: string) {
    super(message);
    this.name = 'TraceParseError';
    this.line = line;
    this.column = column;
  }
}
