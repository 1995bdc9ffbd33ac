import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import BreakEvenChart from '../../../src/app/charts/BreakEvenChart.svelte';
import CostChart from '../../../src/app/charts/CostChart.svelte';
import LatencyChart from '../../../src/app/charts/LatencyChart.svelte';
import MemoryChart from '../../../src/app/charts/MemoryChart.svelte';
import TimeSeriesChart from '../../../src/app/charts/TimeSeriesChart.svelte';
import { simulate } from '../../../src/engine/simulate.ts';
import type { Comparison, SweepPoint } from '../../../src/worker/types.ts';
import { shortScenario } from '../helpers/scenarios.ts';

// One hour of the default scenario: ~36,000 requests, a few cold starts (engine, seeded).
const report = simulate(shortScenario(1));

const point = (memoryMb: number, monthlyUsd: number, p95Ms: number): SweepPoint => ({
  memoryMb,
  monthlyUsd,
  p95Ms,
  meanMs: p95Ms / 3,
  p50Ms: p95Ms / 3,
  p99Ms: p95Ms * 2,
  coldStartRatio: 0.001,
  throttled: 0,
  elapsedMs: 1
});

describe('charts', () => {
  it('LatencyChart draws warm, cold and all CDFs, marks p50/p95/p99, and summarises in words', () => {
    const { container } = render(LatencyChart, { report, width: 600 });
    const paths = [...container.querySelectorAll('path.mark-line')];
    expect(paths.map((p) => p.getAttribute('class'))).toEqual([
      'mark-line s-warm',
      'mark-line s-cold dashed',
      'mark-line s-all'
    ]);
    for (const p of paths) expect(p.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+/);
    const rules = [...container.querySelectorAll('.rule text')].map((t) => t.textContent);
    expect(rules).toEqual([
      expect.stringMatching(/^p50 \d+ ms$/),
      expect.stringMatching(/^p95 /),
      expect.stringMatching(/^p99 /)
    ]);
    expect(screen.getByText('Latency (ms, log scale)')).toBeInTheDocument();
    expect(screen.getByTestId('summary-latency').textContent).toMatch(
      /^Half of the [\d,]+ requests finished within/
    );
    // The data table lists all, warm and cold rows.
    expect(container.querySelectorAll('details table tbody tr')).toHaveLength(3);
  });

  it('TimeSeriesChart draws arrivals, cold starts, throttles, busy and live on one time axis', () => {
    const { container } = render(TimeSeriesChart, { report, durationS: 3600, width: 800 });
    const classes = [...container.querySelectorAll('path')].map((p) => p.getAttribute('class'));
    expect(classes).toEqual([
      'mark-line s-arrivals',
      'mark-line s-cold',
      'mark-line s-throttle',
      'mark-area f-live',
      'mark-line s-busy'
    ]);
    // A 1-hour run gets a minutes axis.
    expect(screen.getByText('Time (min since 00:00 UTC)')).toBeInTheDocument();
    expect(screen.getByTestId('summary-timeline').textContent).toMatch(/requests arrived over 1 h/);
  });

  it('CostChart shows one bar per line item, the monthly total, and formulas on "Show calculation"', async () => {
    const cost = report.cost!;
    const { container } = render(CostChart, {
      cost,
      simulatedS: 3600,
      monthHours: 730,
      providerLabel: 'AWS Lambda',
      width: 600
    });
    expect(container.querySelectorAll('rect.mark-bar')).toHaveLength(cost.lineItems.length);
    // One hour projected to a 730-hour month (factor from the billing module).
    expect(screen.getByTestId('monthly-total').textContent).toContain(
      `$${cost.monthly!.totalUsd.toFixed(2)}`
    );
    expect(screen.queryByTestId('cost-calculation')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Show calculation' }));
    const calc = screen.getByTestId('cost-calculation');
    for (const li of cost.lineItems) expect(calc.textContent).toContain(li.formula);
    expect(calc.textContent?.replace(/\s+/g, ' ')).toMatch(/a month is 730 h/);
    // Sources with their dates.
    expect(container.querySelector('.sources')?.textContent).toMatch(/\(\d{4}-\d{2}-\d{2}\)/);
  });

  it('MemoryChart draws only the simulated sizes as points and says the comparison on hover', async () => {
    const points = [
      point(128, 30, 1200),
      point(512, 40, 500),
      point(1024, 30.8, 295),
      point(2048, 50, 250)
    ];
    const { container } = render(MemoryChart, {
      points,
      sizes: points.map((p) => p.memoryMb),
      memoryMb: 512,
      width: 600
    });
    expect(container.querySelectorAll('circle.f-cost')).toHaveLength(4);
    expect(container.querySelectorAll('circle.f-latency')).toHaveLength(4);
    // No line through the points: nothing between sizes may look like an optimum.
    expect(container.querySelectorAll('path.mark-line')).toHaveLength(0);
    // Cheapest 128 MB ($30); fastest 2048 MB (250 ms); balanced by cost/30 + p95/250:
    // 128: 1 + 4.8; 512: 1.33 + 2; 1024: 1.03 + 1.18 = 2.21 (lowest); 2048: 1.67 + 1 (hand calculation).
    expect([...container.querySelectorAll('.point-label')].map((t) => t.textContent)).toEqual([
      'cheapest',
      'balanced',
      'fastest'
    ]);
    const target = container.querySelector('.hover-column[data-key="1024"]')!;
    await fireEvent.mouseEnter(target);
    // 1 − 30.8/40 = 23 % cheaper; 1 − 295/500 = 41 % faster (hand calculation).
    expect(screen.getByTestId('memory-readout').textContent).toBe(
      '1024 MB: 23 % cheaper and 41 % faster than your 512 MB'
    );
  });

  it('BreakEvenChart draws the function and each option on log axes and labels the break-even', () => {
    const traffic = [1e5, 1e6, 1e7, 1e8];
    const comparison: Comparison = {
      faasLabel: 'AWS Lambda',
      requestsPerMonth: 26_280_000,
      faasMonthlyUsd: 43.76,
      fleets: [
        {
          optionId: 'ec2:t4g.small',
          label: 'EC2 t4g.small',
          instances: 2,
          monthlyUsd: 24.53,
          utilization: 0.08,
          p95Ms: 120
        }
      ],
      notes: ['Peak = the busiest 300 s interval of the run.'],
      curves: [
        {
          optionId: 'ec2:t4g.small',
          label: 'EC2 t4g.small',
          // FaaS grows linearly with traffic; two t4g.small cost $24.53 flat (pricing-facts §5.1).
          points: traffic.map((r) => ({
            requestsPerMonth: r,
            faasUsd: r * 1.66e-6,
            alwaysOnUsd: 24.53
          })),
          breakEvenRequestsPerMonth: 24.53 / 1.66e-6,
          assumption: 'two instances, 60 % CPU'
        }
      ]
    };
    const { container } = render(BreakEvenChart, { comparison, width: 600 });
    expect(container.querySelectorAll('path.mark-line')).toHaveLength(2);
    // 24.53 / 1.66e-6 = 14.8 M requests a month.
    expect(container.querySelector('.point-label')?.textContent).toBe('14.8M');
    expect(container.querySelector('.rule.s-yours text')?.textContent).toBe(
      'your traffic 26.3M/month'
    );
    expect(screen.getByText('Requests per month (log scale)')).toBeInTheDocument();
    expect(screen.getByTestId('summary-breakeven').textContent).toBe(
      'At your traffic, 26.3M requests a month, AWS Lambda costs $43.76 a month. ' +
        '2 × t4g.small at 8 % CPU costs $24.53, break-even at 14.8M requests a month.'
    );
  });
});
