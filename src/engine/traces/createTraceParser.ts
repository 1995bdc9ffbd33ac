/** The format-detecting trace parser: reads the first line, then hands the stream to the right parser. */
import type { Azure2019Options } from './createAzure2019InvocationsParser.ts';
import { createAzure2019InvocationsParser } from './createAzure2019InvocationsParser.ts';
import { createAzure2021Parser } from './createAzure2021Parser.ts';
import type { CountsOptions } from './createCountsParser.ts';
import { createCountsParser } from './createCountsParser.ts';
import type { TimestampsOptions } from './createTimestampsParser.ts';
import { createTimestampsParser } from './createTimestampsParser.ts';
import { detectTraceFormat } from './detectTraceFormat.ts';
import { TraceParseError } from './TraceParseError.ts';
import type { ChunkParser, Trace, TraceFormat } from './traceModel.ts';

export interface TraceParserOptions extends Azure2019Options, TimestampsOptions, CountsOptions {
  /** Overrides detection from the header. */
  format?: TraceFormat;
}

/** The parser for a known format. */
export function createParserFor(
  format: TraceFormat,
  options: TraceParserOptions = {}
): ChunkParser<Trace> {
  switch (format) {
    case 'azure2019':
      return createAzure2019InvocationsParser(options);
    case 'azure2021':
      return createAzure2021Parser(options);
    case 'timestamps':
      return createTimestampsParser(options);
    case 'counts':
      return createCountsParser(options);
  }
}

/**
 * createTraceParser(options) buffers text until the first line is complete, detects the format
 * (unless options.format is set) and forwards everything to that format's parser. A side file
 * (Azure 2019 durations or memory) or an unknown header is an error that says what was found.
 */
export function createTraceParser(
  options: TraceParserOptions = {}
): ChunkParser<Trace> & { readonly format: TraceFormat | null } {
  let inner: ChunkParser<Trace> | null = null;
  let format: TraceFormat | null = options.format ?? null;
  let buffered = '';

  function start(header: string): ChunkParser<Trace> {
    if (format === null) {
      const kind = detectTraceFormat(header);
      if (kind === 'azure2019-durations' || kind === 'azure2019-memory') {
        throw new TraceParseError(
          `line 1: this is an Azure 2019 ${kind.slice(10)} file; load it with its invocations file`,
          1
        );
      }
      if (kind === null) {
        throw new TraceParseError(
          `line 1: unrecognised header ${JSON.stringify(header.slice(0, 80))}; expected Azure 2019 ` +
            '(HashOwner,HashApp,HashFunction,Trigger,1..1440), Azure 2021 (app,func,end_timestamp,duration), ' +
            'a timestamp column or a count column',
          1
        );
      }
      format = kind;
    }
    return createParserFor(format, options);
  }

  return {
    push(chunk) {
      if (inner !== null) return inner.push(chunk);
      buffered += chunk;
      // Look for the header only once a newline arrives: a 9-kB header in 7-byte chunks stays linear.
      if (chunk.indexOf('\n') < 0) return;
      const first = firstLine(buffered);
      if (first === null) return;
      inner = start(first);
      inner.push(buffered);
      buffered = '';
    },
    end() {
      if (inner === null) {
        if (buffered.trim().length === 0)
          throw new TraceParseError('empty file: no header line and no data rows');
        inner = start(firstLine(buffered + '\n') ?? '');
        inner.push(buffered);
      }
      return inner.end();
    },
    get lines() {
      return inner?.lines ?? 0;
    },
    get format() {
      return format;
    }
  };
}

/** The first complete non-blank line of `text` (without its newline), or null. */
function firstLine(text: string): string | null {
  let start = 0;
  for (let nl = text.indexOf('\n', 0); nl >= 0; nl = text.indexOf('\n', start)) {
    const line = text.slice(start, nl);
    if (line.trim().length > 0) return line;
    start = nl + 1;
  }
  return null;
}
