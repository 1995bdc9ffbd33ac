import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cli } from '../../src/cli/cli.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { runCommand } from '../../src/cli/run.ts';
import type { Report } from '../../src/engine/report.ts';

// Lets one test make the engine throw, to check that internal errors exit 1; otherwise the real engine.
const engine = vi.hoisted(() => ({ fail: false }));
vi.mock('../../src/engine/simulate.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/engine/simulate.ts')>();
  return {
    ...real,
    simulate: (...args: Parameters<typeof real.simulate>) => {
      if (engine.fail) throw new Error('engine exploded');
      return real.simulate(...args);
    }
  };
});

/** A fake terminal: stdin text in, captured stdout and stderr out. */
function fakeIo(stdin = ''): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    readStdin: async () => stdin
  };
  return io;
}

async function run(argv: string[], stdin = '') {
  const io = fakeIo(stdin);
  const code = await runCommand(argv, io);
  return { code, out: io.out, err: io.err };
}

const dir = mkdtempSync(join(tmpdir(), 'coldstart-cli-'));
mkdirSync(join(dir, 'a-directory'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Writes `content` (text, or an object as JSON) to a temporary file and returns its path. */
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** One hour of Poisson 5 req/s: about 18,000 requests, quick to simulate. */
const SMALL = { version: 1, seed: 1, durationS: 3600, traffic: { kind: 'poisson', ratePerS: 5 } };

describe('coldstart run rejects bad input with exit 2 and one line naming the problem', () => {
  const cases: [name: string, argv: () => string[], stdin: string, expected: string][] = [
    [
      'a missing file',
      () => ['run', join(dir, 'nope.json')],
      '',
      `coldstart run: cannot read ${join(dir, 'nope.json')}: no such file`
    ],
    [
      'a directory',
      () => ['run', join(dir, 'a-directory')],
      '',
      `coldstart run: cannot read ${join(dir, 'a-directory')}: it is a directory`
    ],
    [
      'no scenario argument',
      () => ['run', '--json'],
      '',
      'coldstart run: needs a scenario file, or - to read standard input'
    ],
    [
      'two scenarios',
      () => ['run', 'a.json', 'b.json'],
      '',
      'coldstart run: one scenario at a time, got "a.json" and "b.json"'
    ],
    [
      'an unknown option',
      () => ['run', '-', '--csv'],
      '{}',
      'coldstart run: unknown option --csv (usage: coldstart run <scenario.json | -> [--json] [--seed N] [--compare-keepalive] [--trace FILE [--durations FILE] [--memory FILE] [--skip-bad-rows]])'
    ],
    [
      'a non-numeric seed',
      () => ['run', '-', '--seed', 'abc'],
      '{}',
      'coldstart run: --seed must be a whole number between 0 and 4,294,967,295, got "abc"'
    ],
    [
      'a negative seed',
      () => ['run', '-', '--seed=-3'],
      '{}',
      'coldstart run: --seed must be a whole number between 0 and 4,294,967,295, got "-3"'
    ],
    [
      'a seed without value',
      () => ['run', '-', '--seed'],
      '{}',
      'coldstart run: --seed needs a value, e.g. --seed 42'
    ],
    // '}' is the 8th character of line 2 in the text below (`  "x": }`; columns count from 1).
    [
      'invalid JSON, with its line and column',
      () => ['run', file('bad.json', '{"seed": 1,\n  "x": }')],
      '',
      `coldstart run: ${join(dir, 'bad.json')}: invalid JSON: Unexpected token '}' at line 2, column 8`
    ],
    // The input ends after 10 characters, so the parser wanted more at column 11.
    [
      'truncated JSON on stdin',
      () => ['run', '-'],
      '{"seed": 1',
      `coldstart run: stdin: invalid JSON: Expected ',' or '}' after property value at line 1, column 11`
    ],
    [
      'empty stdin',
      () => ['run', '-'],
      '',
      'coldstart run: stdin: invalid JSON: the input is empty'
    ],
    [
      'a JSON array',
      () => ['run', '-'],
      '[]',
      'coldstart run: stdin: scenario must be a JSON object, got an array'
    ],
    [
      'an invalid field',
      () => ['run', '-'],
      '{"function":{"memoryMb":64}}',
      'coldstart run: stdin: function.memoryMb must be a whole number between 128 and 10,240 MB on aws-lambda, got 64'
    ],
    [
      'several invalid fields (first named, others counted)',
      () => ['run', '-'],
      '{"seed":-1,"durationS":0,"traffic":{"kind":"sine"}}',
      `coldstart run: stdin: seed must be a whole number between 0 and 4,294,967,295, got -1 (and 2 more: durationS, traffic.kind)`
    ]
  ];

  it.each(cases)('%s', async (_name, argv, stdin, expected) => {
    const io = fakeIo(stdin);
    const code = await cli(argv(), io);
    expect({ code, out: io.out, err: io.err }).toEqual({ code: 2, out: '', err: `${expected}\n` });
  });
});

describe('coldstart run --json prints one JSON report', () => {
  let report: Report;
  beforeAll(async () => {
    const { code, out, err } = await run([file('small.json', SMALL), '--json']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out.endsWith('}\n') && out.indexOf('\n') === out.length - 1).toBe(true);
    report = JSON.parse(out) as Report;
  });

  it('has the documented keys', () => {
    for (const key of [
      'invocations',
      'coldStarts',
      'coldStartRatio',
      'throttled',
      'billedGbSeconds',
      'cost'
    ]) {
      expect(report, key).toHaveProperty(key);
    }
    expect(Object.keys(report.latencyMs)).toEqual(
      expect.arrayContaining(['mean', 'p50', 'p95', 'p99', 'max'])
    );
    expect(Object.keys(report.instances)).toEqual(
      expect.arrayContaining(['mean', 'busyMean', 'idleMean', 'peak'])
    );
    expect(Object.keys(report.cost ?? {})).toEqual(
      expect.arrayContaining(['totalUsd', 'perMillionUsd', 'monthly', 'lineItems'])
    );
  });

  it('reports the simulated traffic: about λ·T requests', () => {
    // Poisson 5 req/s for 3,600 s: mean 18,000, sd √18,000 ≈ 134; ±5 sd.
    expect(Math.abs(report.invocations - 18_000)).toBeLessThan(5 * Math.sqrt(18_000));
    expect(report.coldStartRatio).toBeCloseTo(report.coldStarts / report.invocations, 12);
  });
});

describe('coldstart run without --json prints a human summary', () => {
  it('shows the report’s numbers', async () => {
    const path = file('human.json', SMALL);
    const json = JSON.parse((await run([path, '--json'])).out) as Report;
    const { code, out } = await run([path]);
    expect(code).toBe(0);
    const en = (n: number) => Math.round(n).toLocaleString('en-US');
    expect(out).toContain(`invocations  ${en(json.invocations)}   throttled ${en(json.throttled)}`);
    expect(out).toContain(`cold starts  ${en(json.coldStarts)} (`);
    expect(out).toContain(`p50 ${en(json.latencyMs.p50)}`);
    expect(out).toContain(`p99 ${en(json.latencyMs.p99)}`);
    expect(out).toContain(`peak ${en(json.instances.peak)}`);
    expect(out).toContain(`$${json.cost!.monthly!.totalUsd.toFixed(2)}/month`);
    expect(out).toMatch(
      /^scenario {5}poisson 5 req\/s · aws-lambda 512 MB nodejs20 x86_64 · 1 h · seed 1\n/
    );
  });
});

describe('coldstart run is deterministic', () => {
  it('gives byte-identical JSON for the same seed, and different JSON for another seed', async () => {
    const path = file('seeded.json', SMALL);
    const a = await run([path, '--json']);
    const b = await run([path, '--json', '--seed', '1']);
    const c = await run([path, '--json', '--seed', '2']);
    expect(b.out).toBe(a.out);
    expect(c.out).not.toBe(a.out);
    const [ra, rc] = [a.out, c.out].map((s) => JSON.parse(s) as Report);
    expect(rc!.invocations).not.toBe(ra!.invocations);
  });

  it('applies --seed like the scenario’s own seed', async () => {
    const fromFile = await run([file('seed7.json', { ...SMALL, seed: 7 }), '--json']);
    const fromFlag = await run([file('seed1.json', SMALL), '--json', '--seed=7']);
    expect(fromFlag.out).toBe(fromFile.out);
  });

  it('reads the same scenario from stdin as from a file', async () => {
    const fromStdin = await run(['-', '--json'], JSON.stringify(SMALL));
    const fromFile = await run([file('same.json', SMALL), '--json']);
    expect(fromStdin.out).toBe(fromFile.out);
  });
});

describe('coldstart run reports warnings and internal errors on stderr', () => {
  it('warns about unknown fields without failing or touching stdout', async () => {
    const { code, out, err } = await run(
      ['-', '--json'],
      JSON.stringify({ ...SMALL, colour: 'blue' })
    );
    expect(code).toBe(0);
    expect(() => JSON.parse(out)).not.toThrow();
    expect(err).toBe('coldstart run: warning: stdin: colour: unknown field, ignored\n');
  });

  it('exits 1 on an internal error', async () => {
    engine.fail = true;
    try {
      const io = fakeIo(JSON.stringify(SMALL));
      expect(await cli(['run', '-'], io)).toBe(1);
      expect(io.err).toMatch(/^coldstart: internal error: Error: engine exploded/);
    } finally {
      engine.fail = false;
    }
  });
});

describe('coldstart dispatches commands', () => {
  it('prints help (exit 0), version (exit 0), and rejects unknown commands (exit 2)', async () => {
    const help = fakeIo();
    expect(await cli(['--help'], help)).toBe(0);
    expect(help.out).toContain('run <scenario.json | -> [--json] [--seed N]');
    const version = fakeIo();
    expect(await cli(['--version'], version)).toBe(0);
    expect(version.out).toMatch(/^\d+\.\d+\.\d+\n$/);
    const unknown = fakeIo();
    expect(await cli(['frob'], unknown)).toBe(2);
    expect(unknown.err).toBe(
      `coldstart: unknown command 'frob' (commands: run, price; see coldstart --help)\n`
    );
  });
});

describe('the real command line', () => {
  const exec = promisify(execFile);
  /** npm warns about this machine's config on stderr on every call; not ours. */
  const ours = (stderr: string) =>
    stderr
      .split('\n')
      .filter((l) => l && !l.startsWith('npm warn'))
      .join('\n');

  it('runs through `npm run -s coldstart` and `npx coldstart` (bin/coldstart.mjs)', async () => {
    const path = file('spawn.json', SMALL);
    const viaNpm = await exec('npm', ['run', '-s', 'coldstart', '--', 'run', path, '--json'], {
      timeout: 60_000
    });
    const report = JSON.parse(viaNpm.stdout) as Report;
    expect(report.invocations).toBeGreaterThan(0);
    expect(ours(viaNpm.stderr)).toBe('');
    // The in-process run of the same scenario prints the same bytes.
    expect(viaNpm.stdout).toBe((await run([path, '--json'])).out);

    const bad = file('spawn-bad.json', { platform: { provider: 'aws' } });
    const viaNpx = await exec('npx', ['coldstart', 'run', bad]).then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error
    );
    expect(viaNpx.code).toBe(2);
    expect(viaNpx.stdout).toBe('');
    expect(ours(viaNpx.stderr)).toMatch(
      /^coldstart run: .*spawn-bad\.json: platform\.provider must be one of 'aws-lambda'.*got "aws" \(a string\)$/
    );
  });
});
