/** Creates simulation workers: the one place that knows the worker's URL. */
import * as Comlink from 'comlink';
import type { SimApi } from './sim.api.ts';

/** A live worker: its comlink proxy, a promise that rejects if the worker dies, and a kill switch. */
export interface SimClient {
  api: Comlink.Remote<SimApi>;
  /** Rejects when the worker crashes (script error, out of memory); never resolves. */
  crashed: Promise<never>;
  terminate(): void;
}

export type SimClientFactory = () => SimClient;

/** Wraps any comlink endpoint; `onCrash` lets the caller report the endpoint's own error events. */
export function clientFromEndpoint(
  endpoint: Comlink.Endpoint,
  terminate: () => void,
  onCrash?: (fail: (error: Error) => void) => void
): SimClient {
  let fail: (error: Error) => void = () => {};
  const crashed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  // A crash nobody is waiting for is not an unhandled rejection.
  crashed.catch(() => {});
  onCrash?.(fail);
  const api = Comlink.wrap<SimApi>(endpoint);
  return {
    api,
    crashed,
    terminate() {
      api[Comlink.releaseProxy]();
      terminate();
    }
  };
}

/** Starts a module worker running src/worker/sim.worker.ts. */
export function createSimWorker(): SimClient {
  // Keep `new Worker(new URL(...))` literal so Vite bundles the worker as its own chunk.
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
  return clientFromEndpoint(
    worker,
    () => worker.terminate(),
    (fail) => {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        fail(new Error(`The simulation worker crashed: ${event.message || 'script error'}`));
      });
      worker.addEventListener('messageerror', () => {
        fail(new Error('The simulation worker sent a message that could not be read'));
      });
    }
  );
}
