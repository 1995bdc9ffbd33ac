/** `coldstart run … --svg DIR`: writes the run's charts as static SVG files (for docs built in CI). */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compareAlwaysOn } from '../engine/alwaysOn/compareAlwaysOn.ts';
import { PROVIDER_LIMITS } from '../engine/platform/limits.ts';
import type { Report } from '../engine/report.ts';
import type { Scenario } from '../scenario/schema.ts';
import { breakEvenSvg, costSvg, latencySvg, timelineSvg } from './chartSvg.ts';
import type { CliIo } from './io.ts';

/** The chart files for a run: name → SVG text. Break-even only when there is a bill and an always-on option. */
export function chartSvgs(report: Report, scenario: Scenario): Record<string, string> {
  const label = PROVIDER_LIMITS[scenario.platform.provider].label;
  const files: Record<string, string> = {
    'latency.svg': latencySvg(report),
    'cost.svg': costSvg(report, label),
    'timeline.svg': timelineSvg(report, scenario.durationS)
  };
  if (report.cost && scenario.alwaysOn.options.length > 0) {
    const c = compareAlwaysOn(report, scenario);
    if (c.breakEven.length > 0)
      files['breakeven.svg'] = breakEvenSvg(c.breakEven, c.requestsPerMonth, label);
  }
  return files;
}

/**
 * writeChartSvgs(report, scenario, dir, io) creates `dir` if needed, writes each chart and names
 * the files on stderr; returns the exit status (2 when the folder cannot be written).
 */
export async function writeChartSvgs(
  report: Report,
  scenario: Scenario,
  dir: string,
  io: Pick<CliIo, 'stderr'>
): Promise<number> {
  const files = chartSvgs(report, scenario);
  try {
    await mkdir(dir, { recursive: true });
    for (const [name, svg] of Object.entries(files)) await writeFile(join(dir, name), svg);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(
      `coldstart run: --svg ${dir}: cannot write there (${code ?? (error as Error).message})\n`
    );
    return 2;
  }
  io.stderr(
    `coldstart run: wrote ${Object.keys(files)
      .map((f) => join(dir, f))
      .join(', ')}\n`
  );
  return 0;
}
