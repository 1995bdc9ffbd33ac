/** Plain-text report of the init-model validation, for `npm run validate` and test logs. */
import type { InitValidation, InitValidationRow } from './initModelValidation.ts';

const pct = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(1)} %`;

function rowLine(r: InitValidationRow): string {
  const verdict = r.pass === null ? 'info' : r.pass ? 'ok' : 'MISS';
  const tol = r.tolerancePct === null ? '' : `±${r.tolerancePct} %`;
  return [
    r.label.padEnd(50),
    r.measuredMs.toFixed(1).padStart(9),
    r.modelledMs.toFixed(1).padStart(9),
    pct(r.errorPct).padStart(10),
    tol.padStart(7),
    verdict.padStart(5),
    r.inSample ? ' fit' : ' test'
  ].join(' ');
}

/** The targets, per-runtime lambda_perf errors, and every non-lambda_perf row, as aligned text. */
export function formatInitValidation(v: InitValidation): string {
  const out: string[] = [];
  out.push(`Init durations (lambda_perf ${v.lambdaPerfDate}; Shilkov cold-start charts)`);
  for (const t of v.targets) {
    out.push(
      `  ${t.met ? 'MET ' : 'MISS'} ${t.description}: ${t.withinTolerance}/${t.rows} within, max |error| ${t.maxAbsErrorPct.toFixed(1)} %`
    );
  }
  out.push(
    `  tail: ${v.tail.aboveP99} of ${v.tail.samples} Init Durations above the modelled p99 (${v.tail.abovePct.toFixed(1)} %, 1 % if exact)`
  );
  out.push(
    '',
    'lambda_perf: max and mean |error| over 128–1,024 MB, per runtime / arch / packaging'
  );
  for (const s of v.perRuntime) {
    out.push(
      `  ${s.runtime.padEnd(10)} ${s.arch.padEnd(7)} ${s.packaging.padEnd(6)} max ${s.maxAbsErrorPct.toFixed(1).padStart(5)} %  mean ${s.meanAbsErrorPct.toFixed(1).padStart(5)} %`
    );
  }
  out.push(
    '',
    `${'row'.padEnd(50)} ${'measured'.padStart(9)} ${'modelled'.padStart(9)} ${'error'.padStart(10)}`
  );
  for (const r of v.rows) if (r.check !== 'lambda-perf') out.push(rowLine(r));
  return out.join('\n');
}
