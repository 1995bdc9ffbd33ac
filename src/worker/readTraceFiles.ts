/** Reads a trace's files in the worker: streamed, hashed and parsed chunk by chunk, with progress. */
import { applyAzure2019Extras } from '../engine/traces/applyAzure2019Extras.ts';
import { createAzure2019DurationsParser } from '../engine/traces/createAzure2019DurationsParser.ts';
import { createAzure2019MemoryParser } from '../engine/traces/createAzure2019MemoryParser.ts';
import { createTraceParser } from '../engine/traces/createTraceParser.ts';
import { TraceParseError } from '../engine/traces/TraceParseError.ts';
import type { ChunkParser, RowError, Trace } from '../engine/traces/traceModel.ts';
import type { TraceFileRef, TraceFormat } from '../scenario/schema.ts';
import { Sha256 } from './sha256.ts';
import {
  SUMMARY_FUNCTIONS,
  type ReadProgress,
  type ReadResult,
  type TraceFileRole,
  type TraceInput,
  type TraceRowProblem,
  type TraceSummary
} from './traceTypes.ts';

/** A parsed trace and what the page is told about it. */
export interface LoadedTrace {
  trace: Trace;
  summary: TraceSummary;
}

export type ReadOutcome = { ok: true; loaded: LoadedTrace } | Extract<ReadResult, { ok: false }>;

export interface ReadOptions {
  format: 'auto' | TraceFormat;
  /** Called at most every `progressEveryMs` while reading, and once at the end. */
  onProgress?: (progress: ReadProgress) => unknown;
  /** Default 100 (about 10 Hz). */
  progressEveryMs?: number;
  /** The trace's text when the scenario carries it inline (used when `input.trace` is null). */
  inline?: string | null;
}

/** A file's name: File has one, a bare Blob does not. */
export function blobName(blob: Blob, fallback: string): string {
  const name = (blob as Partial<File>).name;
  return typeof name === 'string' && name.length > 0 ? name : fallback;
}

/**
 * readTraceFiles(input, options) streams the trace (and its Azure 2019 side files) through the
 * parsers: `blob.stream()` → a pass-through that hashes the bytes and counts them → TextDecoderStream
 * → `parser.push(chunk)`. No file is ever one string. A malformed row (stop mode), an empty file or
 * an unknown header comes back as `{ ok: false, error }` with the file, line and column.
 */
export async function readTraceFiles(
  input: TraceInput,
  options: ReadOptions
): Promise<ReadOutcome> {
  const started = performance.now();
  const onError = input.onError;
  const files: [TraceFileRole, Blob | null][] = [
    ['trace', input.trace],
    ['durations', input.durations],
    ['memory', input.memory]
  ];
  const totalBytes = files.reduce((sum, [, b]) => sum + (b?.size ?? 0), 0);
  const everyMs = options.progressEveryMs ?? 100;
  let bytesRead = 0;
  let lastProgress = -Infinity;
  const progress = (role: TraceFileRole, n: number, force = false): void => {
    bytesRead += n;
    const now = performance.now();
    if (options.onProgress && (force || now - lastProgress >= everyMs)) {
      lastProgress = now;
      void options.onProgress({ bytesRead, totalBytes, role });
    }
  };

  const problems: TraceRowProblem[] = [];
  const collect = (role: TraceFileRole, errors: RowError[]): void => {
    for (const e of errors) problems.push({ role, ...e });
  };
  const parser = createTraceParser({
    format: options.format === 'auto' ? undefined : options.format,
    onError
  });
  let trace: Trace;
  let file: TraceFileRef;
  if (input.trace !== null) {
    const read = await streamFile('trace', input.trace, parser, progress);
    if (!read.ok) return read;
    trace = read.result;
    file = read.ref;
  } else if (typeof options.inline === 'string') {
    const read = parseText('trace', options.inline, parser);
    if (!read.ok) return read;
    trace = read.result;
    file = read.ref;
  } else {
    return fail('trace', '(no file)', new TraceParseError('no trace file was given'));
  }
  collect('trace', trace.errors);
  let skippedRows = trace.skippedRows;

  let durationsFile: TraceFileRef | null = null;
  let memoryFile: TraceFileRef | null = null;
  if (input.durations !== null || input.memory !== null) {
    let durations;
    let memory;
    if (input.durations !== null) {
      const read = await streamFile(
        'durations',
        input.durations,
        createAzure2019DurationsParser({ onError }),
        progress
      );
      if (!read.ok) return read;
      durations = read.result;
      durationsFile = read.ref;
      collect('durations', durations.errors);
      skippedRows += durations.skippedRows;
    }
    if (input.memory !== null) {
      const read = await streamFile(
        'memory',
        input.memory,
        createAzure2019MemoryParser({ onError }),
        progress
      );
      if (!read.ok) return read;
      memory = read.result;
      memoryFile = read.ref;
      collect('memory', memory.errors);
      skippedRows += memory.skippedRows;
    }
    trace = applyAzure2019Extras(trace, durations, memory);
  }
  progress('trace', 0, true);

  const summary: TraceSummary = {
    file,
    durationsFile,
    memoryFile,
    format: trace.format,
    invocations: trace.invocations,
    functionCount: trace.functions.length,
    functions: topFunctions(trace),
    durationS: trace.durationS,
    notes: trace.notes,
    skippedRows,
    problems,
    readMs: performance.now() - started
  };
  return { ok: true, loaded: { trace, summary } };
}

type Parsed<R> = { ok: true; result: R; ref: TraceFileRef } | Extract<ReadResult, { ok: false }>;

async function streamFile<R>(
  role: TraceFileRole,
  blob: Blob,
  parser: ChunkParser<R>,
  progress: (role: TraceFileRole, n: number) => void
): Promise<Parsed<R>> {
  const name = blobName(blob, role);
  const hash = new Sha256();
  const counted = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      hash.update(chunk);
      progress(role, chunk.byteLength);
      controller.enqueue(chunk);
    }
  });
  const reader = blob
    .stream()
    .pipeThrough(counted)
    .pipeThrough<string>(new TextDecoderStream() as ReadableWritablePair<string, Uint8Array>)
    .getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(value);
    }
    const result = parser.end();
    return { ok: true, result, ref: { name, sizeBytes: blob.size, sha256: hash.hex() } };
  } catch (error) {
    // Stop reading the rest of a file that already failed.
    void reader.cancel().catch(() => {});
    return fail(role, name, error);
  }
}

function parseText<R>(role: TraceFileRole, text: string, parser: ChunkParser<R>): Parsed<R> {
  try {
    parser.push(text);
    const result = parser.end();
    const bytes = new TextEncoder().encode(text);
    return {
      ok: true,
      result,
      ref: {
        name: 'inline trace',
        sizeBytes: bytes.length,
        sha256: new Sha256().update(bytes).hex()
      }
    };
  } catch (error) {
    return fail(role, 'inline trace', error);
  }
}

function fail(
  role: TraceFileRole,
  name: string,
  error: unknown
): Extract<ReadResult, { ok: false }> {
  if (error instanceof TraceParseError) {
    const e = { role, name, message: error.message, line: error.line, skippable: error.line > 1 };
    return { ok: false, error: error.column === undefined ? e : { ...e, column: error.column } };
  }
  // A stream or decoding failure (e.g. the file was changed or deleted while being read).
  const message = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    error: { role, name, message: `could not read ${name}: ${message}`, line: 0, skippable: false }
  };
}

/** The most-invoked functions, descending; ties keep file order. */
function topFunctions(trace: Trace): TraceSummary['functions'] {
  const hasApps = trace.functions.some((f) => f.app !== '');
  return [...trace.functions]
    .sort((a, b) => b.invocations - a.invocations)
    .slice(0, SUMMARY_FUNCTIONS)
    .map((f) => {
      const info = {
        key: hasApps ? `${f.app}/${f.id}` : f.id,
        id: f.id,
        app: f.app,
        invocations: f.invocations
      };
      return f.trigger === undefined ? info : { ...info, trigger: f.trigger };
    });
}
