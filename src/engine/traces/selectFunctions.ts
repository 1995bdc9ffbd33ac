/** Function selection: one function by id, the top N by invocation count, or all. */
import type { Trace, TraceFunction } from './traceModel.ts';

export type { FunctionSelection } from '../../scenario/schema.ts';
import type { FunctionSelection } from '../../scenario/schema.ts';

/** Whether `f` is the function a 'one' selection names. */
export function matchesId(f: TraceFunction, id: string): boolean {
  return f.id === id || `${f.app}/${f.id}` === id;
}

/**
 * selectFunctions(functions, selection) returns the selected functions in descending invocation
 * order for 'top', file order otherwise. Throws when 'one' matches none or several functions.
 */
export function selectFunctions(
  functions: TraceFunction[],
  selection: FunctionSelection
): TraceFunction[] {
  switch (selection.mode) {
    case 'all':
      return functions;
    case 'one': {
      const hits = functions.filter((f) => matchesId(f, selection.id));
      if (hits.length === 0) throw new Error(`function "${selection.id}" is not in the trace`);
      if (hits.length > 1) {
        throw new Error(
          `function id "${selection.id}" is in ${hits.length} apps; select it as "app/id"`
        );
      }
      return hits;
    }
    case 'top': {
      if (!Number.isInteger(selection.n) || selection.n < 1) {
        throw new Error(`top n = ${selection.n}: n must be a whole number ≥ 1`);
      }
      return topByInvocations(functions, selection.n);
    }
  }
}

/** The n functions with the most invocations, descending; a stable sort keeps file order on ties. */
export function topByInvocations(functions: TraceFunction[], n: number): TraceFunction[] {
  return [...functions].sort((a, b) => b.invocations - a.invocations).slice(0, n);
}

/** selectTrace(trace, selection) is the trace restricted to the selection, totals recomputed. */
export function selectTrace(trace: Trace, selection: FunctionSelection): Trace {
  const functions = selectFunctions(trace.functions, selection);
  let invocations = 0;
  for (const f of functions) invocations += f.invocations;
  return { ...trace, functions, invocations };
}
