import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { runCommand } from '../../src/cli/run.ts';

const TRACES = resolve(__dirname, '../../../shared/data/traces');

async function run(argv: string[], stdin = '') {
  const io = { out: '', err: '' } as CliIo & { out: string; err: string };
  io.stdout = (t: string) => void (io.out += t);
  io.stderr = (t: string) => void (io.err += t);
  io.readStdin = async () => stdin;
  const code = await runCommand(argv, io);
  return { code, out: io.out, err: io.err };
}

const dir = mkdtempSync(join(tmpdir(), 'coldstart-trace-'));

describe('coldstart run with a trace', () => {
  it('replays a trace named by the scenario, relative to the scenario file', async () => {
    const scenarioPath = join(dir, 'replay.json');
    const csv = join(dir, 'calls.csv');
    writeFileSync(csv, 'timestamp,duration_ms\n0,100\n1.5,120\n700,90\n');
    writeFileSync(scenarioPath, JSON.stringify({ traffic: { kind: 'trace', file: 'calls.csv' } }));
    const { code, out } = await run([scenarioPath, '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    // Three calls: the first cold; the second 1.5 s later (after the first's ~0.5 s cold start) warm;
    // the third after 700 s > 600 s keep-alive: cold again.
    expect(r.invocations).toBe(3);
    expect(r.coldStarts).toBe(2);
    expect(r.functions).toHaveLength(1);
  });

  it('--trace replays the Azure 2021 sample: 998 invocations in 49 functions', async () => {
    const { code, out } = await run(
      [
        '-',
        '--json',
        '--trace',
        join(TRACES, 'azure2021/AzureFunctionsInvocationTrace2021_first998.csv')
      ],
      '{"traffic":{"kind":"trace","file":"x"}}'
    );
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.arrivals).toBe(998);
    expect(r.functions).toHaveLength(49);
  });

  it('a malformed row exits 2 naming its line and column; --skip-bad-rows goes on and warns', async () => {
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'app,func,end_timestamp,duration\na,f,1.5,0.2\na,f,x,0.1\na,f,9,0.1\n');
    const stop = await run(['-', '--trace', csv], '{"traffic":{"kind":"trace","file":"x"}}');
    expect(stop.code).toBe(2);
    expect(stop.err).toMatch(/line 3, column "end_timestamp": "x" is not a number/);
    const skip = await run(
      ['-', '--json', '--skip-bad-rows', '--trace', csv],
      '{"traffic":{"kind":"trace","file":"x"}}'
    );
    expect(skip.code).toBe(0);
    expect(JSON.parse(skip.out).arrivals).toBe(2);
    expect(skip.err).toMatch(/skipped 1 malformed trace rows/);
  });

  it('a missing trace file and an empty one exit 2 with a message', async () => {
    const missing = await run(
      ['-'],
      '{"traffic":{"kind":"trace","file":"/nonexistent/trace.csv"}}'
    );
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read trace .*no such file/);
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const e = await run(['-', '--trace', empty], '{"traffic":{"kind":"trace","file":"x"}}');
    expect(e.code).toBe(2);
    expect(e.err).toMatch(/empty file/);
  });

  it('--compare-keepalive prints every policy', async () => {
    const { code, out } = await run(
      ['-', '--json', '--compare-keepalive'],
      '{"durationS":86400,"traffic":{"kind":"constant","ratePerS":0.00238095},"platform":{"maxLifetimeS":0}}'
    );
    expect(code).toBe(0);
    const rows = JSON.parse(out).keepAlive as { label: string; coldStartRatio: number }[];
    expect(rows.map((r) => r.label)).toEqual([
      'none (always cold)',
      'fixed 1 min',
      'fixed 5 min',
      'fixed 10 min',
      'fixed 20 min',
      'fixed 60 min',
      'hybrid histogram'
    ]);
    // A timer every 7 minutes: fixed 5 min is always cold, fixed 10 min only the first request
    // (maxLifetimeS 0: no retirement of the instance every few hours).
    expect(rows[2].coldStartRatio).toBe(1);
    expect(rows[3].coldStartRatio).toBeLessThan(0.01);
  });
});
