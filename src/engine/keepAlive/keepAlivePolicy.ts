/**
 * Keep-alive policies as pure decision logic, and the scenario field they are configured by.
 *
 * Proposed scenario field (schema.ts belongs to the lead; this is the shape these modules read):
 *
 *   platform.keepAlive:
 *     | { policy: 'fixed' }   // keep an idle instance platform.keepAliveS s (today's behaviour; default)
 *     | { policy: 'none' }    // unload after every request: every request is cold
 *     | { policy: 'hybrid-histogram'; rangeMinutes: 240; binMinutes: 1; prewarmPercentile: 5;
 *         keepAlivePercentile: 99; marginFraction: 0.1; minSamples: 10; cvThreshold: 2;
 *         maxOutOfBoundsFraction: 0.5 }
 *
 * The hybrid fields may be omitted; HYBRID_HISTOGRAM_DEFAULTS fills them.
 */

/** After an execution ends at t: unload, load again at t + prewarmS, keep until t + prewarmS + keepAliveS. */
export interface KeepAliveWindows {
  /** Time from the end of an execution to re-loading the instance, s; 0 = do not unload at all. */
  prewarmS: number;
  /** How long the instance stays warm from the pre-warm (or, when prewarmS = 0, from the end), s. */
  keepAliveS: number;
}

/** A per-function (per instance pool) keep-alive policy. */
export interface KeepAlivePolicy {
  /** Records one idle time: from the end of an execution to the next invocation of the function, s. */
  observeIdle(gapS: number): void;
  /** The windows to apply to the execution that just ended. */
  windows(): Readonly<KeepAliveWindows>;
}

export interface HybridHistogramParams {
  /** Histogram range, minutes; idle times at or beyond it are out of bounds (OOB). Default 240 (paper: 4 h). */
  rangeMinutes: number;
  /** Bin width, minutes. Default 1 (paper). */
  binMinutes: number;
  /** Percentile of idle times that sets the pre-warm window (the histogram "head"). Default 5 (paper). */
  prewarmPercentile: number;
  /** Percentile of idle times that sets the end of the keep-alive window (the "tail"). Default 99 (paper). */
  keepAlivePercentile: number;
  /** Margin: pre-warm at head·(1 − m), keep until tail·(1 + m). Default 0.1 (paper: 10 %). */
  marginFraction: number;
  /** Fewer idle times than this (in range + OOB) → fixed keep-alive of rangeMinutes. Default 10 (ours; the paper gives none). */
  minSamples: number;
  /** Coefficient of variation of the in-range bin counts below this → not predictable → fixed keep-alive. Default 2 (paper). */
  cvThreshold: number;
  /** Share of OOB idle times above this → fixed keep-alive (the paper switches to ARIMA here; not modelled). Default 0.5. */
  maxOutOfBoundsFraction: number;
}

export type { KeepAliveSpec } from '../../scenario/schema.ts';

export const HYBRID_HISTOGRAM_DEFAULTS: HybridHistogramParams = {
  rangeMinutes: 240,
  binMinutes: 1,
  prewarmPercentile: 5,
  keepAlivePercentile: 99,
  marginFraction: 0.1,
  minSamples: 10,
  cvThreshold: 2,
  maxOutOfBoundsFraction: 0.5
};
