/** The always-on comparison of a run: each option's fleet for the run's traffic and its break-even. */
import type { Scenario } from '../../scenario/schema.ts';
import type { Report } from '../report.ts';
import { alwaysOnOption } from '../pricing/alwaysOn.ts';
import { breakEven, type BreakEvenCurve, type BreakEvenOptions } from './breakEven.ts';
import { serverWorkload } from './serverWorkload.ts';
import { sizeFleet, type Fleet } from './sizeFleet.ts';

export interface AlwaysOnComparison {
  /** Mean and peak-interval arrival rates of the run, per s. */
  meanRatePerS: number;
  peakRatePerS: number;
  /** The run's traffic per month. */
  requestsPerMonth: number;
  fleets: Fleet[];
  breakEven: BreakEvenCurve[];
  /** Options in the scenario that are not in the catalog. */
  unknownOptions: string[];
  notes: string[];
}

export interface CompareOptions extends BreakEvenOptions {
  /** Requests per second one instance serves at 100 % CPU, instead of deriving it. */
  capacityPerInstance?: number;
}

/** peakRate(report): the highest per-interval arrival rate (the last interval may be shorter). */
export function peakRate(report: Report): number {
  const { intervalS, arrivals } = report.series;
  let peak = 0;
  for (let i = 0; i < arrivals.length; i++) {
    const len =
      i === arrivals.length - 1 ? Math.max(report.simulatedS - i * intervalS, 1e-9) : intervalS;
    peak = Math.max(peak, arrivals[i] / Math.min(len, intervalS));
  }
  return peak;
}

/** compareAlwaysOn(report, scenario): fleets for `scenario.alwaysOn.options`, sized for the run. */
export function compareAlwaysOn(
  report: Report,
  scenario: Scenario,
  opts: CompareOptions = {}
): AlwaysOnComparison {
  const meanRatePerS = report.simulatedS > 0 ? report.arrivals / report.simulatedS : 0;
  const peakRatePerS = Math.max(meanRatePerS, peakRate(report));
  const work = serverWorkload(scenario);
  const shape = {
    cpuMs: work.cpuMs,
    ioMs: work.ioMs,
    capacityPerInstance: opts.capacityPerInstance,
    targetUtilization: scenario.alwaysOn.targetUtilization,
    minInstances: scenario.alwaysOn.minInstances,
    monthHours: scenario.billing.monthHours
  };
  const fleets: Fleet[] = [];
  const curves: BreakEvenCurve[] = [];
  const unknownOptions: string[] = [];
  for (const id of scenario.alwaysOn.options) {
    const option = alwaysOnOption(id);
    if (!option) {
      unknownOptions.push(id);
      continue;
    }
    fleets.push(sizeFleet({ ...shape, option, meanRatePerS, peakRatePerS }));
    const peakToMean = meanRatePerS > 0 ? peakRatePerS / meanRatePerS : 1;
    curves.push(breakEven(report.usage, scenario, option, shape, { ...opts, peakToMean }));
  }
  return {
    meanRatePerS,
    peakRatePerS,
    requestsPerMonth: meanRatePerS * scenario.billing.monthHours * 3600,
    fleets,
    breakEven: curves,
    unknownOptions,
    notes: [work.note, `Peak = the busiest ${report.series.intervalS} s interval of the run.`]
  };
}
