import { describe, expect, it } from 'vitest';
import { createAzure2019DurationsParser } from '../../../src/engine/traces/createAzure2019DurationsParser.ts';
import { createTraceParser } from '../../../src/engine/traces/createTraceParser.ts';
import type { TraceParserOptions } from '../../../src/engine/traces/createTraceParser.ts';
import { TraceParseError } from '../../../src/engine/traces/TraceParseError.ts';
import { parseInChunks } from './chunks.ts';

const AZ2021 = 'app,func,end_timestamp,duration\n';
const AZ2019 = 'HashOwner,HashApp,HashFunction,Trigger,1,2,3\n';

function fail(text: string, options: TraceParserOptions = {}): TraceParseError {
  try {
    parseInChunks(createTraceParser(options), text, 5);
  } catch (e) {
    if (e instanceof TraceParseError) return e;
    throw e;
  }
  throw new Error('expected a TraceParseError');
}

describe('malformed trace files', () => {
  // Each case: the text, the message in 'stop' mode, its line and column.
  const cases: { name: string; text: string; message: string; line: number; column?: string }[] = [
    {
      name: 'a non-numeric duration',
      text: AZ2021 + 'a,f,1.5,0.5\n'.repeat(15) + 'a,f,2.5,abc\n',
      message: 'line 17, column "duration": "abc" is not a number',
      line: 17,
      column: 'duration'
    },
    {
      name: 'a truncated last row (no final newline)',
      text: AZ2021 + 'a,f,1.5,0.5\na,f,2.',
      message:
        'line 3: expected 4 columns (app,func,end_timestamp,duration), found 3 (truncated row?)',
      line: 3
    },
    {
      name: 'a row with too many columns',
      text: AZ2021 + 'a,f,1.5,0.5,9\n',
      message: 'line 2: expected 4 columns (app,func,end_timestamp,duration), found 5',
      line: 2
    },
    {
      name: 'a non-numeric count',
      text: AZ2019 + 'o,a,f,http,1,x,3\n',
      message: 'line 2, column "2": "x" is not a number',
      line: 2,
      column: '2'
    },
    {
      name: 'a negative count',
      text: AZ2019 + 'o,a,f,http,1,-4,3\n',
      message: 'line 2, column "2": "-4" is negative; counts must be ≥ 0',
      line: 2,
      column: '2'
    },
    {
      name: 'a fractional count',
      text: AZ2019 + 'o,a,f,http,1,2.5,3\n',
      message: 'line 2, column "2": "2.5" is not a whole number; counts are integers',
      line: 2,
      column: '2'
    },
    {
      name: 'an empty count field',
      text: AZ2019 + 'o,a,f,http,1,,3\n',
      message: 'line 2, column "2": is empty; expected a number',
      line: 2,
      column: '2'
    },
    {
      name: 'a truncated Azure 2019 row',
      text: AZ2019 + 'o,a,f,http,1,2\n',
      message:
        'line 2: expected 7 columns (HashOwner,HashApp,HashFunction,Trigger,1,2,3), found 6 (truncated row?)',
      line: 2
    },
    {
      name: 'a duplicate Azure 2019 function',
      text: AZ2019 + 'o,a,f,http,1,2,3\no,a,f,http,1,2,3\n',
      message: 'line 3, column "HashFunction": duplicate function "f" of app "a" (first on line 2)',
      line: 3,
      column: 'HashFunction'
    },
    {
      name: 'a bad ISO timestamp',
      text: 'timestamp\n2024-01-01T00:00:00Z\n2024-13-01T00:00:00Z\n',
      message: 'line 3, column "timestamp": "2024-13-01T00:00:00Z" is not an ISO 8601 date-time',
      line: 3,
      column: 'timestamp'
    },
    {
      name: 'an empty file',
      text: '',
      message: 'empty file: no header line and no data rows',
      line: 0
    },
    {
      name: 'a file of blank lines',
      text: '\n \r\n\n',
      message: 'empty file: no header line and no data rows',
      line: 0
    },
    {
      name: 'a header without rows',
      text: AZ2021,
      message: 'no data rows: the file has a header only',
      line: 0
    },
    {
      name: 'an unknown header',
      text: 'foo,bar\n1,2\n',
      message:
        'line 1: unrecognised header "foo,bar"; expected Azure 2019 (HashOwner,HashApp,HashFunction,Trigger,1..1440), ' +
        'Azure 2021 (app,func,end_timestamp,duration), a timestamp column or a count column',
      line: 1
    },
    {
      name: 'a side file given as the trace',
      text: 'HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,percentile_Average_100\n',
      message: 'line 1: this is an Azure 2019 durations file; load it with its invocations file',
      line: 1
    },
    {
      name: 'non-consecutive minute columns',
      text: 'HashOwner,HashApp,HashFunction,Trigger,1,2,4\no,a,f,http,1,2,3\n',
      message: 'line 1, column "4": minute columns must be consecutive; expected 3',
      line: 1,
      column: '4'
    }
  ];
  for (const c of cases) {
    it(`${c.name} stops with: ${c.message}`, () => {
      const e = fail(c.text);
      expect(e.message).toBe(c.message);
      expect(e.line).toBe(c.line);
      expect(e.column).toBe(c.column);
    });
  }

  it("onError 'skip' drops each bad row, counts it and keeps its message", () => {
    const text = AZ2021 + 'a,f,1,0.5\na,f,x,0.5\na,f,3\na,f,4,-1\na,f,5,0.5\n';
    const trace = parseInChunks(createTraceParser({ onError: 'skip' }), text, 3);
    expect(trace.invocations).toBe(2);
    expect(trace.skippedRows).toBe(3);
    expect(trace.errors.map((e) => e.message)).toEqual([
      'line 3, column "end_timestamp": "x" is not a number',
      'line 4: expected 4 columns (app,func,end_timestamp,duration), found 3 (truncated row?)',
      'line 5, column "duration": "-1" is negative; durations are ≥ 0 s'
    ]);
  });

  it("onError 'skip' keeps at most maxErrors messages but counts every skipped row", () => {
    const text = AZ2019 + 'o,a,f,http,1,x,3\n'.repeat(3) + 'o,a,g,http,1,2,3\n';
    const trace = parseInChunks(createTraceParser({ onError: 'skip', maxErrors: 2 }), text);
    expect(trace.skippedRows).toBe(3);
    expect(trace.errors.length).toBe(2);
    expect(trace.invocations).toBe(6); // 1 + 2 + 3 in the good row
  });

  it('unsorted 2021 rows are sorted per function, durations moving along, and the notes say so', () => {
    const text = AZ2021 + 'a,f,10,1\na,f,5,2\nb,g,7,1\na,f,2,1\n';
    const trace = parseInChunks(createTraceParser(), text);
    const f = trace.functions[0];
    expect(f.arrivals.kind === 'times' && Array.from(f.arrivals.timesS)).toEqual([1, 3, 9]); // end − duration
    expect(Array.from(f.durationsMs ?? [])).toEqual([1000, 2000, 1000]);
    // Row 3 (arrival 3 after 9) and row 5 (1 after 6) are earlier than the row before.
    expect(trace.notes[0]).toBe(
      'rows were not in arrival order (2 rows earlier than the row before); sorted by arrival = end_timestamp − duration'
    );
  });

  it('percentiles that decrease are a row error in the durations file', () => {
    const text =
      'HashOwner,HashApp,HashFunction,Average,percentile_Average_0,percentile_Average_50,percentile_Average_100\n' +
      'o,a,f,3,1,5,4\n';
    expect(() => parseInChunks(createAzure2019DurationsParser(), text)).toThrow(
      'line 2, column "percentile_Average_100": 4 is below the previous percentile (5); percentiles must be non-decreasing'
    );
  });
});
