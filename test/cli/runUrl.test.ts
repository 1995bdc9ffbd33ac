import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { runCommand } from '../../src/cli/run.ts';
import { restoreScenario } from '../../src/scenario/restore.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { decodeFragment, encodeScenario } from '../../src/scenario/url.ts';

async function run(argv: string[]) {
  const io: CliIo & { out: string; err: string } = {
    out: '',
    err: '',
    stdout: (text) => void (io.out += text),
    stderr: (text) => void (io.err += text),
    readStdin: async () => ''
  };
  const code = await runCommand(argv, io);
  return { code, out: io.out, err: io.err };
}

function scenario(input: unknown): Scenario {
  const r = restoreScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

const dir = mkdtempSync(join(tmpdir(), 'coldstart-url-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One hour at 5 req/s on 1 GB, seed 3: quick, and every headline number differs from the defaults. */
const SMALL = scenario({
  seed: 3,
  durationS: 3600,
  traffic: { kind: 'poisson', ratePerS: 5 },
  function: { memoryMb: 1024 }
});
const file = join(dir, 'small.json');
writeFileSync(file, JSON.stringify(SMALL));
const link = `https://coldstart.example/#${encodeScenario(SMALL, { short: true })}`;

describe('coldstart run --url runs a shared link headless', () => {
  it('prints the same report as running the scenario file (--json)', async () => {
    const fromFile = await run([file, '--json']);
    const fromLink = await run(['--url', link, '--json']);
    expect(fromLink.code).toBe(0);
    expect(fromLink.err).toBe('');
    // Same scenario and seed → byte-identical report (the engine is deterministic).
    expect(fromLink.out).toBe(fromFile.out);
    expect(JSON.parse(fromLink.out).invocations).toBeGreaterThan(0);
  });

  it('prints the same human summary, from a whole link or from its fragment alone', async () => {
    const fromFile = await run([file]);
    expect((await run(['--url', link])).out).toBe(fromFile.out);
    expect((await run(['--url', link.slice(link.indexOf('#'))])).out).toBe(fromFile.out);
    expect(fromFile.out).toMatch(/seed 3/);
  });

  it('runs scenario B of a comparison link and says that A is pinned', async () => {
    const both = encodeScenario(SMALL, { short: true, compare: scenario({ durationS: 3600 }) });
    const r = await run(['--url', both, '--json']);
    expect(r.code).toBe(0);
    expect(r.out).toBe((await run([file, '--json'])).out);
    expect(r.err).toBe(
      'coldstart run: note: the link also pins a scenario A for comparison; this runs its scenario B\n'
    );
  });

  it('applies --seed over the link, as over a file', async () => {
    expect((await run(['--url', link, '--seed', '9', '--json'])).out).toBe(
      (await run([file, '--seed', '9', '--json'])).out
    );
  });
});

describe('coldstart run --url rejects bad links with exit 2 and the message the page shows', () => {
  const broken = link.slice(0, -12);
  const pageMessage = (() => {
    const r = decodeFragment(broken);
    return r.ok ? '' : r.message;
  })();

  it.each([
    ['a cut-off link', ['--url', broken], `coldstart run: --url: ${pageMessage}\n`],
    [
      'a link with no scenario',
      ['--url', 'https://coldstart.example/#embed'],
      'coldstart run: --url: the link holds no scenario (expected a Coldstart link with #…s=… in it)\n'
    ],
    [
      '--url without a value',
      ['--url'],
      "coldstart run: --url needs a value, e.g. --url 'https://…/#s=…'\n"
    ],
    [
      'a file and a link',
      [file, '--url', link],
      `coldstart run: a scenario file or --url, not both (got ${JSON.stringify(file)} and --url)\n`
    ]
  ])('%s', async (_, argv, expected) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(expected);
  });

  it('names the broken link problem in words', () => {
    expect(pageMessage).toMatch(
      /^This link could not be read: its data is (damaged or )?cut short/
    );
  });

  it('says which trace file a trace link needs (name, size, SHA-256)', async () => {
    const sha = 'cd'.repeat(32);
    const traceLink = encodeScenario(
      scenario({
        traffic: { kind: 'trace', file: { name: 'nope.csv', sizeBytes: 2048, sha256: sha } }
      }),
      { short: true }
    );
    const r = await run(['--url', traceLink]);
    expect(r.err).toContain(
      `the link replays trace "nope.csv", 2,048 bytes, SHA-256 ${sha}; give it with --trace FILE`
    );
    expect(r.code).toBe(2);
  });
});
