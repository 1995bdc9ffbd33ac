/** Loads the trace a scenario names: streamed from disk in chunks (never one big string), parsed. */
import { createReadStream } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { applyAzure2019Extras } from '../engine/traces/applyAzure2019Extras.ts';
import { createAzure2019DurationsParser } from '../engine/traces/createAzure2019DurationsParser.ts';
import { createAzure2019MemoryParser } from '../engine/traces/createAzure2019MemoryParser.ts';
import { createTraceParser } from '../engine/traces/createTraceParser.ts';
import { TraceParseError } from '../engine/traces/TraceParseError.ts';
import type { ChunkParser, Trace } from '../engine/traces/traceModel.ts';
import type { Scenario, TraceFileRef } from '../scenario/schema.ts';
import { UsageError } from './io.ts';

export interface TraceFiles {
  /** Overrides the scenario's trace file paths (CLI flags). */
  trace?: string;
  durations?: string;
  memory?: string;
  /** Skip malformed rows (and report them) instead of stopping at the first. */
  skipBadRows: boolean;
}

/**
 * loadTrace(scenario, scenarioPath, files) parses the scenario's trace: inline text, or its files
 * resolved against the scenario file's folder (the working folder for stdin).
 */
export async function loadTrace(
  scenario: Scenario,
  scenarioPath: string | null,
  files: TraceFiles
): Promise<Trace> {
  const traffic = scenario.traffic;
  if (traffic.kind !== 'trace') throw new Error('loadTrace needs a trace scenario');
  const base = scenarioPath === null ? process.cwd() : dirname(resolve(scenarioPath));
  const at = (ref: TraceFileRef | null, flag: string | undefined): string | null =>
    flag !== undefined
      ? resolve(flag)
      : ref === null || ref.name === ''
        ? null
        : isAbsolute(ref.name)
          ? ref.name
          : resolve(base, ref.name);
  const onError = files.skipBadRows ? 'skip' : 'stop';
  const format = traffic.format === 'auto' ? undefined : traffic.format;
  const parser = createTraceParser({ format, onError, select: traffic.select });
  const tracePath = at(traffic.file, files.trace);
  let trace: Trace;
  if (traffic.inline !== null && files.trace === undefined)
    trace = parseText(parser, traffic.inline, 'inline trace');
  else if (tracePath === null)
    throw new UsageError('traffic.file names no trace file; give one with --trace FILE');
  else trace = await parseFile(parser, tracePath);
  const durationsPath = at(traffic.durationsFile, files.durations);
  const memoryPath = at(traffic.memoryFile, files.memory);
  if (durationsPath !== null || memoryPath !== null) {
    const durations =
      durationsPath === null
        ? undefined
        : await parseFile(createAzure2019DurationsParser({ onError }), durationsPath);
    const memory =
      memoryPath === null
        ? undefined
        : await parseFile(createAzure2019MemoryParser({ onError }), memoryPath);
    trace = applyAzure2019Extras(trace, durations, memory);
  }
  return trace;
}

function parseText<R>(parser: ChunkParser<R>, text: string, label: string): R {
  try {
    parser.push(text);
    return parser.end();
  } catch (error) {
    throw asUsageError(error, label);
  }
}

async function parseFile<R>(parser: ChunkParser<R>, path: string): Promise<R> {
  try {
    for await (const chunk of createReadStream(path, {
      encoding: 'utf8',
      highWaterMark: 1 << 20
    })) {
      parser.push(chunk as string);
    }
    return parser.end();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`cannot read trace ${path}: no such file`);
    throw asUsageError(error, path);
  }
}

function asUsageError(error: unknown, label: string): Error {
  if (error instanceof TraceParseError) return new UsageError(`trace ${label}: ${error.message}`);
  if (error instanceof Error && /is not in the trace|select it as/.test(error.message))
    return new UsageError(`trace ${label}: ${error.message}`);
  return error as Error;
}
