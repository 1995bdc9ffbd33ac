/** Builds the keep-alive policy of one instance pool from the scenario's keepAlive field. */
import { fixedKeepAlive, noKeepAlive } from './fixedKeepAlive.ts';
import { hybridHistogram } from './hybridHistogram.ts';
import type { KeepAlivePolicy, KeepAliveSpec } from './keepAlivePolicy.ts';

/** createKeepAlivePolicy(spec, keepAliveS) — keepAliveS is platform.keepAliveS, used by 'fixed'. */
export function createKeepAlivePolicy(
  spec: KeepAliveSpec | undefined,
  keepAliveS: number
): KeepAlivePolicy {
  if (spec === undefined) return fixedKeepAlive(keepAliveS);
  switch (spec.policy) {
    case 'fixed':
      return fixedKeepAlive(keepAliveS);
    case 'none':
      return noKeepAlive();
    case 'hybrid-histogram': {
      const { policy: _policy, ...params } = spec;
      return hybridHistogram(params);
    }
  }
}
