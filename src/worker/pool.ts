/** A small pool of simulation workers that runs independent tasks in parallel (the memory sweep). */
import type { Remote } from 'comlink';
import type { SimClient, SimClientFactory } from './client.ts';
import type { SimApi } from './sim.api.ts';

/** Thrown out of `map` when `cancel()` stopped it. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** Pool size for this machine: hardwareConcurrency, at least 1, at most `cap` (default 4). */
export function poolSize(hardwareConcurrency: number | undefined, cap = 4): number {
  const cores = hardwareConcurrency && hardwareConcurrency > 0 ? hardwareConcurrency : 2;
  return Math.max(1, Math.min(cap, cores));
}

export class WorkerPool {
  readonly size: number;
  #factory: SimClientFactory;
  #idle: SimClient[] = [];
  #busy = new Set<SimClient>();
  #cancelRun: (() => void) | null = null;

  /** `size` workers at most, started lazily by `factory`. */
  constructor(size: number, factory: SimClientFactory) {
    this.size = size;
    this.#factory = factory;
  }

  /** Workers started and not terminated (idle + busy). */
  get live(): number {
    return this.#idle.length + this.#busy.size;
  }

  /**
   * Runs `task` for every item, at most `size` at once, calling `onResult` as each finishes.
   * Results come back in item order. A new `map` (or `cancel`) stops the one in flight.
   */
  async map<T, R>(
    items: readonly T[],
    task: (api: Remote<SimApi>, item: T) => Promise<R>,
    onResult?: (result: R, index: number) => void
  ): Promise<R[]> {
    this.cancel();
    const results = new Array<R>(items.length);
    let next = 0;
    let stopped = false;
    let cancelThis = (): void => {};
    const cancelled = new Promise<never>((_, reject) => {
      cancelThis = () => {
        stopped = true;
        reject(new CancelledError());
      };
    });
    this.#cancelRun = cancelThis;
    cancelled.catch(() => {});
    const lane = async (): Promise<void> => {
      while (!stopped && next < items.length) {
        const index = next++;
        const client = this.#idle.pop() ?? this.#factory();
        this.#busy.add(client);
        let result: R;
        try {
          result = await Promise.race([task(client.api, items[index]), client.crashed, cancelled]);
        } catch (error) {
          // A crashed or cancelled worker is not reused; cancel() already terminated busy ones.
          if (this.#busy.delete(client)) client.terminate();
          throw error;
        }
        this.#busy.delete(client);
        this.#idle.push(client);
        if (stopped) return;
        results[index] = result;
        onResult?.(result, index);
      }
    };
    const lanes = Array.from({ length: Math.min(this.size, items.length) }, lane);
    try {
      await Promise.race([Promise.all(lanes), cancelled]);
    } catch (error) {
      if (!(error instanceof CancelledError)) {
        // One task failed: the others' results are useless, so stop them too.
        stopped = true;
        for (const client of this.#busy) client.terminate();
        this.#busy.clear();
      }
      throw error;
    } finally {
      if (this.#cancelRun === cancelThis) this.#cancelRun = null;
    }
    return results;
  }

  /** Stops the `map` in flight: its busy workers are terminated (abort means terminate). */
  cancel(): void {
    const cancelRun = this.#cancelRun;
    this.#cancelRun = null;
    if (!cancelRun) return;
    for (const client of this.#busy) client.terminate();
    this.#busy.clear();
    cancelRun();
  }

  /** Cancels and terminates every worker. */
  dispose(): void {
    this.cancel();
    for (const client of this.#idle) client.terminate();
    this.#idle = [];
  }
}
