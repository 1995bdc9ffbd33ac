/** Joins the Azure 2019 durations and memory files onto a parsed invocations trace. */
import type { Azure2019Durations } from './createAzure2019DurationsParser.ts';
import type { Azure2019Memory } from './createAzure2019MemoryParser.ts';
import type { Trace, TraceFunction } from './traceModel.ts';

/**
 * applyAzure2019Extras(trace, durations?, memory?) returns a new trace whose functions carry
 * `duration` (percentile dist) and `memoryMb` where the files have a row for them; the notes say
 * how many matched. Functions without a match keep the scenario's duration and memory.
 */
export function applyAzure2019Extras(
  trace: Trace,
  durations?: Azure2019Durations,
  memory?: Azure2019Memory
): Trace {
  let withDuration = 0;
  let withMemory = 0;
  const functions = trace.functions.map((f) => {
    const out: TraceFunction = { ...f };
    const d = durations?.byFunction.get(`${f.app}/${f.id}`);
    if (d !== undefined) {
      out.duration = d.dist;
      withDuration++;
    }
    if (memory !== undefined) {
      const mb = memory.averageMb.get(memory.scope === 'app' ? f.app : `${f.app}/${f.id}`);
      if (mb !== undefined) {
        out.memoryMb = mb;
        out.memoryScope = memory.scope;
        withMemory++;
      }
    }
    return out;
  });
  const n = functions.length;
  const notes = [...trace.notes];
  if (durations !== undefined)
    notes.push(`durations: ${withDuration} of ${n} functions have a percentile row`);
  if (memory !== undefined)
    notes.push(`memory (per ${memory.scope}): ${withMemory} of ${n} functions have a row`);
  return { ...trace, functions, notes };
}
