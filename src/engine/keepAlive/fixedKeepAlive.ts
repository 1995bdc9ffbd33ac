/** The fixed keep-alive policy: every idle instance stays warm keepAliveS, never pre-warmed. */
import type { KeepAlivePolicy } from './keepAlivePolicy.ts';

export function fixedKeepAlive(keepAliveS: number): KeepAlivePolicy {
  if (!(keepAliveS >= 0)) throw new Error(`keepAliveS = ${keepAliveS}: must be ≥ 0 s`);
  const w = Object.freeze({ prewarmS: 0, keepAliveS });
  return { observeIdle() {}, windows: () => w };
}

/** The 'none' policy: unload right after every execution, so every request is a cold start. */
export function noKeepAlive(): KeepAlivePolicy {
  return fixedKeepAlive(0);
}
