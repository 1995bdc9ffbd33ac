/** Plain-text report of the whole suite, for `npm run validate`. */
import type { ColdStartModelResult, ColdStartSummary } from './coldStartValidation.ts';
import { formatInitValidation } from './formatInitValidation.ts';
import type { ValidationResults } from './runValidation.ts';

const f = (x: number, d: number) => x.toFixed(d);

function summaryLine(name: string, s: ColdStartSummary): string {
  return `    ${name.padEnd(10)} cold MAPE ${f(s.coldMapePct, 2).padStart(6)} %   within 2 SE ${String(s.withinTwoSe).padStart(2)}/${s.rows}   count MAPE ${f(s.countMapePct, 2)} % (alive count ${f(s.aliveCountMapePct, 2)} %)`;
}

function modelBlock(m: ColdStartModelResult): string[] {
  const life = m.maxLifetimeS > 0 ? `${f(m.maxLifetimeS / 3600, 2)} h` : 'none';
  return [
    `  ${m.model.label} — ${m.model.description} (max lifetime ${life})`,
    summaryLine('all', m.all),
    summaryLine('even (fit)', m.even),
    summaryLine('odd (test)', m.odd)
  ];
}

function rowTable(m: ColdStartModelResult): string[] {
  const out = [
    `  ${'row'.padEnd(4)}${'rate/s'.padStart(8)}${'P(cold) meas'.padStart(14)}${'± SE'.padStart(10)}${'sim'.padStart(10)}${'z'.padStart(7)}${'count meas'.padStart(12)}${'sim'.padStart(8)}${'err'.padStart(8)}`
  ];
  for (const r of m.rows) {
    out.push(
      `  ${String(r.index).padEnd(4)}${f(r.arrivalRatePerS, 4).padStart(8)}${f(r.measured.pCold, 5).padStart(14)}${f(r.measured.se, 5).padStart(10)}${f(r.simulated.pCold, 5).padStart(10)}${f(r.z, 2).padStart(7)}${f(r.measured.instances, 3).padStart(12)}${f(r.simulated.instances, 3).padStart(8)}${(f(r.countErrorPct, 1) + '%').padStart(8)}${Math.abs(r.z) > 2 ? '  > 2 SE' : ''}`
    );
  }
  return out;
}

export function formatValidation(v: ValidationResults): string {
  const out: string[] = [];
  out.push('Targets');
  for (const t of v.targets)
    out.push(`  ${t.met ? 'MET ' : 'MISS'} ${t.description}: ${t.figure} (bar ${t.bar})`);
  out.push(
    '',
    `Cold starts on AWS Lambda (exp.csv; ${v.coldStarts.options.requestsPerRow.toExponential(0)} requests per experiment, seed ${v.coldStarts.options.seed})`
  );
  for (const m of v.coldStarts.models) out.push(...modelBlock(m));
  const def = v.coldStarts.models.find((m) => m.model.id === 'default');
  if (def) out.push('', `  Per experiment, ${def.model.label}:`, ...rowTable(def));
  out.push('', formatInitValidation(v.init), '', 'Billing examples (published vs reproduced, USD)');
  for (const b of v.billing) {
    out.push(
      `  ${b.pass ? 'ok  ' : 'MISS'} ${`${b.id} ${b.figure}`.padEnd(52)} ${f(b.publishedUsd, 3).padStart(9)} ${f(b.reproducedUsd, 4).padStart(10)}  ${b.description}`
    );
  }
  return out.join('\n');
}
