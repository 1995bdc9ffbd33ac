/** The keep-alive policy comparison: seven runs of one workload in a worker of its own, cancellable. */
import { proxy } from 'comlink';
import type { KeepAliveRow } from '../../engine/compareKeepAlive.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { SimClient, SimClientFactory } from '../../worker/client.ts';
import type { TraceInput } from '../../worker/traceTypes.ts';

export type KeepAliveStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export class KeepAliveRun {
  status = $state<KeepAliveStatus>('idle');
  /** Share of the seven runs done, 0–1. */
  fraction = $state(0);
  /** The last finished comparison, and the scenario it belongs to. */
  rows = $state.raw<KeepAliveRow[] | null>(null);
  scenario = $state.raw<Scenario | null>(null);
  error = $state<string | null>(null);
  /** Wall time of the last comparison in the worker, ms. */
  elapsedMs = $state<number | null>(null);

  #factory: SimClientFactory;
  #client: SimClient | null = null;
  #generation = 0;
  #abandon: () => void = () => {};

  /** `factory` starts the worker; its own, so the main run and this one never cancel each other. */
  constructor(factory: SimClientFactory) {
    this.#factory = factory;
  }

  /** Compares the policies on `scenario` (with its trace files, if any); cancels the one in flight. */
  async run(scenario: Scenario, input?: TraceInput): Promise<void> {
    this.#stop();
    const generation = ++this.#generation;
    this.status = 'running';
    this.fraction = 0;
    this.error = null;
    const client = (this.#client = this.#factory());
    const abandoned = new Promise<null>((resolve) => {
      this.#abandon = () => resolve(null);
    });
    // Progress travels on its own MessagePort, unordered with the result: never move it backwards.
    const onProgress = proxy((f: number) => {
      if (generation === this.#generation && this.status === 'running' && f > this.fraction)
        this.fraction = f;
    });
    try {
      const result = await Promise.race([
        client.api.compareKeepAlive(scenario, onProgress, input),
        client.crashed,
        abandoned
      ]);
      if (generation !== this.#generation || result === null) return;
      this.rows = result.rows;
      this.scenario = scenario;
      this.elapsedMs = result.elapsedMs;
      this.fraction = 1;
      this.status = 'done';
    } catch (error) {
      if (generation !== this.#generation) return;
      this.error = error instanceof Error ? error.message : String(error);
      this.status = 'error';
    } finally {
      // The worker holds a copy of the trace: free it once the comparison is over.
      if (generation === this.#generation) this.#stop();
    }
  }

  /** Stops the comparison in flight (terminates its worker); the last finished one stays. */
  cancel(): void {
    if (this.status !== 'running') return;
    this.#generation++;
    this.#stop();
    this.status = 'cancelled';
  }

  dispose(): void {
    this.cancel();
    this.#stop();
  }

  #stop(): void {
    this.#abandon();
    this.#client?.terminate();
    this.#client = null;
  }
}
