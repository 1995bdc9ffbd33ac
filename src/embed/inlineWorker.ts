/**
 * Simulation workers for the web component: the worker's code is inlined in the script (a blob URL),
 * so a page on another origin (a docs site loading the script from a CDN) can still start it.
 */
import SimWorker from '../worker/sim.worker.ts?worker&inline';
import { clientFromEndpoint, type SimClient } from '../worker/client.ts';

export function createInlineSimWorker(): SimClient {
  const worker = new SimWorker();
  return clientFromEndpoint(
    worker,
    () => worker.terminate(),
    (fail) => {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        fail(new Error(`The simulation worker crashed: ${event.message || 'script error'}`));
      });
    }
  );
}
