/** Runs one named benchmark in this process and prints one JSON line (child of bench/run.ts). */
import { minimalLoop } from './minimalLoop.ts';
import { BENCH_SCENARIOS } from './scenarios.ts';

const name = process.argv[2];
const t0 = process.hrtime.bigint();
let invocations: number;
let extra: Record<string, unknown> = {};
if (name === 'minimal-loop') {
  invocations = 20_000_000;
  extra = { coldStarts: minimalLoop(100, 100, 200, 600, invocations) };
} else {
  const scenario = BENCH_SCENARIOS[name];
  if (!scenario) throw new Error(`unknown bench scenario ${name}`);
  const { simulate } = await import('../src/engine/simulate.ts');
  const r = simulate(scenario);
  invocations = r.invocations;
  extra = { coldStarts: r.coldStarts, p99Ms: r.latencyMs.p99, totalUsd: r.cost?.totalUsd };
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    name,
    invocations,
    seconds,
    perSecond: invocations / seconds,
    peakRssMb,
    ...extra
  })
);
