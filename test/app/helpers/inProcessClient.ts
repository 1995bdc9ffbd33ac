/** A simulation "worker" in the test's own thread: the real sim API behind comlink over a MessageChannel. */
import * as Comlink from 'comlink';
import { clientFromEndpoint, type SimClient } from '../../../src/worker/client.ts';
import { simApi } from '../../../src/worker/sim.api.ts';

export interface FakeClientLog {
  started: number;
  terminated: number;
}

/** A factory of in-process clients; `log` counts starts and terminations. */
export function inProcessClients(api: object = simApi): {
  factory: () => SimClient;
  log: FakeClientLog;
} {
  const log: FakeClientLog = { started: 0, terminated: 0 };
  const factory = (): SimClient => {
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(api, port1 as unknown as Comlink.Endpoint);
    log.started++;
    return clientFromEndpoint(port2 as unknown as Comlink.Endpoint, () => {
      log.terminated++;
      port1.close();
      port2.close();
    });
  };
  return { factory, log };
}

/** A client whose worker "crashes" as soon as it is asked anything. */
export function crashingClient(): SimClient {
  const { port2 } = new MessageChannel();
  return clientFromEndpoint(
    port2 as unknown as Comlink.Endpoint,
    () => port2.close(),
    (fail) => queueMicrotask(() => fail(new Error('The simulation worker crashed: boom')))
  );
}
