/** The AWS Lambda experiments of pacslab/simfaas `examples/exp.csv`, read from the file's text. */

export interface SimfaasExperiment {
  /** Position in the file, 0-based (even rows fit, odd rows test). */
  index: number;
  /** Experiment id in the file, e.g. 'experiment_13'. */
  id: string;
  arrivalRatePerS: number;
  /** Mean client-side response time of warm requests, ms. */
  warmMs: number;
  /** Mean client-side response time of cold requests, ms. */
  coldMs: number;
  /** Idle tail the authors added to each instance when counting instances, s (10 min). */
  countTailS: number;
  instanceCount: number;
  coldStartProbability: number;
  coldStartProbabilitySE: number;
  runningInstances: number;
  idleInstances: number;
}

const COLUMNS = [
  'ArrivalRate',
  'ServiceTimeWarm',
  'ServiceTimeCold',
  'IdleMinutesBeforeKill',
  'AverageInstanceCount',
  'AverageUtilization',
  'ColdStartProbability',
  'ColdStartProbabilitySE',
  'AverageRunningInstances',
  'AverageIdleInstances'
] as const;

/** Parses exp.csv; throws naming the line and column when the header or a number is not as expected. */
export function parseSimfaasExperiments(text: string): SimfaasExperiment[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) throw new Error('exp.csv: expected a header and at least one row');
  const header = lines[0]!.split(',');
  const col = new Map<string, number>();
  for (const name of COLUMNS) {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`exp.csv: header has no column ${name}`);
    col.set(name, i);
  }
  return lines.slice(1).map((line, index) => {
    const cells = line.split(',');
    const num = (name: (typeof COLUMNS)[number]): number => {
      const raw = cells[col.get(name)!];
      const v = Number(raw);
      if (raw === undefined || raw === '' || !Number.isFinite(v)) {
        throw new Error(
          `exp.csv line ${index + 2}: ${name} must be a number, got ${JSON.stringify(raw)}`
        );
      }
      return v;
    };
    return {
      index,
      id: cells[0] ?? `row ${index}`,
      arrivalRatePerS: num('ArrivalRate'),
      warmMs: num('ServiceTimeWarm'),
      coldMs: num('ServiceTimeCold'),
      countTailS: num('IdleMinutesBeforeKill') * 60,
      instanceCount: num('AverageInstanceCount'),
      coldStartProbability: num('ColdStartProbability'),
      coldStartProbabilitySE: num('ColdStartProbabilitySE'),
      runningInstances: num('AverageRunningInstances'),
      idleInstances: num('AverageIdleInstances')
    };
  });
}
