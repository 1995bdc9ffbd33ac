/** The worker's API behind the full comlink protocol, without a Worker (TOOLCHAIN: MessageChannel in Node). */
import * as Comlink from 'comlink';
import { onTestFinished } from 'vitest';
import { simApi, type SimApi } from '../../src/worker/sim.api.ts';

/** remoteSimApi() wraps simApi over a MessageChannel; the channel closes when the test ends. */
export function remoteSimApi(): Comlink.Remote<SimApi> {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(simApi, port1 as unknown as Comlink.Endpoint);
  const api = Comlink.wrap<SimApi>(port2 as unknown as Comlink.Endpoint);
  onTestFinished(() => {
    api[Comlink.releaseProxy]();
    port1.close();
    port2.close();
  });
  return api;
}
