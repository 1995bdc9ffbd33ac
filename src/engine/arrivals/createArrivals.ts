/** Builds the arrival process of a scenario's traffic. */
import type { Traffic } from '../../scenario/schema.ts';
import type { Uniform } from '../rng.ts';
import type { ArrivalProcess } from './arrivalProcess.ts';
import { constantArrivals } from './constant.ts';
import { diurnalArrivals } from './diurnal.ts';
import { burstProfile, piecewiseArrivals } from './piecewise.ts';
import { poissonArrivals } from './poisson.ts';

export function createArrivals(
  traffic: Traffic,
  horizonS: number,
  source: Uniform
): ArrivalProcess {
  switch (traffic.kind) {
    case 'constant':
      return constantArrivals(traffic.ratePerS, horizonS);
    case 'poisson':
      return poissonArrivals(traffic.ratePerS, horizonS, source);
    case 'diurnal':
      return diurnalArrivals(
        traffic.meanRatePerS,
        traffic.peakToMean,
        traffic.peakHourUtc,
        horizonS,
        source
      );
    case 'bursts':
      return piecewiseArrivals(
        burstProfile(
          traffic.baseRatePerS,
          traffic.burstRatePerS,
          traffic.burstEveryS,
          traffic.burstLengthS,
          traffic.burstOffsetS ?? 0
        ),
        horizonS,
        source
      );
    case 'trace':
      throw new Error(
        "traffic kind 'trace' is replayed by simulateTrace(scenario, trace), not by an arrival process"
      );
  }
}

/** Mean arrival rate of a traffic over a whole number of its periods, requests/s. */
export function meanRatePerS(traffic: Traffic): number {
  switch (traffic.kind) {
    case 'constant':
    case 'poisson':
      return traffic.ratePerS;
    case 'diurnal':
      return traffic.meanRatePerS;
    case 'bursts': {
      const f = Math.min(traffic.burstLengthS, traffic.burstEveryS) / traffic.burstEveryS;
      return traffic.burstRatePerS * f + traffic.baseRatePerS * (1 - f);
    }
    case 'trace':
      throw new Error("the mean rate of traffic kind 'trace' comes from the trace (simulateTrace)");
  }
}
