/** Owns the simulation worker: runs the newest scenario, streams progress, cancels and retries. */
import { proxy, type Remote } from 'comlink';
import type { Report } from '../../engine/report.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { SimClient, SimClientFactory } from '../../worker/client.ts';
import type { SimApi } from '../../worker/sim.api.ts';
import type { ReadProgress, TraceInput } from '../../worker/traceTypes.ts';
import type { Comparison, RunUpdate, SweepPoint } from '../../worker/types.ts';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface RunnerOptions {
  /** Terminate the worker after this long without a run, ms. Default 60 000. */
  idleMs?: number;
  /** Partial reports replace the shown result only once a run has taken this long, ms, so quick edits do not flash half-drawn charts. Default 300. */
  partialAfterMs?: number;
  /** The files a trace scenario replays (File handles the page holds); none for other scenarios. */
  traceInput?: (scenario: Scenario) => TraceInput | undefined;
}

export class Runner {
  status = $state<RunStatus>('idle');
  /** Simulated time covered by the run in flight, s. */
  simulatedS = $state(0);
  /** Simulated time the run in flight covers when done, s. */
  durationS = $state(0);
  /** The newest report shown: final, or partial while a long run is in flight. */
  report = $state.raw<Report | null>(null);
  /** The scenario `report` belongs to. */
  reportScenario = $state.raw<Scenario | null>(null);
  /** Memory sizes to sweep for `reportScenario`, MB. */
  sweepSizes = $state.raw<number[]>([]);
  /** `report` as a memory-sweep point at the scenario's own memory. */
  point = $state.raw<SweepPoint | null>(null);
  /** FaaS vs always-on, and the scenario it belongs to (it arrives just after the report). */
  comparison = $state.raw<Comparison | null>(null);
  comparisonScenario = $state.raw<Scenario | null>(null);
  /** Wall time the worker spent simulating the last completed run, ms. */
  lastWorkerMs = $state<number | null>(null);
  /** Why the last run failed. */
  error = $state<string | null>(null);
  /** Wall time of the last completed run as seen by the page (transport included), ms. */
  lastRunMs = $state<number | null>(null);
  /** Completed runs; lets tests and the e2e suite wait for a new result. */
  completed = $state(0);
  /** Bytes of trace files read so far while a trace run (re)reads its files first; null otherwise. */
  reading = $state<ReadProgress | null>(null);

  #factory: SimClientFactory;
  #options: Required<Omit<RunnerOptions, 'traceInput'>> & Pick<RunnerOptions, 'traceInput'>;
  #client: SimClient | null = null;
  /**
   * A second worker for the always-on comparison, so that it never delays the next run: an edit
   * right after a run would otherwise wait in the run worker's queue behind it.
   */
  #auxClient: SimClient | null = null;
  #auxBusy = false;
  #generation = 0;
  #inFlight = false;
  #last: Scenario | null = null;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Settles the run in flight when its worker is terminated (a terminated worker never answers). */
  #abandon: () => void = () => {};
  /** Settles `withWorker` tasks when their worker is terminated. */
  #onStop: (() => void)[] = [];

  constructor(factory: SimClientFactory, options: RunnerOptions = {}) {
    this.#factory = factory;
    this.#options = { idleMs: 60_000, partialAfterMs: 300, ...options };
  }

  /** Share of the run in flight that is done, in [0, 1]. */
  get fraction(): number {
    return this.durationS > 0 ? Math.min(1, this.simulatedS / this.durationS) : 0;
  }

  /** Starts a run of `scenario`, cancelling the one in flight; resolves when it ends either way. */
  async run(scenario: Scenario): Promise<void> {
    const generation = ++this.#generation;
    if (this.#inFlight) this.#stopWorker();
    clearTimeout(this.#idleTimer);
    this.#last = scenario;
    this.#inFlight = true;
    this.status = 'running';
    this.error = null;
    this.simulatedS = 0;
    this.durationS = scenario.durationS;
    const started = performance.now();
    const client = (this.#client ??= this.#factory());
    const abandoned = new Promise<null>((resolve) => {
      this.#abandon = () => resolve(null);
    });
    this.reading = null;
    const onRead = proxy((progress: ReadProgress) => {
      if (generation === this.#generation) this.reading = progress;
    });
    // Partial updates come over the callback's own MessagePort, the result over the worker's port:
    // the two are not ordered, so a late partial must not replace the final report.
    let settled = false;
    const onUpdate = proxy((update: RunUpdate) => {
      if (generation !== this.#generation || settled || update.simulatedS < this.simulatedS) return;
      this.reading = null;
      this.simulatedS = update.simulatedS;
      this.durationS = update.durationS;
      if (performance.now() - started >= this.#options.partialAfterMs) {
        this.report = update.report;
        this.reportScenario = scenario;
      }
    });
    try {
      const result = await Promise.race([
        client.api.run(scenario, onUpdate, {}, this.#options.traceInput?.(scenario), onRead),
        client.crashed,
        abandoned
      ]);
      settled = true;
      if (generation !== this.#generation || result === null) return;
      this.report = result.report;
      this.reportScenario = scenario;
      this.sweepSizes = result.sweepSizes;
      this.point = result.point;
      this.lastWorkerMs = result.elapsedMs;
      this.simulatedS = this.durationS;
      this.lastRunMs = performance.now() - started;
      this.status = 'done';
      this.completed++;
      void this.#compare(scenario, result.report, generation);
    } catch (error) {
      if (generation !== this.#generation) return;
      // The worker may be broken; the next run (or retry) starts a fresh one.
      this.#stopWorker();
      this.error = error instanceof Error ? error.message : String(error);
      this.status = 'error';
    } finally {
      if (generation === this.#generation) {
        this.reading = null;
        this.#inFlight = false;
        this.#scheduleIdleStop();
      }
    }
  }

  /**
   * Runs `task` on the run worker (e.g. reading a trace file into the worker's cache, so the runs
   * that follow find it there). Rejects if the worker crashes or is terminated meanwhile.
   */
  async withWorker<T>(task: (api: Remote<SimApi>) => Promise<T>): Promise<T> {
    clearTimeout(this.#idleTimer);
    const client = (this.#client ??= this.#factory());
    let stop = (): void => {};
    const stopped = new Promise<never>((_, reject) => {
      stop = () => reject(new Error('the worker was stopped while reading; choose the file again'));
    });
    stopped.catch(() => {});
    this.#onStop.push(stop);
    try {
      return await Promise.race([task(client.api), client.crashed, stopped]);
    } finally {
      this.#onStop = this.#onStop.filter((s) => s !== stop);
      if (!this.#inFlight) this.#scheduleIdleStop();
    }
  }

  /** Stops the run in flight (terminates its worker); the last result stays on screen. */
  cancel(): void {
    if (!this.#inFlight) return;
    this.#generation++;
    this.#inFlight = false;
    this.#stopWorker();
    this.status = 'cancelled';
  }

  /** Runs the last scenario again (after an error or a cancel). */
  retry(): Promise<void> {
    return this.#last ? this.run(this.#last) : Promise.resolve();
  }

  /** Terminates the worker for good. */
  dispose(): void {
    this.cancel();
    clearTimeout(this.#idleTimer);
    this.#stopWorker();
    this.#stopAux();
  }

  /** Asks the comparison worker for FaaS vs always-on; a failure only leaves that chart empty. */
  async #compare(scenario: Scenario, report: Report, generation: number): Promise<void> {
    // A comparison still in flight is for an older run: drop it with its worker.
    if (this.#auxBusy) this.#stopAux();
    const client = (this.#auxClient ??= this.#factory());
    this.#auxBusy = true;
    try {
      const comparison = await Promise.race([client.api.compare(scenario, report), client.crashed]);
      if (client === this.#auxClient) this.#auxBusy = false;
      if (generation !== this.#generation) return;
      this.comparison = comparison;
      this.comparisonScenario = scenario;
    } catch {
      if (client === this.#auxClient) this.#stopAux();
      if (generation !== this.#generation) return;
      this.comparison = null;
      this.comparisonScenario = scenario;
    }
  }

  #stopAux(): void {
    this.#auxClient?.terminate();
    this.#auxClient = null;
    this.#auxBusy = false;
  }

  #stopWorker(): void {
    this.#abandon();
    for (const stop of this.#onStop.splice(0)) stop();
    this.#client?.terminate();
    this.#client = null;
  }

  #scheduleIdleStop(): void {
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => {
      if (!this.#inFlight) this.#stopWorker();
      if (!this.#auxBusy) this.#stopAux();
    }, this.#options.idleMs);
  }
}
