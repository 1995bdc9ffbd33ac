import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../src/scenario/defaults.ts';
import { restoreScenario } from '../../src/scenario/restore.ts';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.ts';
import {
  decodeFragment,
  encodeScenario,
  fragmentHasScenario,
  fromBase64Url,
  MAX_FRAGMENT_CHARS,
  toBase64Url,
  toShortScenario,
  traceFileNeeded,
  type DecodeResult
} from '../../src/scenario/url.ts';

function restored(input: ScenarioInput | unknown): Scenario {
  const r = restoreScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

function decoded(fragment: string): Extract<DecodeResult, { ok: true }> {
  const r = decodeFragment(fragment);
  if (!r.ok) throw new Error(r.message);
  return r;
}

/** A fragment whose data is the given JSON text, deflated as the codec does. */
const rawFragment = (json: string) => `s=${toBase64Url(deflateSync(strToU8(json)))}`;

/** Any message a user sees for a broken link: says it is a link problem and why. */
function expectMessage(r: DecodeResult): void {
  if (r.ok) throw new Error('expected the link to be rejected');
  expect(r.message).toMatch(/^This link could not be read/);
  expect(r.message.length).toBeGreaterThan('This link could not be read: '.length + 5);
}

const positive = (max: number) =>
  fc.double({ min: 0.001, max, noNaN: true, noDefaultInfinity: true });
const nonNegative = (max: number) =>
  fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true });

const durationDist = fc.oneof(
  fc.record({ dist: fc.constant('fixed' as const), value: nonNegative(60_000) }),
  fc.record({ dist: fc.constant('exponential' as const), mean: positive(60_000) }),
  fc
    .tuple(positive(10_000), nonNegative(50_000))
    .map(([median, extra]) => ({ dist: 'lognormal' as const, median, p99: median + extra })),
  fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 7 }).chain((ps) => {
    const p = [...ps].sort((a, b) => a - b);
    return fc.array(nonNegative(5000), { minLength: p.length, maxLength: p.length }).map((d) => ({
      dist: 'percentiles' as const,
      p,
      ms: d.map((_, i) => d.slice(0, i + 1).reduce((a, b) => a + b, 0))
    }));
  })
);

const traffic = fc.oneof(
  fc.record({
    kind: fc.constantFrom('constant' as const, 'poisson' as const),
    ratePerS: nonNegative(500)
  }),
  fc.record({
    kind: fc.constant('diurnal' as const),
    meanRatePerS: nonNegative(500),
    peakToMean: fc.double({ min: 1, max: 100, noNaN: true }),
    peakHourUtc: fc.double({ min: 0, max: 23.99, noNaN: true })
  }),
  fc.tuple(positive(7200), fc.double({ min: 0, max: 1, noNaN: true })).chain(([every, share]) =>
    fc.record({
      kind: fc.constant('bursts' as const),
      baseRatePerS: nonNegative(50),
      burstRatePerS: nonNegative(500),
      burstEveryS: fc.constant(every),
      burstLengthS: fc.constant(every * share),
      burstOffsetS: nonNegative(3600)
    })
  ),
  fc.record({
    kind: fc.constant('trace' as const),
    file: fc.record({
      name: fc.string({ minLength: 1, maxLength: 40 }),
      sizeBytes: fc.option(fc.nat(), { nil: null }),
      sha256: fc.option(fc.stringMatching(/^[0-9a-f]{64}$/), { nil: null })
    }),
    durationsFile: fc.constant(null),
    memoryFile: fc.constant(null),
    format: fc.constantFrom('auto' as const, 'azure2019' as const, 'timestamps' as const),
    select: fc.oneof(
      fc.constant({ mode: 'all' as const }),
      fc.record({
        mode: fc.constant('one' as const),
        id: fc.string({ minLength: 1, maxLength: 20 })
      }),
      fc.record({ mode: fc.constant('top' as const), n: fc.integer({ min: 1, max: 500 }) })
    ),
    useTraceDurations: fc.boolean(),
    inline: fc.option(fc.string({ maxLength: 200 }), { nil: null })
  })
);

/** Scenario-shaped inputs inside each field's rule; restore decides the rest (provider limits). */
const scenarioInput = fc.record({
  version: fc.constant(1),
  seed: fc.nat({ max: 2 ** 32 - 1 }),
  durationS: positive(366 * 86_400),
  traffic,
  function: fc.record({
    memoryMb: fc.constantFrom(128, 256, 512, 1024, 2048),
    runtime: fc.constantFrom('nodejs20', 'python312', 'java21', 'go'),
    packageMb: nonNegative(250),
    durationMs: durationDist,
    cpuBoundFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    threads: fc.integer({ min: 1, max: 8 }),
    initMs: fc.option(durationDist, { nil: null })
  }),
  platform: fc.record(
    {
      provider: fc.constantFrom('aws-lambda', 'gcp-cloud-run', 'azure-flex', 'gcp-functions-gen1'),
      arch: fc.constantFrom('x86_64', 'arm64'),
      keepAliveS: nonNegative(7200),
      keepAlive: fc.oneof(
        fc.constant({ policy: 'fixed' }),
        fc.constant({ policy: 'none' }),
        fc.record(
          {
            policy: fc.constant('hybrid-histogram'),
            marginFraction: fc.double({ min: 0, max: 1, noNaN: true })
          },
          { requiredKeys: ['policy'] }
        )
      ),
      reuse: fc.constantFrom('mru', 'lru', 'random'),
      maxConcurrency: fc.integer({ min: 10, max: 3000 }),
      instanceConcurrency: fc.constant(1),
      provisioned: fc.integer({ min: 0, max: 5 }),
      placement: fc.constantFrom('new-instance', 'first-free'),
      keepWarm: fc.record({
        everyS: nonNegative(3600),
        concurrency: fc.integer({ min: 1, max: 5 }),
        durationMs: positive(100)
      })
    },
    { requiredKeys: [] }
  ),
  billing: fc.record(
    {
      freeTier: fc.boolean(),
      granularityMs: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null }),
      billInit: fc.option(fc.boolean(), { nil: null }),
      apiGateway: fc.constantFrom('none', 'http', 'rest'),
      monthHours: fc.double({ min: 1, max: 744, noNaN: true })
    },
    { requiredKeys: [] }
  ),
  alwaysOn: fc.record({
    options: fc.subarray(['ec2:t4g.small', 'ec2:m7g.large', 'fargate:1vcpu-2gb-arm64']),
    targetUtilization: fc.double({ min: 0.01, max: 1, noNaN: true }),
    minInstances: fc.integer({ min: 1, max: 10 })
  })
});

/** Valid scenarios only: each generated input, restored (restore decides provider-dependent rules). */
const scenarios = scenarioInput
  .map((input) => restoreScenario(input))
  .filter((r): r is Extract<typeof r, { ok: true }> => r.ok)
  .map((r) => r.scenario);

describe('encodeScenario / decodeFragment round trip (property tests)', () => {
  it('decodeFragment(encodeScenario(s)) gives back s, in the full and the short form', () => {
    fc.assert(
      fc.property(scenarios, fc.boolean(), (s, short) => {
        const r = decoded(encodeScenario(s, { short }));
        expect(r.scenario).toEqual(s);
        expect(r.fromLink).toBe(true);
        expect(r.compare).toBeUndefined();
      }),
      { numRuns: 300 }
    );
  });

  it('carries a pinned comparison and the view beside the scenario', () => {
    fc.assert(
      fc.property(
        scenarios,
        scenarios,
        fc.subarray(['latency', 'cost', 'timeline'] as const),
        (b, a, charts) => {
          const r = decoded(
            encodeScenario(b, { short: true, compare: a, view: { embed: true, charts } })
          );
          expect(r.scenario).toEqual(b);
          expect(r.compare).toEqual(a);
          expect(r.view).toEqual({ embed: true, charts });
        }
      ),
      { numRuns: 100 }
    );
  });

  it('writes only URL-safe characters, and the short form is never longer than the full one', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const full = encodeScenario(s);
        const short = encodeScenario(s, { short: true });
        expect(short).toMatch(/^s=[A-Za-z0-9_-]+$/);
        // Deflate of a subset of the JSON can be a few bytes longer only by block overhead.
        expect(short.length).toBeLessThanOrEqual(full.length + 8);
      }),
      { numRuns: 100 }
    );
  });

  it('toShortScenario omits every default: the default scenario is just its version', () => {
    expect(toShortScenario(DEFAULT_SCENARIO)).toEqual({ version: 1 });
    const s = restored({
      function: { memoryMb: 1024 },
      traffic: { kind: 'diurnal', meanRatePerS: 5 }
    });
    // Diurnal's other fields equal that kind's defaults (DEFAULT_TRAFFIC.diurnal), so only the mean stays.
    expect(toShortScenario(s)).toEqual({
      version: 1,
      function: { memoryMb: 1024 },
      traffic: { kind: 'diurnal', meanRatePerS: 5 }
    });
  });

  it('toShortScenario keeps a distribution of another kind whole (restore needs all its parameters)', () => {
    const s = restored({ function: { durationMs: { dist: 'exponential', mean: 120 } } });
    expect(toShortScenario(s).function?.durationMs).toEqual({ dist: 'exponential', mean: 120 });
  });
});

describe('trace scenarios in links', () => {
  const ref = { name: 'invocations.csv', sizeBytes: 1234, sha256: 'ab'.repeat(32) };

  it('record the file name, size and SHA-256, and traceFileNeeded asks for that file', () => {
    const s = restored({ traffic: { kind: 'trace', file: ref } });
    const r = decoded(encodeScenario(s, { short: true }));
    expect(r.scenario.traffic).toMatchObject({ kind: 'trace', file: ref, inline: null });
    expect(traceFileNeeded(r.scenario)).toEqual(ref);
  });

  it('carry a small trace inline, so no file is needed', () => {
    const inline = 'timestamp\n0\n1\n2\n';
    const s = restored({ traffic: { kind: 'trace', file: ref, format: 'timestamps', inline } });
    const r = decoded(encodeScenario(s));
    expect(r.scenario.traffic).toMatchObject({ inline });
    expect(traceFileNeeded(r.scenario)).toBeNull();
  });

  it('leave out a trace above 64 KB compressed and name the file instead', () => {
    // Pseudo-random digits compress to no less than log2(10)/8 ≈ 0.415 bytes each: 220 000 of them
    // exceed 64 KiB, and the text stays under restore's 262 144-character inline limit.
    let x = 12345;
    const rows: string[] = [];
    for (let i = 0; i < 22_000; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      rows.push(String(x).padStart(10, '0'));
    }
    const inline = `timestamp\n${rows.join('\n')}\n`;
    expect(deflateSync(strToU8(inline), { level: 9 }).length).toBeGreaterThan(64 * 1024);
    const s = restored({ traffic: { kind: 'trace', file: ref, inline } });
    expect(traceFileNeeded(s)).toEqual(ref);
    const fragment = encodeScenario(s, { short: true });
    expect(fragment.length).toBeLessThan(1000);
    expect(decoded(fragment).scenario.traffic).toMatchObject({ file: ref, inline: null });
  });
});

describe('decodeFragment reads links in every shape', () => {
  const fragment = encodeScenario(restored({ seed: 7 }), { short: true });

  it.each([
    ['a bare fragment', fragment],
    ['a fragment with #', `#${fragment}`],
    ['a whole link', `https://coldstart.example/app/#${fragment}`],
    ['a link with surrounding spaces (pasted)', `  https://coldstart.example/#${fragment}\n`]
  ])('reads %s', (_, input) => {
    expect(decoded(input).scenario.seed).toBe(7);
  });

  it('opens the default scenario, without a message, when there is no scenario in the link', () => {
    for (const input of ['', '#', 'https://coldstart.example/', '#embed']) {
      const r = decoded(input);
      expect(r.scenario).toEqual(DEFAULT_SCENARIO);
      expect(r.fromLink).toBe(false);
      expect(fragmentHasScenario(input)).toBe(false);
    }
    expect(fragmentHasScenario(fragment)).toBe(true);
  });

  it('reads the embed flag and charts, and ignores (with a warning) parts and charts it does not know', () => {
    const r = decoded(`embed&charts=cost,pie,latency&theme=dark&${fragment}`);
    expect(r.view).toEqual({ embed: true, charts: ['cost', 'latency'] });
    expect(r.warnings).toEqual([
      'chart "pie" is not one of latency, cost, timeline, memory, breakeven, ignored',
      'link part "theme=dark" is not known to this version, ignored'
    ]);
  });

  it('passes restore warnings on (unknown fields dropped)', () => {
    const r = decoded(rawFragment(JSON.stringify({ v: 1, s: { version: 1, colour: 'red' } })));
    expect(r.warnings).toEqual(['colour: unknown field, ignored']);
  });

  it('opens B alone, saying why, when the pinned scenario A is invalid', () => {
    const r = decoded(
      rawFragment(JSON.stringify({ v: 1, s: { version: 1 }, a: { version: 1, seed: -1 } }))
    );
    expect(r.compare).toBeUndefined();
    expect(r.warnings[0]).toMatch(
      /^the pinned scenario A could not be read \(seed must be a whole number/
    );
  });
});

describe('decodeFragment rejects what it cannot read, with a message, and never throws', () => {
  const good = encodeScenario(restored({ seed: 9, function: { memoryMb: 2048 } }));

  it.each([
    [
      'a newer link format',
      rawFragment('{"v":2,"s":{}}'),
      /made by a newer Coldstart \(link format 2; this version reads 1\)/
    ],
    [
      'a newer scenario version',
      rawFragment('{"v":1,"s":{"version":2}}'),
      /version 2 is newer than this Coldstart reads \(1\); update Coldstart/
    ],
    [
      'no link format',
      rawFragment('{"s":{}}'),
      /link format must be a whole number ≥ 1, got nothing/
    ],
    [
      'an invalid field',
      rawFragment('{"v":1,"s":{"function":{"memoryMb":64}}}'),
      /scenario is invalid: function\.memoryMb must be a whole number between 128 and 10,240 MB on aws-lambda, got 64/
    ],
    [
      'a scenario that is not an object',
      rawFragment('{"v":1,"s":[1]}'),
      /scenario is invalid: scenario must be a JSON object, got an array/
    ],
    ['JSON that is not an envelope', rawFragment('[1,2]'), /not a Coldstart link/],
    ['text that is not JSON', rawFragment('{"v":1,'), /not valid JSON/],
    ['a character outside base64url', 's=abc%def', /a character that base64url does not use: "%"/],
    ['an empty data part', 's=', /data is empty/],
    ['one odd base64 character', 's=abcde', /cut short/],
    ['a cut-off link', good.slice(0, good.length - 10), /damaged or cut short/],
    ['base64 of random bytes', 's=SGVsbG8gd29ybGQ', /damaged or cut short|not valid JSON/],
    [
      'a huge fragment',
      `s=${'A'.repeat(MAX_FRAGMENT_CHARS)}`,
      /characters long; links hold at most 400,000/
    ]
  ])('%s', (_, fragment, message) => {
    const r = decodeFragment(fragment);
    expectMessage(r);
    expect(!r.ok && r.message).toMatch(message);
  });

  it('stops a decompression bomb at the size limit', () => {
    // 20 MB of spaces deflate to ~20 KB: a short link that would expand far past MAX_LINK_JSON_BYTES.
    const bomb = `s=${toBase64Url(deflateSync(new Uint8Array(20_000_000).fill(32), { level: 9 }))}`;
    expect(bomb.length).toBeLessThan(MAX_FRAGMENT_CHARS);
    const r = decodeFragment(bomb);
    expectMessage(r);
    expect(!r.ok && r.message).toMatch(/expands beyond 2,000,000 bytes/);
  });

  it('answers every truncation of a real link with a message', () => {
    for (let cut = 3; cut < good.length; cut++) expectMessage(decodeFragment(good.slice(0, cut)));
  });

  it('answers arbitrary strings, and arbitrary base64url data, with a scenario or a message', () => {
    const check = (r: DecodeResult) => {
      if (r.ok) expect(restoreScenario(r.scenario).ok).toBe(true);
      else expectMessage(r);
    };
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => check(decodeFragment(text))),
      { numRuns: 500 }
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) =>
        check(decodeFragment(`s=${toBase64Url(bytes)}`))
      ),
      { numRuns: 500 }
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) =>
        check(decodeFragment(rawFragment(JSON.stringify({ v: 1, s: value }) ?? 'null')))
      ),
      { numRuns: 300 }
    );
  });

  it('flips any one character of a real link into a scenario or a message', () => {
    fc.assert(
      fc.property(fc.nat({ max: good.length - 3 }), fc.constantFrom(...'AZaz09-_'), (i, c) => {
        const r = decodeFragment(good.slice(0, i + 2) + c + good.slice(i + 3));
        if (!r.ok) expectMessage(r);
      }),
      { numRuns: 300 }
    );
  });
});

describe('base64url', () => {
  it('toBase64Url / fromBase64Url round-trip any bytes, without padding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).not.toContain('=');
        expect(bytes.length === 0 ? 'its data is empty' : fromBase64Url(text)).toEqual(
          bytes.length === 0 ? 'its data is empty' : bytes
        );
      })
    );
  });

  it('matches RFC 4648 test vectors (§10, url alphabet, padding dropped)', () => {
    const vectors: [string, string][] = [
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy']
    ];
    for (const [plain, encoded] of vectors) expect(toBase64Url(strToU8(plain))).toBe(encoded);
    // 0xfb 0xff uses the two url-alphabet characters ('-' for 62, '_' for 63).
    expect(toBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });
});

describe('links saved by released versions still decode to the same scenario', () => {
  const dir = join(__dirname, 'links');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it('has fixtures of at least link format 1', () => {
    expect(files).toContain('v1.json');
  });

  for (const file of files) {
    const { links } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      links: {
        name: string;
        link: string;
        scenario: Scenario;
        compare?: Scenario;
        view?: unknown;
      }[];
    };
    it.each(links.map((l) => [l.name, l] as const))(`${file}: %s`, (_, l) => {
      const r = decoded(l.link);
      // The saved scenario as today's restore reads it: fields added since then take their defaults.
      expect(r.scenario).toEqual(restored(l.scenario));
      expect(r.compare).toEqual(l.compare && restored(l.compare));
      expect(r.view).toEqual(l.view);
      expect(r.warnings).toEqual([]);
    });
  }
});
