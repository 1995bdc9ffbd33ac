/**
 * Writes test/scenario/links/v<LINK_FORMAT>.json: links encoded by THIS version and the scenarios
 * they must decode to. Run once per released link format; never regenerate an existing file (old
 * links must keep working, so their fixtures are frozen). Usage: npx tsx scripts/make-link-fixtures.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_SCENARIO } from '../src/scenario/defaults.ts';
import { restoreScenario } from '../src/scenario/restore.ts';
import type { Scenario, ScenarioInput } from '../src/scenario/schema.ts';
import { encodeScenario, LINK_FORMAT, type EncodeOptions } from '../src/scenario/url.ts';

const out = `test/scenario/links/v${LINK_FORMAT}.json`;
if (existsSync(out) && !process.argv.includes('--force')) {
  console.error(
    `${out} exists: fixtures of a released link format are frozen (add a new version's file instead)`
  );
  process.exit(1);
}

function scenario(input: ScenarioInput | unknown): Scenario {
  const r = restoreScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}
const example = (name: string) =>
  scenario(JSON.parse(readFileSync(`examples/${name}.json`, 'utf8')));

const SHA = 'a3f1c0de'.repeat(8);
const cases: [string, Scenario, EncodeOptions][] = [
  ['default, short', DEFAULT_SCENARIO, { short: true }],
  ['default, full', DEFAULT_SCENARIO, {}],
  ['constant example, short', example('constant'), { short: true }],
  ['diurnal example, short', example('diurnal'), { short: true }],
  ['bursts example, full', example('bursts'), {}],
  ['provisioned + keep-warm, short', example('provisioned-keepwarm'), { short: true }],
  [
    'cloud run, percentiles durations, modelled init off, hybrid keep-alive',
    scenario({
      seed: 42,
      durationS: 3600,
      function: {
        memoryMb: 1024,
        durationMs: { dist: 'percentiles', p: [0, 50, 99, 100], ms: [5, 40, 400, 900] },
        initMs: { dist: 'fixed', value: 350 }
      },
      platform: {
        provider: 'gcp-cloud-run',
        instanceConcurrency: 80,
        keepAlive: { policy: 'hybrid-histogram', marginFraction: 0.2 }
      },
      billing: { cloudRunBilling: 'instance', vcpu: 2 },
      alwaysOn: { options: ['ec2:t4g.small'] }
    }),
    { short: true }
  ],
  [
    'trace by file reference (name, size, SHA-256)',
    scenario({
      traffic: {
        kind: 'trace',
        file: {
          name: 'invocations_per_function_md.anon.d01.csv',
          sizeBytes: 123_456_789,
          sha256: SHA
        },
        select: { mode: 'top', n: 5 }
      }
    }),
    { short: true }
  ],
  [
    'trace carried inline',
    scenario({
      durationS: 600,
      traffic: {
        kind: 'trace',
        format: 'timestamps',
        file: { name: 'mine.csv', sizeBytes: 60, sha256: null },
        inline: 'timestamp\n0\n1.5\n2\n30\n31\n400\n'
      }
    }),
    { short: true }
  ],
  [
    'comparison: B = 1024 MB against pinned A = default',
    scenario({ function: { memoryMb: 1024 } }),
    { short: true, compare: DEFAULT_SCENARIO }
  ],
  [
    'embed with two charts',
    example('diurnal'),
    { short: true, view: { embed: true, charts: ['cost', 'latency'] } }
  ]
];

const fixtures = cases.map(([name, s, options]) => ({
  name,
  link: `https://coldstart.example/#${encodeScenario(s, options)}`,
  scenario: s,
  ...(options.compare ? { compare: options.compare } : {}),
  ...(options.view ? { view: options.view } : {})
}));
writeFileSync(
  out,
  JSON.stringify(
    {
      linkFormat: LINK_FORMAT,
      note: 'Frozen: links made by this version; never edit, add a new file per version.',
      links: fixtures
    },
    null,
    2
  ) + '\n'
);
console.log(`wrote ${fixtures.length} links to ${out}`);
for (const f of fixtures) console.log(`${String(f.link.length).padStart(5)}  ${f.name}`);
