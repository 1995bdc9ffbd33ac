/**
 * `npm run bench`: each scenario in its own Node process (clean JIT state, its own peak RSS),
 * printing invocations per second and peak memory. `npm run bench -- reference month` runs some.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BENCH_SCENARIOS } from './scenarios.ts';

const one = fileURLToPath(new URL('./one.ts', import.meta.url));
const names =
  process.argv.slice(2).length > 0
    ? process.argv.slice(2)
    : ['minimal-loop', ...Object.keys(BENCH_SCENARIOS)];
console.log('scenario                      invocations   seconds   M inv/s   peak RSS MB');
for (const name of names) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', one, name], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop()!);
  console.log(
    `${name.padEnd(28)} ${String(r.invocations).padStart(12)} ${r.seconds.toFixed(2).padStart(9)} ${(r.perSecond / 1e6).toFixed(2).padStart(9)} ${r.peakRssMb.toFixed(0).padStart(13)}`
  );
}
