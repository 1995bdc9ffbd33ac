/** The worker's trace API: read a trace's files into the worker, and compare keep-alive policies. */
import { compareKeepAlive, keepAliveVariants } from '../engine/compareKeepAlive.ts';
import type { Report } from '../engine/report.ts';
import { createSimulation, type Simulation } from '../engine/simulate.ts';
import { createTraceSimulation, type TraceReport } from '../engine/simulateTrace.ts';
import type { Scenario } from '../scenario/schema.ts';
import { TraceStore } from './traceStore.ts';
import type { KeepAliveComparison, ReadProgress, ReadResult, TraceInput } from './traceTypes.ts';

/** Functions kept in a partial report sent ten times a second; the final report has them all. */
const PARTIAL_FUNCTIONS = 100;

/** A partial trace report with only its most-invoked functions (big traces have thousands). */
export function trimFunctions(report: Report): Report {
  if (!('functions' in report)) return report;
  const r = report as TraceReport;
  if (r.functions.length <= PARTIAL_FUNCTIONS) return r;
  const trimmed: TraceReport = {
    ...r,
    functions: [...r.functions].sort((a, b) => b.arrivals - a.arrivals).slice(0, PARTIAL_FUNCTIONS)
  };
  return trimmed;
}

/** The simulation of any scenario: a trace replay (its trace from `store`) or the synthetic loop. */
export async function simulationFor(
  store: TraceStore,
  scenario: Scenario,
  input?: TraceInput,
  onRead?: (p: ReadProgress) => unknown
): Promise<Simulation> {
  if (scenario.traffic.kind !== 'trace') return createSimulation(scenario);
  return createTraceSimulation(scenario, await store.traceFor(scenario, input, onRead));
}

/** Steps each keep-alive run is cut into for progress. */
const PROGRESS_STEPS = 20;

export function createTraceApi(store: TraceStore = new TraceStore()) {
  return {
    /**
     * Reads a trace's files in this worker (streamed, hashed, parsed) and keeps the parsed trace
     * for the runs that follow; returns its summary or where the file is malformed.
     */
    async readTrace(
      input: TraceInput,
      format: Extract<Scenario['traffic'], { kind: 'trace' }>['format'],
      onProgress?: (progress: ReadProgress) => unknown
    ): Promise<ReadResult> {
      return store.read(input, format, onProgress);
    },

    /**
     * Runs the scenario once per keep-alive policy (none, fixed 1/5/10/20/60 min, hybrid
     * histogram) and compares them; `onProgress` gets the share done, about 10 times a second.
     * Synchronous inside: cancelling means terminating the worker.
     */
    async compareKeepAlive(
      scenario: Scenario,
      onProgress?: (fraction: number) => unknown,
      input?: TraceInput
    ): Promise<KeepAliveComparison> {
      const started = performance.now();
      const trace =
        scenario.traffic.kind === 'trace' ? await store.traceFor(scenario, input) : null;
      const total = keepAliveVariants().length;
      let done = 0;
      let last = -Infinity;
      const tell = (fraction: number): void => {
        const now = performance.now();
        if (!onProgress || now - last < 100) return;
        last = now;
        // Not awaited: the page's answer would only stall the runs.
        void onProgress(fraction);
      };
      const rows = compareKeepAlive(scenario, (s) => {
        const sim = trace === null ? createSimulation(s) : createTraceSimulation(s, trace);
        for (let k = 1; k <= PROGRESS_STEPS; k++) {
          if (sim.advance((sim.durationS * k) / PROGRESS_STEPS)) break;
          tell((done + k / PROGRESS_STEPS) / total);
        }
        sim.advance(Infinity);
        done++;
        tell(done / total);
        return sim.report();
      });
      void onProgress?.(1);
      return { rows, elapsedMs: performance.now() - started };
    }
  };
}
