/** End-to-end: links (same numbers as the CLI), Copy link, compare, the iframe and web-component embeds, broken links, exports. */
import { expect, test, type Page } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fmtMs, fmtPct, fmtUsd } from '../src/charts/format.ts';
import type { CliIo } from '../src/cli/io.ts';
import { runCommand } from '../src/cli/run.ts';
import type { Report } from '../src/engine/report.ts';
import { restoreScenario } from '../src/scenario/restore.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { encodeScenario } from '../src/scenario/url.ts';

const SHOTS = 'test-results/share';
mkdirSync(SHOTS, { recursive: true });

/** Figures for the report: link lengths and timings. */
const figures: Record<string, number | string> = {};
// Merged after each test: a failed test restarts the worker, which would lose figures kept until afterAll.
test.afterEach(() => {
  const file = `${SHOTS}/figures.json`;
  const saved = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {};
  writeFileSync(file, JSON.stringify({ ...saved, ...figures }, null, 2) + '\n');
});

function scenario(input: unknown): Scenario {
  const r = restoreScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

/** `coldstart run --url LINK --json`, in-process: the report the CLI prints for a link. */
async function cliReport(link: string): Promise<Report> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    readStdin: async () => ''
  };
  const code = await runCommand(['--url', link, '--json'], io);
  if (code !== 0) throw new Error(`coldstart run --url failed (${code}): ${err}`);
  return JSON.parse(out) as Report;
}

/** The headline numbers as the page formats them. */
function headlineOf(report: Report) {
  const monthly = report.cost
    ? (report.cost.monthly?.totalUsd ?? report.cost.totalUsd)
    : Number.NaN;
  return {
    cost: fmtUsd(monthly),
    p95: fmtMs(report.latencyMs.p95),
    p99: fmtMs(report.latencyMs.p99),
    cold: fmtPct(report.coldStartRatio)
  };
}

async function runsDone(page: Page, n = 1): Promise<void> {
  await expect(page.getByTestId('status')).toHaveAttribute('data-runs', String(n), {
    timeout: 30_000
  });
}

async function pageHeadline(page: Page) {
  const text = async (id: string) => (await page.getByTestId(id).textContent())?.trim() ?? '';
  return {
    cost: await text('headline-cost'),
    p95: await text('headline-p95'),
    p99: await text('headline-p99'),
    cold: await text('headline-cold')
  };
}

/** Half a day of a Python function at 1 GB, diurnal 4 req/s, seed 11: quick, and not the default. */
const SHARED = scenario({
  seed: 11,
  durationS: 43_200,
  traffic: { kind: 'diurnal', meanRatePerS: 4, peakToMean: 3, peakHourUtc: 9 },
  function: { memoryMb: 1024, runtime: 'python312' }
});

test('a shared link opens with the same numbers as `coldstart run --url` for that link', async ({
  page
}) => {
  const fragment = encodeScenario(SHARED, { short: true });
  figures.sharedLinkShortChars = fragment.length + 1;
  figures.sharedLinkFullChars = encodeScenario(SHARED).length + 1;
  const link = `http://127.0.0.1:4173/#${fragment}`;
  const expected = headlineOf(await cliReport(link));

  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(link);
  await runsDone(page);
  expect(await pageHeadline(page)).toEqual(expected);
  // The page never sends the scenario anywhere: no request carries the link's data.
  expect(requests.filter((u) => u.includes(fragment.slice(2, 40)))).toEqual([]);
  // Opening a link leaves its URL alone.
  expect(new URL(page.url()).hash).toBe(`#${fragment}`);
  await page.screenshot({ path: `${SHOTS}/opened-link.png`, fullPage: true });
});

test('edits go to the URL without history entries, and "Copy link" reproduces the page in a fresh browser', async ({
  page,
  browser
}) => {
  await page.goto('/');
  await runsDone(page);
  const historyBefore = await page.evaluate(() => history.length);
  const memory = page.getByLabel('Memory', { exact: true });
  for (const value of ['7', '76', '768']) {
    // Three keystrokes' worth of input events, as typing makes.
    await memory.evaluate((el, v) => {
      (el as HTMLInputElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, value);
  }
  await runsDone(page, 2);
  await expect.poll(() => page.evaluate(() => location.hash), { timeout: 5000 }).toMatch(/^#s=/);
  expect(await page.evaluate(() => history.length)).toBe(historyBefore);

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('copy-link').click();
  const shared = await page.getByTestId('share-link').inputValue();
  figures.copiedLinkChars = shared.length;
  expect(shared).toBe(page.url());
  const numbers = await pageHeadline(page);
  expect(numbers).toEqual(headlineOf(await cliReport(shared)));

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(shared);
  await runsDone(other);
  expect(await pageHeadline(other)).toEqual(numbers);
  await expect(other.getByLabel('Memory', { exact: true })).toHaveValue('768');
  await fresh.close();
});

test('pin A, edit, and see B beside A with differences and overlaid charts; the comparison is in the link', async ({
  page,
  browser
}) => {
  await page.goto(`/#${encodeScenario(SHARED, { short: true })}`);
  await runsDone(page);
  await page.getByTestId('pin').click();
  // Less memory (cheaper) and a faster handler (lower latency): both halves of the sentence change.
  await page.getByLabel('Memory', { exact: true }).fill('512');
  await runsDone(page, 2);
  await page.getByLabel('Median', { exact: true }).fill('60');
  await runsDone(page, 3);
  const compare = page.getByTestId('compare');
  await expect(compare.getByTestId('compare-sentence')).toContainText('p99');
  await expect(compare.getByTestId('compare-sentence')).toContainText(/cost [+−]\$[\d.,]+\/month/);
  await expect(compare.getByTestId('diff-p99')).toContainText('%');
  await expect(
    compare.getByTestId('chart-compare-latency').locator('path.s-pinned')
  ).toBeAttached();
  await expect(compare.getByTestId('chart-compare-latency').locator('path.s-all')).toBeAttached();
  await expect(
    compare.getByTestId('chart-compare-cost').locator('rect.f-pinned').first()
  ).toBeAttached();
  figures.compareSentence =
    (await compare.getByTestId('compare-sentence').textContent())?.trim() ?? '';
  await compare.screenshot({ path: `${SHOTS}/compare.png` });

  await expect
    .poll(() => page.evaluate(() => location.hash.length), { timeout: 5000 })
    .toBeGreaterThan(20);
  await page.getByTestId('copy-link').click();
  const link = await page.getByTestId('share-link').inputValue();
  figures.compareLinkChars = link.length;
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByTestId('compare-sentence')).toHaveText(figures.compareSentence, {
    timeout: 30_000
  });
  await fresh.close();
});

test('"Embed this scenario" gives the iframe and web-component code for what is on screen', async ({
  page
}) => {
  const fragment = encodeScenario(SHARED, { short: true });
  await page.goto(`/#${fragment}`);
  await runsDone(page);
  await page.getByTestId('embed-code').locator('summary').click();
  const areas = page.getByTestId('embed-code').locator('textarea');
  const iframe = await areas.nth(0).inputValue();
  const component = await areas.nth(1).inputValue();
  expect(iframe).toContain(
    `src="http://127.0.0.1:4173/embed.html#embed&charts=latency,cost&${fragment}"`
  );
  expect(component).toContain(
    '<script type="module" src="http://127.0.0.1:4173/embed/coldstart-sim.js"></script>'
  );
  expect(component).toContain(`<coldstart-sim scenario="${fragment}" charts="latency,cost">`);
});

test('a broken link shows its message and opens the default scenario', async ({ page }) => {
  const good = encodeScenario(SHARED, { short: true });
  await page.goto(`/#${good.slice(0, -15)}`);
  await expect(page.getByTestId('link-problem')).toContainText(
    'This link could not be read: its data is'
  );
  await expect(page.getByTestId('link-problem')).toContainText(
    'The default scenario is open instead.'
  );
  await runsDone(page);
  await expect(page.getByLabel('Memory', { exact: true })).toHaveValue('512');
  await page.screenshot({ path: `${SHOTS}/broken-link.png` });

  await page.goto('/#s=eyJ2IjoyfQ&unknown');
  await page.reload();
  await expect(page.getByTestId('link-problem')).toContainText('This link could not be read');
});

test('the embed page renders in an iframe on a host page and reports its height; other origins are ignored', async ({
  page
}) => {
  await page.goto('/embed-example.html');
  const frame = page.locator('iframe[data-coldstart]');
  await expect(frame).toHaveAttribute('data-reported-height', /\d+/, { timeout: 30_000 });
  const inner = page.frameLocator('iframe[data-coldstart]');
  await expect(inner.getByTestId('embed')).toHaveAttribute('data-status', 'done', {
    timeout: 30_000
  });
  await expect(inner.getByTestId('chart-cost').locator('rect.mark-bar').first()).toBeAttached();
  await expect(inner.getByTestId('chart-latency').locator('path.s-all')).toBeAttached();
  // Only the charts the link chose, and no editor.
  await expect(inner.getByTestId('chart-timeline')).toHaveCount(0);
  await expect(inner.locator('.editor')).toHaveCount(0);
  await expect(inner.getByTestId('open-in-coldstart')).toHaveAttribute(
    'href',
    /^http:\/\/127\.0\.0\.1:4173\/#s=/
  );

  // The frame ends up exactly as tall as the height it reports, and that is its content's height.
  await expect
    .poll(
      async () => {
        const reported = Number(await frame.getAttribute('data-reported-height'));
        const content = await inner
          .locator('#app')
          .evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
        const box = await frame.evaluate((el) => parseFloat((el as HTMLElement).style.height));
        return reported === content && box === reported ? reported : -1;
      },
      { timeout: 10_000 }
    )
    .toBeGreaterThan(300);
  figures.iframeHeightPx = Number(await frame.getAttribute('data-reported-height'));

  // A message from a frame of another origin (srcdoc = opaque origin) does not resize anything.
  const before = await frame.evaluate((el) => (el as HTMLElement).style.height);
  await page.evaluate(() => {
    const evil = document.createElement('iframe');
    evil.srcdoc = `<script>parent.postMessage({ type: 'coldstart:height', height: 5 }, '*')</script>`;
    document.body.append(evil);
  });
  await page.waitForTimeout(300);
  expect(await frame.evaluate((el) => (el as HTMLElement).style.height)).toBe(before);
  await frame.scrollIntoViewIfNeeded();
  await frame.screenshot({ path: `${SHOTS}/embed-iframe.png` });
});

test("the embed mode also opens from an ordinary link with #embed, and shows a broken link's message", async ({
  page
}) => {
  await page.goto(`/#embed&charts=latency&${encodeScenario(SHARED, { short: true })}`);
  await expect(page.getByTestId('embed')).toHaveAttribute('data-status', 'done', {
    timeout: 30_000
  });
  await expect(page.getByTestId('chart-latency')).toBeVisible();
  await expect(page.getByTestId('chart-cost')).toHaveCount(0);
  await page.goto('/embed.html#embed&s=AAAA');
  await expect(page.getByTestId('embed-problem')).toContainText('This link could not be read');
});

test('the web component renders from a static HTML page, styles in its Shadow DOM', async ({
  page
}) => {
  await page.goto('/embed-example.html');
  const sim = page.locator('coldstart-sim');
  await expect(sim.getByTestId('embed')).toHaveAttribute('data-status', 'done', {
    timeout: 30_000
  });
  expect(await sim.evaluate((el) => el.shadowRoot !== null)).toBe(true);
  const line = sim.getByTestId('chart-latency').locator('path.s-all');
  await expect(line).toHaveAttribute('d', /^M[\d.]+,[\d.]+/);
  // The chart's stroke comes from styles inside the shadow root (a stroke of 'none' means they did not arrive).
  expect(await line.evaluate((el) => getComputedStyle(el).stroke)).not.toBe('none');
  await expect(sim.getByTestId('chart-cost').locator('rect.mark-bar').first()).toBeAttached();
  // Same scenario as the iframe → same numbers.
  const inner = page.frameLocator('iframe[data-coldstart]');
  await expect(inner.getByTestId('embed')).toHaveAttribute('data-status', 'done', {
    timeout: 30_000
  });
  expect(await sim.getByTestId('embed-cost').textContent()).toBe(
    await inner.getByTestId('embed-cost').textContent()
  );
  // The host page's styles do not reach inside, and ours do not leak out.
  expect(await page.locator('h1').evaluate((el) => getComputedStyle(el).fontSize)).toBe('32px');
  await sim.scrollIntoViewIfNeeded();
  await sim.screenshot({ path: `${SHOTS}/web-component.png` });
  await page.screenshot({ path: `${SHOTS}/embed-example.png`, fullPage: true });
});

test('exports: the report and chart data as CSV/JSON, each chart as SVG and PNG with its title and legend', async ({
  page
}) => {
  await page.goto(`/#${encodeScenario(SHARED, { short: true })}`);
  await runsDone(page);
  await page.getByTestId('export-panel').locator('summary').click();
  const save = async (button: ReturnType<Page['locator']>, name: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const path = `${SHOTS}/${name}`;
    await download.saveAs(path);
    return readFileSync(path);
  };
  const panel = page.getByTestId('export-panel');
  const svg = (
    await save(
      panel.getByTestId('export-latency').getByRole('button', { name: /as SVG/ }),
      'latency.svg'
    )
  ).toString('utf8');
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svg).toContain('>Latency</text>');
  expect(svg).toContain('>Cold start</text>');
  expect(svg).toMatch(/<path [^>]*d="M/);
  const png = await save(
    panel.getByTestId('export-cost').getByRole('button', { name: /as PNG/ }),
    'cost.png'
  );
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  await save(
    panel.getByTestId('export-latency').getByRole('button', { name: /as PNG/ }),
    'latency.png'
  );
  const csv = (
    await save(
      panel.getByTestId('export-timeline').getByRole('button', { name: /as CSV/ }),
      'timeline.csv'
    )
  ).toString('utf8');
  expect(csv.split('\r\n')[0]).toBe(
    't_s,arrivals,cold_starts,throttled,busy_instances,live_instances,live_peak,p95_ms'
  );
  const json = JSON.parse(
    (await save(panel.getByRole('button', { name: 'JSON' }).first(), 'report.json')).toString(
      'utf8'
    )
  ) as Report;
  // The exported report is the one on screen: it matches the CLI's report for the same link.
  const cli = await cliReport(`#${encodeScenario(SHARED, { short: true })}`);
  expect(json.invocations).toBe(cli.invocations);
  // Chromium's and Node's V8 may differ in the last bit of Math.exp/log, so floats agree to 1e-12.
  const mismatches: string[] = [];
  (function walk(a: unknown, b: unknown, path: string) {
    if (typeof a === 'number' && typeof b === 'number') {
      if (Math.abs(a - b) > 1e-12 * Math.max(1, Math.abs(a), Math.abs(b)))
        mismatches.push(`${path}: ${a} vs ${b}`);
    } else if (a && b && typeof a === 'object' && typeof b === 'object') {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)]))
        walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    } else if (a !== b) mismatches.push(`${path}: ${String(a)} vs ${String(b)}`);
  })(json, cli, 'report');
  expect(mismatches).toEqual([]);
});

test('the snippets in docs/embed.md work when pasted into a plain HTML page on another origin', async ({
  page
}) => {
  const docs = readFileSync('docs/embed.md', 'utf8');
  const snippets = [...docs.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(snippets).toHaveLength(2);
  // The docs' placeholder address becomes this test server; the host page is served from another
  // origin (another port), as a docs site would be.
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>docs</title></head><body><h1>My docs</h1>${snippets
    .join('\n')
    .replaceAll('https://coldstart.example/', 'http://127.0.0.1:4173/')}</body></html>`;
  const docsSite = createServer((_, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end(html)
  );
  await new Promise<void>((resolve) => docsSite.listen(4174, '127.0.0.1', resolve));
  try {
    await page.goto('http://127.0.0.1:4174/docs-page.html');
    await docsSnippetsWork(page);
  } finally {
    docsSite.close();
  }
});

async function docsSnippetsWork(page: Page): Promise<void> {
  const frame = page.locator('iframe[data-coldstart]');
  const inner = page.frameLocator('iframe[data-coldstart]');
  await expect(inner.getByTestId('embed')).toHaveAttribute('data-status', 'done', {
    timeout: 30_000
  });
  await expect
    .poll(() => frame.evaluate((el) => parseFloat((el as HTMLElement).style.height)), {
      timeout: 10_000
    })
    .not.toBe(480);
  const sim = page.locator('coldstart-sim');
  await expect(sim.getByTestId('embed')).toHaveAttribute('data-status', 'done', {
    timeout: 30_000
  });
  await expect(sim.getByTestId('chart-latency').locator('path.s-all')).toHaveAttribute('d', /^M/);
  expect(await sim.getByTestId('embed-cost').textContent()).toBe(
    await inner.getByTestId('embed-cost').textContent()
  );
  await expect(sim.getByTestId('open-in-coldstart')).toHaveAttribute(
    'href',
    /^http:\/\/127\.0\.0\.1:4173\/#s=/
  );
  await page.screenshot({ path: `${SHOTS}/docs-snippets.png`, fullPage: true });
}
