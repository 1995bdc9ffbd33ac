/** The simulation worker: exposes the engine API over comlink and nothing else. */
import * as Comlink from 'comlink';
import { simApi } from './sim.api.ts';

// `self` passed explicitly: the default (globalThis) hangs under same-thread worker polyfills.
Comlink.expose(simApi, self as unknown as Comlink.Endpoint);

export type { SimApi } from './sim.api.ts';
