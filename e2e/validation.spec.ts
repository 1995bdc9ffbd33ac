/** End-to-end: the Validation page renders the suite's figures, charts and tables; screenshot for review. */
import { expect, test } from '@playwright/test';

test('the Validation page shows targets, both cold-start charts, init durations, billing and sources', async ({
  page
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/validation.html');

  await expect(page.getByRole('heading', { name: /Validation/ })).toBeVisible();
  await expect(page.getByTestId('verdict')).toContainText(/targets are (met|missed)/);
  // 3 cold-start targets (default model), the init-duration targets and the billing one.
  const targets = page.getByTestId('targets').locator('tbody tr');
  expect(await targets.count()).toBeGreaterThanOrEqual(5);
  await expect(page.getByTestId('targets')).toContainText('cold-start probability MAPE');
  await expect(page.getByTestId('targets')).toContainText(/\d+\.\d\d %/);

  // Both rate charts: 20 measured points each and one drawn line per model (default, plain).
  for (const id of ['pcold-chart', 'count-chart']) {
    const chart = page.getByTestId(id);
    await expect(chart.getByTestId('measured-point')).toHaveCount(20);
    const lines = chart.locator('path.model-line');
    await expect(lines).toHaveCount(2);
    for (const d of await lines.evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''))) {
      expect(d).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){19}$/);
    }
  }
  // Summary: 3 models × (all, even, odd).
  await expect(page.getByTestId('cold-summary').locator('tbody tr')).toHaveCount(9);
  await expect(page.getByTestId('cold-summary')).toContainText('odd rows (test)');

  // Init durations: one row per runtime and architecture (9 × 2).
  await expect(page.getByTestId('init-chart').getByTestId('init-row')).toHaveCount(18);
  await expect(page.getByTestId('billing-table')).toContainText('to the cent');
  expect(await page.getByTestId('sources').locator('tbody tr').count()).toBeGreaterThanOrEqual(5);
  await expect(page.getByTestId('sources')).toContainText('MIT');

  await page.screenshot({ path: 'test-results/validation.png', fullPage: true });
  // Close-ups of the charts, for review at full resolution.
  for (const id of ['pcold-chart', 'count-chart', 'z-chart', 'init-chart']) {
    await page.getByTestId(id).screenshot({ path: `test-results/validation-${id}.png` });
  }
  expect(errors).toEqual([]);
});

test('the main page links to the Validation page', async ({ page }) => {
  await page.goto('/');
  const link = page.getByRole('link', { name: 'Validation' });
  await expect(link).toHaveAttribute('href', /validation\.html$/);
  await page.locator('header').first().screenshot({ path: 'test-results/validation-link.png' });
  await link.click();
  await expect(page.getByTestId('verdict')).toBeVisible();
});
