/** The compact trace model every trace parser produces: per-function arrivals in typed arrays. */
import type { DurationDist } from '../../scenario/schema.ts';

export type { TraceFormat } from '../../scenario/schema.ts';
import type { TraceFormat } from '../../scenario/schema.ts';

/** How a function's arrivals are stored: exact times, or counts to spread within each interval. */
export type TraceArrivals =
  /** Arrival times, s from trace start, sorted ascending (ties allowed). */
  | { kind: 'times'; timesS: Float64Array }
  /** counts[i] invocations arrive in [i·intervalS, (i+1)·intervalS) s from trace start. */
  | { kind: 'counts'; counts: Uint32Array; intervalS: number };

export interface TraceFunction {
  /** Function id as in the file (Azure: the HashFunction / func hash). Unique within `app`. */
  id: string;
  /** App id (Azure: HashApp / app); '' when the file has none. */
  app: string;
  /** Owner id (Azure 2019 HashOwner), when given. */
  owner?: string;
  /** Trigger type (Azure 2019: http, timer, queue, event, …), when given. */
  trigger?: string;
  arrivals: TraceArrivals;
  /** Invocations of this function in the trace. */
  invocations: number;
  /** Per-invocation handler durations, ms, aligned with `arrivals.timesS` (same index). */
  durationsMs?: Float32Array;
  /** Duration distribution (Azure 2019 percentiles file), ms. */
  duration?: DurationDist;
  /** Average allocated memory, MB (Azure 2019 memory file). */
  memoryMb?: number;
  /** 'app' when the memory file gives memory per app (shared by the app's functions). */
  memoryScope?: 'app' | 'function';
}

/** One malformed row, as reported in `onError: 'skip'` mode or thrown in 'stop' mode. */
export interface RowError {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  /** Column name, when one column is at fault. */
  column?: string;
  /** Full message, e.g. `line 17, column "duration": "abc" is not a number`. */
  message: string;
}

export interface Trace {
  format: TraceFormat;
  functions: TraceFunction[];
  /** Sum of `invocations` over `functions`. */
  invocations: number;
  /**
   * Where arrival time 0 sits on the trace's own clock, s: e.g. minute column "480" of an Azure
   * 2019 day gives 479·60 (the original schema numbers minutes 1..1440). 0 when the file has no clock.
   */
  startS: number;
  /** Wall-clock time of arrival time 0, ms since 1970 (ISO or epoch timestamps only). */
  startEpochMs?: number;
  /** Time the trace covers from arrival time 0, s (counts: intervals × intervalS). */
  durationS: number;
  /** What the parser decided or changed, in words (detected units, sorting, rebasing, joins). */
  notes: string[];
  /** Malformed rows that were skipped (onError 'skip'); at most `maxErrors` kept. */
  errors: RowError[];
  /** Rows skipped because they were malformed. */
  skippedRows: number;
}

/** Options every parser accepts. */
export interface ParseOptions {
  /** 'stop' throws a TraceParseError at the first malformed row; 'skip' drops it. Default 'stop'. */
  onError?: 'stop' | 'skip';
  /** RowErrors kept in 'skip' mode (the count in skippedRows is always exact). Default 100. */
  maxErrors?: number;
}

/** A streaming parser: feed text chunks in order, then call end() once. */
export interface ChunkParser<R> {
  /** Parses every complete line in `chunk`; a partial last line waits for the next chunk. */
  push(chunk: string): void;
  /** Parses the last line (with or without a final newline) and returns the result. */
  end(): R;
  /** Lines seen so far (for progress). */
  readonly lines: number;
}
