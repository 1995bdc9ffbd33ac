/** Scenarios to start from: each one is the default scenario with a few fields changed. */
import { DEFAULT_SCENARIO } from '../../scenario/defaults.ts';
import type { Scenario } from '../../scenario/schema.ts';

export interface Preset {
  id: string;
  label: string;
  /** One line on what the preset models, shown under the picker. */
  description: string;
  build: () => Scenario;
}

function withDefaults(change: (s: Scenario) => void): () => Scenario {
  return () => {
    const s = structuredClone(DEFAULT_SCENARIO);
    change(s);
    return s;
  };
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'default',
    label: 'Default: 10 req/s for a day',
    description:
      'Poisson traffic at 10 requests per second, a 512 MB Node.js function on AWS Lambda.',
    build: withDefaults(() => {})
  },
  {
    id: 'api-backend',
    label: 'API backend 50 req/s, Node.js',
    description:
      'A daily cycle averaging 50 req/s (peak 2× at 15:00 UTC) behind an HTTP API gateway; fast handlers.',
    build: withDefaults((s) => {
      s.traffic = { kind: 'diurnal', meanRatePerS: 50, peakToMean: 2, peakHourUtc: 15 };
      s.function.runtime = 'nodejs22';
      s.function.memoryMb = 1024;
      s.function.durationMs = { dist: 'lognormal', median: 60, p99: 450 };
      s.function.cpuBoundFraction = 0.3;
      s.billing.apiGateway = 'http';
    })
  },
  {
    id: 'nightly-batch',
    label: 'Nightly batch',
    description:
      'Quiet all day, then an hour of 20 req/s CPU-heavy Python jobs starting at 02:00 UTC.',
    build: withDefaults((s) => {
      s.traffic = {
        kind: 'bursts',
        baseRatePerS: 0.001,
        burstRatePerS: 20,
        burstEveryS: 86_400,
        burstLengthS: 3600,
        burstOffsetS: 2 * 3600
      };
      s.function.runtime = 'python312';
      s.function.memoryMb = 1024;
      s.function.packageMb = 20;
      s.function.durationMs = { dist: 'lognormal', median: 1500, p99: 6000 };
      s.function.cpuBoundFraction = 0.8;
    })
  },
  {
    id: 'spiky-webhook',
    label: 'Spiky webhook',
    description:
      'A trickle of 0.2 req/s with a 2-minute burst of 30 req/s every half hour, I/O-bound handlers.',
    build: withDefaults((s) => {
      s.traffic = {
        kind: 'bursts',
        baseRatePerS: 0.2,
        burstRatePerS: 30,
        burstEveryS: 1800,
        burstLengthS: 120,
        burstOffsetS: 0
      };
      s.function.memoryMb = 256;
      s.function.durationMs = { dist: 'lognormal', median: 200, p99: 2000 };
      s.function.cpuBoundFraction = 0.2;
    })
  },
  {
    id: 'internal-tool',
    label: 'Low-traffic internal tool',
    description:
      'About 4,000 requests a day during office hours; most of them meet a cold start. Free tier on.',
    build: withDefaults((s) => {
      s.traffic = { kind: 'diurnal', meanRatePerS: 0.05, peakToMean: 4, peakHourUtc: 13 };
      s.function.runtime = 'python312';
      s.function.packageMb = 30;
      s.function.durationMs = { dist: 'lognormal', median: 300, p99: 1500 };
      s.billing.freeTier = true;
      s.alwaysOn.minInstances = 1;
    })
  }
];

/** The preset with this id; throws on an unknown id so a typo never silently loads the default. */
export function presetById(id: string): Preset {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset)
    throw new Error(
      `Unknown preset '${id}': expected one of ${PRESETS.map((p) => p.id).join(', ')}`
    );
  return preset;
}
