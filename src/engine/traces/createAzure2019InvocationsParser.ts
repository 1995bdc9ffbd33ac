/** Streaming parser for Azure Functions 2019 `invocations_per_function_md…csv` (per-minute counts). */
import { columnCountProblem, findColumn } from './columns.ts';
import { createChunkParser } from './createChunkParser.ts';
import { createRowErrorLog } from './createRowErrorLog.ts';
import { countProblem, quote, toNumber } from './readField.ts';
import type { FunctionSelection } from './selectFunctions.ts';
import { selectFunctions, topByInvocations } from './selectFunctions.ts';
import { TraceParseError } from './TraceParseError.ts';
import type { ChunkParser, ParseOptions, Trace, TraceFunction } from './traceModel.ts';

export interface Azure2019Options extends ParseOptions {
  /**
   * Applied while parsing, so memory stays bounded on a full day file (≈ 46 k functions × 1,440
   * minutes): 'one' skips other rows unparsed, 'top' keeps at most 2n candidates. Default 'all'.
   */
  select?: FunctionSelection;
}

const MINUTE_S = 60;

/**
 * Header `HashOwner,HashApp,HashFunction,Trigger,1..1440` (original) or with minute columns
 * `480..959` (vHive invitro excerpt). Minute column m covers [(m−1)·60, m·60) s of the day in the
 * original 1-based schema, so arrival 0 is startS = (first m − 1)·60 on the day's clock.
 */
export function createAzure2019InvocationsParser(
  options: Azure2019Options = {}
): ChunkParser<Trace> {
  const log = createRowErrorLog(options);
  const select = options.select ?? { mode: 'all' };
  let header: string[] = [];
  let owner = -1,
    app = -1,
    func = -1,
    trigger = -1;
  let firstMinute = 0;
  const minuteCols: number[] = [];
  let kept: TraceFunction[] = [];
  const seen = new Map<string, number>();

  return createChunkParser({
    header(fields, line) {
      header = fields;
      owner = findColumn(fields, 'HashOwner');
      app = findColumn(fields, 'HashApp');
      func = findColumn(fields, 'HashFunction');
      trigger = findColumn(fields, 'Trigger');
      if (func < 0 || app < 0) {
        throw new TraceParseError(
          `line ${line}: Azure 2019 invocations header needs HashApp and HashFunction columns`,
          line
        );
      }
      for (let i = 0; i < fields.length; i++) {
        if (!/^\d+$/.test(fields[i])) continue;
        const m = Number(fields[i]);
        if (minuteCols.length === 0) firstMinute = m;
        else if (m !== firstMinute + minuteCols.length) {
          throw new TraceParseError(
            `line ${line}, column "${fields[i]}": minute columns must be consecutive; expected ${firstMinute + minuteCols.length}`,
            line,
            fields[i]
          );
        }
        minuteCols.push(i);
      }
      if (minuteCols.length === 0) {
        throw new TraceParseError(
          `line ${line}: no minute columns (headers 1..1440) in the Azure 2019 header`,
          line
        );
      }
      return true;
    },
    row(fields, line) {
      if (fields.length !== header.length)
        return log.report(line, undefined, columnCountProblem(header, fields.length));
      const id = fields[func];
      const appId = fields[app];
      if (select.mode === 'one' && id !== select.id && `${appId}/${id}` !== select.id) return;
      const key = `${owner >= 0 ? fields[owner] : ''}/${appId}/${id}`;
      const first = seen.get(key);
      if (first !== undefined) {
        return log.report(
          line,
          'HashFunction',
          `duplicate function ${quote(id)} of app ${quote(appId)} (first on line ${first})`
        );
      }
      const counts = new Uint32Array(minuteCols.length);
      let invocations = 0;
      for (let k = 0; k < minuteCols.length; k++) {
        const field = fields[minuteCols[k]];
        const x = toNumber(field);
        const problem = countProblem(field, x);
        if (problem !== null) return log.report(line, header[minuteCols[k]], problem);
        counts[k] = x;
        invocations += x;
      }
      seen.set(key, line);
      const f: TraceFunction = {
        id,
        app: appId,
        arrivals: { kind: 'counts', counts, intervalS: MINUTE_S },
        invocations
      };
      if (owner >= 0) f.owner = fields[owner];
      if (trigger >= 0) f.trigger = fields[trigger];
      kept.push(f);
      if (select.mode === 'top' && kept.length >= 2 * select.n)
        kept = topByInvocations(kept, select.n);
    },
    finish(dataRows) {
      if (dataRows === 0) throw new TraceParseError('no data rows: the file has a header only');
      const functions =
        kept.length === 0 && select.mode !== 'one' ? kept : selectFunctions(kept, select);
      let invocations = 0;
      for (const f of functions) invocations += f.invocations;
      const last = firstMinute + minuteCols.length - 1;
      return {
        format: 'azure2019',
        functions,
        invocations,
        startS: (firstMinute - 1) * MINUTE_S,
        durationS: minuteCols.length * MINUTE_S,
        notes: [
          `per-minute counts for minutes ${firstMinute}..${last} of the day (${minuteCols.length} minutes); ` +
            'arrivals are spread uniformly at random within each minute at replay'
        ],
        errors: log.errors,
        skippedRows: log.skippedRows
      };
    }
  });
}
