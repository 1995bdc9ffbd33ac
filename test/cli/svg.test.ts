import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fmtMs, fmtUsd } from '../../src/charts/format.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { runCommand } from '../../src/cli/run.ts';
import { chartSvgs } from '../../src/cli/svg.ts';
import type { Report } from '../../src/engine/report.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { restoreScenario } from '../../src/scenario/restore.ts';
import { encodeScenario } from '../../src/scenario/url.ts';

async function run(argv: string[]) {
  const io: CliIo & { out: string; err: string } = {
    out: '',
    err: '',
    stdout: (t) => void (io.out += t),
    stderr: (t) => void (io.err += t),
    readStdin: async () => ''
  };
  return { code: await runCommand(argv, io), out: io.out, err: io.err };
}

const dir = mkdtempSync(join(tmpdir(), 'coldstart-svg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const restored = restoreScenario({
  seed: 4,
  durationS: 7200,
  traffic: { kind: 'poisson', ratePerS: 3 },
  billing: { freeTier: true }
});
if (!restored.ok) throw new Error('scenario');
const scenario = restored.scenario;
const file = join(dir, 'scenario.json');
writeFileSync(file, JSON.stringify(scenario));

describe('coldstart run --svg DIR', () => {
  it('writes latency, cost, timeline and break-even charts, and prints the same report as without it', async () => {
    const out = join(dir, 'charts', 'nested');
    const withSvg = await run([file, '--svg', out]);
    expect(withSvg.code).toBe(0);
    expect(withSvg.out).toBe((await run([file])).out);
    expect(readdirSync(out).sort()).toEqual([
      'breakeven.svg',
      'cost.svg',
      'latency.svg',
      'timeline.svg'
    ]);
    expect(withSvg.err).toBe(
      `coldstart run: wrote ${['latency', 'cost', 'timeline', 'breakeven'].map((n) => join(out, `${n}.svg`)).join(', ')}\n`
    );
    for (const name of readdirSync(out)) {
      const svg = readFileSync(join(out, name), 'utf8');
      expect(svg).toMatch(
        /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/
      );
      expect(svg.trim().endsWith('</svg>')).toBe(true);
      // Every drawn line has real coordinates (no NaN from an empty domain).
      expect(svg).not.toMatch(/NaN|undefined|Infinity/);
      expect(svg).toMatch(
        name === 'cost.svg'
          ? /<rect x="[\d.]+" y="[\d.]+" width="[\d.]+"/
          : /<path d="M[\d.-]+,[\d.-]+/
      );
    }
  });

  it('works for a shared link too (--url)', async () => {
    const out = join(dir, 'from-link');
    const r = await run(['--url', encodeScenario(scenario, { short: true }), '--svg', out]);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'latency.svg'))).toBe(true);
  });

  it('draws what the app shows: title, legend, the p50/p95/p99 rules and the monthly total, formatted alike', () => {
    const report: Report = simulate(scenario);
    const files = chartSvgs(report, scenario);
    const l = report.latencyMs;
    expect(files['latency.svg']).toContain('>Latency</text>');
    for (const label of [
      'All requests',
      'Warm',
      'Cold start',
      `p50 ${fmtMs(l.p50)}`,
      `p95 ${fmtMs(l.p95)}`,
      `p99 ${fmtMs(l.p99)}`
    ]) {
      expect(files['latency.svg']).toContain(`>${label}</text>`);
    }
    const monthly = report.cost!.monthly!.totalUsd;
    expect(files['cost.svg']).toContain(`>total ${fmtUsd(monthly)}</text>`);
    // The free tier is a credit: its bar is drawn in the credit colour.
    expect(files['cost.svg']).toContain('fill="#9aa3b0"');
  });

  it('leaves out the break-even chart when no always-on option is chosen', () => {
    const r = restoreScenario({ ...scenario, alwaysOn: { ...scenario.alwaysOn, options: [] } });
    if (!r.ok) throw new Error('scenario');
    expect(Object.keys(chartSvgs(simulate(r.scenario), r.scenario))).toEqual([
      'latency.svg',
      'cost.svg',
      'timeline.svg'
    ]);
  });

  it('exits 2 with one line when the folder cannot be written', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    const r = await run([file, '--svg', join(blocker, 'sub')]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `coldstart run: --svg ${join(blocker, 'sub')}: cannot write there (ENOTDIR)\n`
    );
  });
});
