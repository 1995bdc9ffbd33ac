/** End-to-end: trace replay in the browser — files read in the worker, per-function table, keep-alive chart, bad files, links. */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SHOTS = 'test-results/trace';
mkdirSync(SHOTS, { recursive: true });
/** ../shared beside the repository (CI has it there too); the spec is an ES module, so no __dirname. */
const TRACES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../shared/data/traces'
);
const FN500 = path.join(TRACES, 'azure2019/invitro_500fn_8h');
const HOT = path.join(TRACES, 'azure2019/single_hot_function_day');
const AZ2021 = path.join(TRACES, 'azure2021/AzureFunctionsInvocationTrace2021_first998.csv');

/** Timing figures, written to test-results/trace-perf.json for the report. */
const perf: Record<string, number | string> = {};
test.afterAll(() =>
  writeFileSync('test-results/trace-perf.json', JSON.stringify(perf, null, 2) + '\n')
);

async function runs(page: Page): Promise<number> {
  return Number(await page.getByTestId('status').getAttribute('data-runs'));
}

/** Waits until more than `n` runs have completed and none is in flight. */
async function runsAfter(page: Page, n: number, timeout = 60_000): Promise<void> {
  await expect.poll(() => runs(page), { timeout }).toBeGreaterThan(n);
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'done', { timeout });
}

async function openTraceEditor(page: Page): Promise<void> {
  await page.goto('/');
  await runsAfter(page, 0);
  await page.getByLabel('Pattern', { exact: true }).selectOption({ label: 'Replay a trace file' });
  await expect(page.getByTestId('trace-file')).toBeVisible();
}

test('the 500-function 8-hour sample replays in the browser: per-function table and keep-alive chart', async ({
  page
}) => {
  test.setTimeout(180_000);
  await openTraceEditor(page);
  await expect(page.getByTestId('trace-spread-note')).toContainText(
    'spread uniformly at random within each minute'
  );
  const before = await runs(page);
  const t0 = Date.now();
  await page.getByTestId('trace-file').setInputFiles(path.join(FN500, 'invocations.csv'));
  await expect(page.getByTestId('trace-summary')).toContainText(
    'azure2019: 500 functions, 3,037,902 invocations'
  );
  await runsAfter(page, before);
  perf.fn500FirstReportWallMs = Date.now() - t0;
  perf.fn500ReadMs = Number(
    (await page.getByTestId('trace-summary').textContent())!.match(/read in (\d+) ms/)![1]
  );
  perf.fn500RunWorkerMs = Number(await page.getByTestId('status').getAttribute('data-worker-ms'));

  // The Azure 2019 side files: durations and memory per function.
  const n = await runs(page);
  const t1 = Date.now();
  await page
    .getByLabel('Durations file (Azure 2019, optional)')
    .setInputFiles(path.join(FN500, 'durations.csv'));
  await expect(page.getByTestId('trace-notes')).toContainText('durations: 500 of 500 functions');
  await page
    .getByLabel('Memory file (Azure 2019, optional)')
    .setInputFiles(path.join(FN500, 'memory.csv'));
  await expect(page.getByTestId('trace-notes')).toContainText('memory (per function): 500 of 500');
  // Each file re-reads and re-runs (cancelling the run in flight); the last run has all three.
  await runsAfter(page, n);
  perf.fn500WithSideFilesWallMs = Date.now() - t1;
  perf.fn500WithSideFilesWorkerMs = Number(
    await page.getByTestId('status').getAttribute('data-worker-ms')
  );

  const table = page.getByTestId('function-table');
  await expect(table).toContainText(
    '500 of 500 functions replayed (azure2019), 3,037,902 invocations'
  );
  await expect(table.locator('tbody tr')).toHaveCount(15);
  await expect(table.locator('tbody tr').first()).toContainText('trace percentiles');
  await expect(page.getByTestId('headline-cold')).toContainText('%');
  await expect(page.getByTestId('chart-memory-trace')).toBeVisible();
  await table.screenshot({ path: `${SHOTS}/function-table.png` });
  await page.locator('aside').screenshot({ path: `${SHOTS}/editor.png` });

  // Keep-alive policies: seven runs in a worker of their own, with progress.
  const t2 = Date.now();
  await page.getByTestId('compare-keepalive').click();
  await expect(page.getByTestId('keepalive-progress')).toBeVisible();
  const chart = page.getByTestId('chart-keepalive');
  await expect(chart).toBeVisible({ timeout: 120_000 });
  perf.fn500KeepAliveWallMs = Date.now() - t2;
  // One dot per policy: on the frontier, or off it (drawn on top so none hides another).
  await expect(chart.locator('circle.f-policy, circle.f-frontier')).toHaveCount(7);
  await expect(chart.locator('circle.f-frontier').first()).toBeAttached();
  await expect(chart.locator('path.s-cold')).toHaveAttribute('d', /^M.+L/);
  await page.getByTestId('policy-3').hover();
  await expect(page.getByTestId('policy-tooltip')).toContainText('75th-percentile function');
  await chart.screenshot({ path: `${SHOTS}/keepalive-chart.png` });
  // The paper's measure: the 75th-percentile function, where the hybrid histogram is on the frontier.
  await chart.getByTestId('keepalive-metric').selectOption('p75');
  await expect(
    chart.locator('figcaption, p').filter({ hasText: 'hybrid histogram' }).first()
  ).toBeVisible();
  await chart.screenshot({ path: `${SHOTS}/keepalive-chart-p75.png` });
  await page.screenshot({ path: `${SHOTS}/page-500fn.png`, fullPage: true });
});

test('a malformed row is reported with its line and column, and the user can stop or skip; an empty file says so', async ({
  page
}) => {
  await openTraceEditor(page);
  const bad =
    'app,func,end_timestamp,duration\na,f,10.5,0.5\na,f,11,0.25\na,g,12,0.1\na,f,13,abc\na,g,14,0.2\n';
  await page
    .getByTestId('trace-file')
    .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  const error = page.getByTestId('trace-error');
  await expect(error).toContainText('line 5, column "duration": "abc"');
  await expect(page.getByTestId('trace-on-error')).toBeVisible();
  await page.locator('aside').screenshot({ path: `${SHOTS}/malformed.png` });

  const before = await runs(page);
  await page.getByLabel('skip bad rows').check();
  await expect(page.getByTestId('trace-skipped')).toContainText(
    'Skipped 1 bad row, the first: line 5'
  );
  await expect(error).toHaveCount(0);
  await runsAfter(page, before);
  await expect(page.getByTestId('function-table')).toContainText('4 invocations');
  await page.locator('aside').screenshot({ path: `${SHOTS}/skipped.png` });

  await page
    .getByTestId('trace-file')
    .setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
  await expect(error).toContainText('empty file');
  await page.locator('aside').screenshot({ path: `${SHOTS}/empty.png` });
  // The page stays usable: another pattern runs at once.
  const n = await runs(page);
  await page
    .getByLabel('Pattern', { exact: true })
    .selectOption({ label: 'Random (Poisson) at a steady rate' });
  await runsAfter(page, n);

  // Unsorted timestamps are sorted, and the editor says so.
  await page.getByLabel('Pattern', { exact: true }).selectOption({ label: 'Replay a trace file' });
  await page.getByTestId('trace-file').setInputFiles({
    name: 'unsorted.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('timestamp\n100\n50\n75\n120\n')
  });
  await expect(page.getByTestId('trace-notes')).toContainText('sorted');
});

test('a link names the trace by size and hash; opening it asks for the file and refuses a different one', async ({
  page,
  context
}) => {
  await openTraceEditor(page);
  const before = await runs(page);
  await page.getByTestId('trace-file').setInputFiles(AZ2021);
  await runsAfter(page, before);
  await expect(page.getByTestId('function-table')).toContainText('49 of 49 functions');
  // The file is 154 KB: too big to carry, so the link names it.
  await expect(page.getByTestId('trace-inline')).toHaveCount(0);
  await page.getByTestId('copy-link').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toContain('#');

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('trace-needed')).toContainText(
    'AzureFunctionsInvocationTrace2021_first998.csv'
  );
  await expect(other.getByTestId('trace-needed')).toContainText('154,230 bytes');
  await other.getByTestId('trace-file').setInputFiles({
    name: 'other.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('timestamp\n1\n2\n')
  });
  await expect(other.getByTestId('trace-mismatch')).toContainText('This is a different file');
  await other.locator('aside').screenshot({ path: `${SHOTS}/link-mismatch.png` });
  const n = await runs(other);
  await other.getByTestId('trace-file').setInputFiles(AZ2021);
  await expect(other.getByTestId('trace-mismatch')).toHaveCount(0);
  await runsAfter(other, n);
  await expect(other.getByTestId('function-table')).toContainText('998 invocations');
  await other.close();
});

test('a small trace can ride in the link and replays without the file', async ({
  page,
  context
}) => {
  await openTraceEditor(page);
  const text = 'timestamp,duration_ms\n0,120\n30,80\n95,100\n400,90\n';
  await page
    .getByTestId('trace-file')
    .setInputFiles({ name: 'tiny.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await expect(page.getByTestId('trace-summary')).toContainText('4 invocations');
  await page.getByTestId('trace-inline').check();
  await expect(page.getByTestId('trace-ref')).toContainText('Carried in the link');
  await page.getByTestId('copy-link').click();
  const link = await page.getByTestId('share-link').inputValue();
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('status')).toHaveAttribute('data-status', 'done', {
    timeout: 30_000
  });
  await expect(other.getByTestId('function-table')).toContainText('4 invocations');
  await expect(other.getByTestId('trace-needed')).toHaveCount(0);
  await other.close();
});

test('the full-day hot function (20.8 M invocations) replays in the browser', async ({ page }) => {
  test.setTimeout(240_000);
  await openTraceEditor(page);
  const before = await runs(page);
  const t0 = Date.now();
  await page.getByTestId('trace-file').setInputFiles(path.join(HOT, 'invocations.csv'));
  await expect(page.getByTestId('trace-summary')).toContainText('20,820,188 invocations');
  await runsAfter(page, before, 200_000);
  perf.hotDayWallMs = Date.now() - t0;
  perf.hotDayRunWorkerMs = Number(await page.getByTestId('status').getAttribute('data-worker-ms'));
  await expect(page.getByTestId('function-table')).toContainText('20,820,188 invocations');
  await page.screenshot({ path: `${SHOTS}/page-hot.png`, fullPage: true });
  perf.hotDayBytes = readFileSync(path.join(HOT, 'invocations.csv')).length;
});
