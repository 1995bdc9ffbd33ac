import { describe, expect, it } from 'vitest';
import { createAzure2019InvocationsParser } from '../../../src/engine/traces/createAzure2019InvocationsParser.ts';
import { createTraceParser } from '../../../src/engine/traces/createTraceParser.ts';
import { selectTrace } from '../../../src/engine/traces/selectFunctions.ts';
import { parseInChunks, readTrace } from './chunks.ts';

const FN500 = 'azure2019/invitro_500fn_8h/invocations.csv';

describe('function selection', () => {
  const text = readTrace(FN500);
  const all = parseInChunks(createTraceParser(), text);
  const byCount = [...all.functions].sort((a, b) => b.invocations - a.invocations);

  it("selectTrace(trace, { mode: 'top', n }) keeps the n busiest functions, busiest first, totals recomputed", () => {
    const top = selectTrace(all, { mode: 'top', n: 10 });
    expect(top.functions.map((f) => f.invocations)).toEqual(
      byCount.slice(0, 10).map((f) => f.invocations)
    );
    expect(top.invocations).toBe(byCount.slice(0, 10).reduce((a, f) => a + f.invocations, 0));
  });

  it("selectTrace(trace, { mode: 'one', id }) keeps that function; an unknown id is an error", () => {
    const f = all.functions[123];
    const one = selectTrace(all, { mode: 'one', id: f.id });
    expect(one.functions).toEqual([f]);
    expect(one.invocations).toBe(f.invocations);
    expect(selectTrace(all, { mode: 'one', id: `${f.app}/${f.id}` }).functions).toEqual([f]);
    expect(() => selectTrace(all, { mode: 'one', id: 'nope' })).toThrow(
      'function "nope" is not in the trace'
    );
  });

  it('selecting while parsing Azure 2019 gives the same functions as selecting afterwards', () => {
    const top = parseInChunks(
      createAzure2019InvocationsParser({ select: { mode: 'top', n: 7 } }),
      text,
      4096
    );
    expect(top.functions).toEqual(selectTrace(all, { mode: 'top', n: 7 }).functions);
    const id = all.functions[42].id;
    const one = parseInChunks(
      createAzure2019InvocationsParser({ select: { mode: 'one', id } }),
      text
    );
    expect(one.functions).toEqual([all.functions[42]]);
    expect(one.invocations).toBe(all.functions[42].invocations);
  });

  it('top n must be a whole number ≥ 1', () => {
    expect(() => selectTrace(all, { mode: 'top', n: 0 })).toThrow(
      'top n = 0: n must be a whole number ≥ 1'
    );
  });
});
