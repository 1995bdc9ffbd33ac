import { describe, expect, it } from 'vitest';
import { breakEven } from '../../../src/engine/alwaysOn/breakEven.ts';
import { compareAlwaysOn } from '../../../src/engine/alwaysOn/compareAlwaysOn.ts';
import { usageAtTraffic } from '../../../src/engine/alwaysOn/usageAtTraffic.ts';
import { emptyUsage } from '../../../src/engine/billing/meter.ts';
import { alwaysOnOption } from '../../../src/engine/pricing/alwaysOn.ts';
import { simulate } from '../../../src/engine/simulate.ts';
import { assertRelative, scenario } from '../../helpers.ts';

const MONTH_S = 730 * 3600;

function runUsage() {
  // A day of 1 M requests billed 100 ms each at 512 MB on Lambda x86.
  const u = emptyUsage(86_400, 512, 0);
  u.requests = 1_000_000;
  u.onDemandBilledMs = 100_000_000;
  return u;
}

describe('usageAtTraffic(run, R, monthS)', () => {
  it('scales per-request quantities to R requests in a month', () => {
    const u = usageAtTraffic(runUsage(), 5_000_000, MONTH_S)!;
    expect(u.requests).toBe(5_000_000);
    expect(u.onDemandBilledMs).toBe(500_000_000);
    expect(u.durationS).toBe(MONTH_S);
  });

  it('moves work beyond the provisioned capacity to on-demand', () => {
    const run = emptyUsage(3600, 512, 1);
    run.requests = 100;
    run.provisionedRequests = 100;
    run.provisionedBilledMs = 3_600_000; // the one provisioned instance busy the whole hour
    const u = usageAtTraffic(run, 100 * 730 * 2, MONTH_S)!; // twice the traffic, for a month
    expect(u.provisionedBilledMs).toBe(MONTH_S * 1000);
    expect(u.onDemandBilledMs).toBe(MONTH_S * 1000);
  });

  it('is null for a run that served nothing', () => {
    expect(usageAtTraffic(emptyUsage(60, 512, 0), 1e6, MONTH_S)).toBeNull();
  });
});

describe('breakEven(runUsage, scenario, option, fleet)', () => {
  it('finds where a linear FaaS bill meets a fixed two-instance fleet', () => {
    // Theory: without free tier, FaaS = R × ($0.0000002 + 0.05 GB-s × $0.0000166667) and two t4g.small
    // cost 2 × 730 × $0.0168 = $24.528 while the fleet stays at its minimum (10 ms CPU → 200 req/s each).
    const s = scenario({});
    const curve = breakEven(runUsage(), s, alwaysOnOption('ec2:t4g.small')!, {
      cpuMs: 10,
      ioMs: 0
    });
    const perRequest = 0.0000002 + 0.05 * 0.0000166667;
    expect(curve.status).toBe('crosses');
    assertRelative(curve.breakEvenRequestsPerMonth!, 24.528 / perRequest, 1e-6);
    expect(curve.points).toHaveLength(81);
    expect(curve.points[0].requestsPerMonth).toBeCloseTo(1e3, 6);
    const last = curve.points[80];
    assertRelative(last.requestsPerMonth, 1e11, 1e-9);
    expect(last.alwaysOnUsd).toBeGreaterThan(24.528); // the fleet grows with traffic
  });

  it('reports FaaS cheaper throughout when the range ends first', () => {
    const curve = breakEven(
      runUsage(),
      scenario({}),
      alwaysOnOption('ec2:m6i.large')!,
      { cpuMs: 10, ioMs: 0 },
      { maxRequests: 1e6 }
    );
    expect(curve.status).toBe('faas-cheaper-throughout');
    expect(curve.breakEvenRequestsPerMonth).toBeNull();
  });
});

describe('compareAlwaysOn(report, scenario)', () => {
  it("sizes each scenario option for a run's peak and gives a break-even for each", () => {
    const s = scenario({ durationS: 3600, traffic: { kind: 'poisson', ratePerS: 20 } });
    const c = compareAlwaysOn(simulate(s), s);
    expect(c.fleets.map((f) => f.optionId)).toEqual(s.alwaysOn.options);
    expect(c.breakEven).toHaveLength(s.alwaysOn.options.length);
    expect(c.peakRatePerS).toBeGreaterThanOrEqual(c.meanRatePerS);
    // Poisson at 20/s: the mean rate measured over an hour is within 5 % (≈ 7σ).
    assertRelative(c.meanRatePerS, 20, 0.05);
    for (const f of c.fleets) expect(f.instances).toBeGreaterThanOrEqual(s.alwaysOn.minInstances);
  });
});
