/** The memory sweep: the scenario at every memory size, simulated in parallel on a worker pool. */
import type { Scenario } from '../../scenario/schema.ts';
import { CancelledError, type WorkerPool } from '../../worker/pool.ts';
import type { SweepPoint } from '../../worker/types.ts';

export type SweepStatus = 'idle' | 'running' | 'done' | 'error';

export class Sweep {
  status = $state<SweepStatus>('idle');
  /** Finished sizes, ascending by memory (grows while the sweep runs). */
  points = $state.raw<SweepPoint[]>([]);
  /** Sizes the sweep in flight (or the last one) covers. */
  sizes = $state.raw<number[]>([]);
  /** The scenario `points` belong to. */
  scenario = $state.raw<Scenario | null>(null);
  error = $state<string | null>(null);
  /** Wall time of the last complete sweep, ms. */
  lastSweepMs = $state<number | null>(null);

  #pool: WorkerPool;
  #generation = 0;

  constructor(pool: WorkerPool) {
    this.#pool = pool;
  }

  /**
   * Sweeps `scenario` over `sizes` (MB), cancelling the sweep in flight. `known` is a size already
   * simulated (the main run at the scenario's own memory); it is not simulated again.
   */
  async run(scenario: Scenario, sizes: number[], known: SweepPoint | null = null): Promise<void> {
    const generation = ++this.#generation;
    const started = performance.now();
    this.status = 'running';
    this.error = null;
    this.sizes = sizes;
    const found: SweepPoint[] = known && sizes.includes(known.memoryMb) ? [known] : [];
    const todo = sizes.filter((mb) => mb !== known?.memoryMb);
    // Keep the last sweep on screen until the first new size lands.
    let first = true;
    try {
      await this.#pool.map(
        todo,
        (api, memoryMb) => api.sweepPoint(scenario, memoryMb),
        (point) => {
          if (generation !== this.#generation) return;
          found.push(point);
          found.sort((a, b) => a.memoryMb - b.memoryMb);
          this.points = [...found];
          if (first) this.scenario = scenario;
          first = false;
        }
      );
      if (generation !== this.#generation) return;
      this.lastSweepMs = performance.now() - started;
      this.status = 'done';
    } catch (error) {
      if (generation !== this.#generation || error instanceof CancelledError) return;
      this.error = error instanceof Error ? error.message : String(error);
      this.status = 'error';
    }
  }

  /** Stops the sweep in flight; finished sizes stay. */
  cancel(): void {
    this.#generation++;
    this.#pool.cancel();
    if (this.status === 'running') this.status = 'idle';
  }
}
