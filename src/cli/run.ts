/** `coldstart run <scenario.json | -> [--json] [--seed N]`: restore a scenario, simulate it, print the report. */
import { readFile } from 'node:fs/promises';
import type { Report } from '../engine/report.ts';
import { simulate } from '../engine/simulate.ts';
import { simulateTrace } from '../engine/simulateTrace.ts';
import { compareKeepAlive, type KeepAliveRow } from '../engine/compareKeepAlive.ts';
import { checkNumber } from '../scenario/fieldReader.ts';
import { restoreScenario, SEED_RULE } from '../scenario/restore.ts';
import type { Scenario } from '../scenario/schema.ts';
import { UsageError, type CliIo } from './io.ts';
import { describeJsonError } from './jsonError.ts';
import { restoreLink } from './link.ts';
import { writeChartSvgs } from './svg.ts';
import { formatSummary } from './summary.ts';
import { loadTrace, type TraceFiles } from './traceInput.ts';

export const RUN_USAGE =
  'run <scenario.json | -> [--json] [--seed N] [--compare-keepalive] [--trace FILE [--durations FILE] [--memory FILE] [--skip-bad-rows]]   simulate a scenario (- reads stdin);\n' +
  '      run --url LINK [options]   runs a shared Coldstart link instead of a file; --svg DIR also writes the charts as SVG';

export interface RunArgs {
  /** A file path, or '-' for standard input ('' when `url` is given). */
  source: string;
  /** A shared link (or its fragment) to run instead of a file; null = none. */
  url: string | null;
  /** Folder to write the charts to as SVG; null = none. */
  svgDir: string | null;
  json: boolean;
  /** Overrides the scenario's seed; null = keep it. */
  seed: number | null;
  /** Trace files for a scenario of traffic kind 'trace' (override the paths it names). */
  traceFiles: TraceFiles;
  /** Run the workload under each keep-alive policy and print the comparison instead. */
  compareKeepAlive: boolean;
}

/** runCommand(argv, io) runs `coldstart run` and returns the exit status: 0, 2 (bad input), 1 (internal). */
export async function runCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let scenario: Scenario;
  let args: RunArgs;
  try {
    args = parseRunArgs(argv);
    if (args.url !== null) scenario = restoreLink(args.url, io);
    else {
      const text = await readSource(args.source, io);
      const label = args.source === '-' ? 'stdin' : args.source;
      scenario = restoreText(text, label, io);
    }
    if (args.seed !== null) scenario.seed = args.seed;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`coldstart run: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  let report: Report;
  if (args.traceFiles.trace !== undefined && scenario.traffic.kind !== 'trace') {
    io.stderr(`coldstart run: --trace needs a scenario with traffic.kind 'trace'\n`);
    return 2;
  }
  if (scenario.traffic.kind === 'trace') {
    try {
      const trace = await loadTrace(
        scenario,
        args.source === '-' || args.url !== null ? null : args.source,
        args.traceFiles
      );
      if (trace.skippedRows > 0) {
        io.stderr(
          `coldstart run: warning: skipped ${trace.skippedRows} malformed trace rows, e.g. ${trace.errors[0]?.message ?? ''}\n`
        );
      }
      if (args.compareKeepAlive)
        return printPolicies(
          compareKeepAlive(scenario, (s) => simulateTrace(s, trace)),
          args.json,
          io
        );
      report = simulateTrace(scenario, trace);
    } catch (error) {
      if (error instanceof UsageError) {
        io.stderr(`coldstart run: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
  } else if (args.compareKeepAlive)
    return printPolicies(
      compareKeepAlive(scenario, (s) => simulate(s)),
      args.json,
      io
    );
  else report = simulate(scenario);
  io.stdout(args.json ? `${JSON.stringify(report)}\n` : formatSummary(report, scenario));
  return args.svgDir === null ? 0 : writeChartSvgs(report, scenario, args.svgDir, io);
}

function printPolicies(rows: KeepAliveRow[], json: boolean, io: CliIo): number {
  if (json) {
    io.stdout(`${JSON.stringify({ keepAlive: rows })}\n`);
    return 0;
  }
  const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
  io.stdout('policy                cold starts   p75 function   wasted GB-s      bill   Pareto\n');
  for (const r of rows) {
    io.stdout(
      `${r.label.padEnd(20)} ${pct(r.coldStartRatio).padStart(12)} ${pct(r.p75FunctionColdStartRatio).padStart(14)} ` +
        `${Math.round(r.wastedGbSeconds).toLocaleString('en-US').padStart(13)} ${(r.totalUsd === null ? '–' : `$${r.totalUsd.toFixed(2)}`).padStart(9)}   ${r.pareto ? 'yes' : ''}\n`
    );
  }
  return 0;
}

export function parseRunArgs(argv: readonly string[]): RunArgs {
  let source: string | null = null;
  let json = false;
  let seed: number | null = null;
  const traceFiles: TraceFiles = { skipBadRows: false };
  let compareKeepAliveFlag = false;
  let url: string | null = null;
  let svgDir: string | null = null;
  const fileFlags = {
    '--trace': 'trace',
    '--durations': 'durations',
    '--memory': 'memory'
  } as const;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') {
      json = true;
    } else if (arg === '--compare-keepalive') {
      compareKeepAliveFlag = true;
    } else if (arg === '--skip-bad-rows') {
      traceFiles.skipBadRows = true;
    } else if (arg in fileFlags) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`${arg} needs a file path`);
      traceFiles[fileFlags[arg as keyof typeof fileFlags]] = value;
    } else if (arg === '--url' || arg === '--svg') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(
          `${arg} needs a value, e.g. ${arg === '--url' ? "--url 'https://…/#s=…'" : '--svg out/'}`
        );
      if (arg === '--url') url = value;
      else svgDir = value;
    } else if (arg === '--seed' || arg.startsWith('--seed=')) {
      const text = arg === '--seed' ? argv[++i] : arg.slice('--seed='.length);
      if (text === undefined) throw new UsageError('--seed needs a value, e.g. --seed 42');
      seed = parseSeed(text);
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg} (usage: coldstart ${RUN_USAGE.split('  ')[0]})`);
    } else if (source !== null) {
      throw new UsageError(
        `one scenario at a time, got ${JSON.stringify(source)} and ${JSON.stringify(arg)}`
      );
    } else {
      source = arg;
    }
  }
  if (source !== null && url !== null)
    throw new UsageError(
      `a scenario file or --url, not both (got ${JSON.stringify(source)} and --url)`
    );
  if (url !== null)
    return {
      source: '',
      url,
      svgDir,
      json,
      seed,
      traceFiles,
      compareKeepAlive: compareKeepAliveFlag
    };
  if (source === null) throw new UsageError('needs a scenario file, or - to read standard input');
  return { source, url, svgDir, json, seed, traceFiles, compareKeepAlive: compareKeepAliveFlag };
}

/** A seed given on the command line, under the same rule as the scenario's `seed`. */
function parseSeed(text: string): number {
  // Number('') is 0 and Number(' 7') is 7: only plain decimal digits count as a seed.
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  const problem = checkNumber(value, SEED_RULE);
  if (problem)
    throw new UsageError(`--seed ${problem.replace(/got .*$/, `got ${JSON.stringify(text)}`)}`);
  return value;
}

async function readSource(source: string, io: CliIo): Promise<string> {
  if (source === '-') return io.readStdin();
  try {
    return await readFile(source, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    throw new UsageError(`cannot read ${source}: ${reason}`);
  }
}

/** Parses and restores scenario text; any problem becomes one line naming the field (or JSON position). */
export function restoreText(text: string, label: string, io: Pick<CliIo, 'stderr'>): Scenario {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${label}: invalid JSON: ${describeJsonError(text, error as Error)}`);
  }
  const result = restoreScenario(input);
  for (const warning of result.warnings)
    io.stderr(`coldstart run: warning: ${label}: ${warning}\n`);
  if (!result.ok) {
    const [first, ...others] = result.errors;
    const where = first!.path || 'scenario';
    const more = others.length
      ? ` (and ${others.length} more: ${others.map((e) => e.path || 'scenario').join(', ')})`
      : '';
    throw new UsageError(`${label}: ${where} ${first!.message}${more}`);
  }
  return result.scenario;
}
