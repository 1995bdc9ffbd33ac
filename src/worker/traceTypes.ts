/** Plain data about trace files that crosses the worker boundary (the parsed trace itself stays in the worker). */
import type { KeepAliveRow } from '../engine/compareKeepAlive.ts';
import type { TraceFileRef, TraceFormat } from '../scenario/schema.ts';

/** Which of a trace's files a message is about. */
export type TraceFileRole = 'trace' | 'durations' | 'memory';

/**
 * The files behind a trace scenario. A File crosses postMessage as a handle: the worker reads its
 * bytes itself, in chunks, and nothing leaves the computer.
 */
export interface TraceInput {
  /** The trace (invocations) file; null when the scenario carries the trace inline. */
  trace: Blob | null;
  /** Azure 2019 `function_durations_percentiles…csv`, optional. */
  durations: Blob | null;
  /** Azure 2019 `app_memory_percentiles…csv`, optional. */
  memory: Blob | null;
  /** 'stop' at the first malformed row, or 'skip' malformed rows and count them. Default 'stop'. */
  onError: 'stop' | 'skip';
}

/** Bytes of the input read so far, for a progress bar. */
export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
  /** The file being read now. */
  role: TraceFileRole;
}

/** A function of the trace, for the editor's function picker. */
export interface TraceFunctionInfo {
  /** What `select: { mode: 'one', id }` takes: `app/id`, or `id` when the trace has no apps. */
  key: string;
  id: string;
  app: string;
  trigger?: string;
  invocations: number;
}

/** A malformed row of one of the files (skip mode). */
export interface TraceRowProblem {
  role: TraceFileRole;
  /** 1-based line number (the header is line 1). */
  line: number;
  column?: string;
  message: string;
}

/** What reading a trace found: enough for the editor, none of the per-invocation arrays. */
export interface TraceSummary {
  file: TraceFileRef;
  durationsFile: TraceFileRef | null;
  memoryFile: TraceFileRef | null;
  format: TraceFormat;
  /** Invocations in the whole trace. */
  invocations: number;
  functionCount: number;
  /** The functions with the most invocations, descending (at most SUMMARY_FUNCTIONS). */
  functions: TraceFunctionInfo[];
  /** Time the trace covers, s. */
  durationS: number;
  /** What the parser decided or changed (detected units, sorting, joins). */
  notes: string[];
  /** Malformed rows skipped, across the files (exact). */
  skippedRows: number;
  /** The first skipped rows (at most 100 per file). */
  problems: TraceRowProblem[];
  /** Wall time spent reading, hashing and parsing, ms. */
  readMs: number;
}

/** Functions listed in a summary: enough for a picker, small enough to send. */
export const SUMMARY_FUNCTIONS = 1000;

/** Why a trace could not be read, with the place in the file when a row is at fault. */
export interface TraceReadError {
  role: TraceFileRole;
  /** The file's name. */
  name: string;
  message: string;
  /** 1-based line; 0 when the file as a whole is the problem (e.g. empty). */
  line: number;
  column?: string;
  /** True when skipping bad rows can get past it (a data row, not the header or the whole file). */
  skippable: boolean;
}

export type ReadResult = { ok: true; summary: TraceSummary } | { ok: false; error: TraceReadError };

/** The keep-alive policies compared on one workload. */
export interface KeepAliveComparison {
  rows: KeepAliveRow[];
  /** Wall time of the seven runs in the worker, ms. */
  elapsedMs: number;
}
