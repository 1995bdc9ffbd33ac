import { describe, expect, it } from 'vitest';
import { createKeepAlivePolicy } from '../../../src/engine/keepAlive/createKeepAlivePolicy.ts';
import { fixedKeepAlive, noKeepAlive } from '../../../src/engine/keepAlive/fixedKeepAlive.ts';
import { hybridHistogram } from '../../../src/engine/keepAlive/hybridHistogram.ts';
import { createSource } from '../../../src/engine/rng.ts';
import { assertInDelta } from '../../helpers.ts';

const MIN = 60;
const FOUR_HOURS = { prewarmS: 0, keepAliveS: 240 * MIN };

describe('fixed and none keep-alive', () => {
  it('fixedKeepAlive(s) keeps every idle instance s seconds and never pre-warms, whatever it observes', () => {
    const p = fixedKeepAlive(600);
    for (const g of [1, 100, 10_000]) p.observeIdle(g);
    expect(p.windows()).toEqual({ prewarmS: 0, keepAliveS: 600 });
  });

  it('noKeepAlive() unloads at once: keepAliveS = 0, so every request is cold', () => {
    expect(noKeepAlive().windows()).toEqual({ prewarmS: 0, keepAliveS: 0 });
  });

  it('createKeepAlivePolicy maps the scenario field (absent = fixed at platform.keepAliveS)', () => {
    expect(createKeepAlivePolicy(undefined, 300).windows()).toEqual({
      prewarmS: 0,
      keepAliveS: 300
    });
    expect(createKeepAlivePolicy({ policy: 'fixed' }, 300).windows()).toEqual({
      prewarmS: 0,
      keepAliveS: 300
    });
    expect(createKeepAlivePolicy({ policy: 'none' }, 300).windows()).toEqual({
      prewarmS: 0,
      keepAliveS: 0
    });
    const h = createKeepAlivePolicy({ policy: 'hybrid-histogram', rangeMinutes: 60 }, 300);
    expect(h.windows()).toEqual({ prewarmS: 0, keepAliveS: 3600 }); // no samples yet: the range
  });
});

describe('hybrid histogram (Shahrad et al., ATC 2020)', () => {
  it('a 7-minute timer with 100-ms runs: idle ≈ 6.998 min → bin [6, 7): pre-warm 5.4 min, warm until 7.7 min', () => {
    const p = hybridHistogram();
    for (let i = 0; i < 50; i++) p.observeIdle(7 * MIN - 0.1);
    const w = p.windows();
    // head = 6 min·(1 − 0.1) = 5.4 min; tail = 7 min (upper edge)·(1 + 0.1) = 7.7 min.
    assertInDelta(w.prewarmS, 5.4 * MIN, 1e-9, 'prewarmS');
    assertInDelta(w.prewarmS + w.keepAliveS, 7.7 * MIN, 1e-9, 'warm until');
    // The next invocation, 6.998 min after the end, finds the instance warm.
    const next = 7 * MIN - 0.1;
    expect(next > w.prewarmS && next < w.prewarmS + w.keepAliveS).toBe(true);
    expect(p.describe().reason).toBe('histogram');
  });

  it('exact 7-minute idle times fall in bin [7, 8): pre-warm at 6.3 min (7·0.9), warm until 8.8 min (8·1.1)', () => {
    const p = hybridHistogram();
    for (let i = 0; i < 50; i++) p.observeIdle(7 * MIN);
    const w = p.windows();
    assertInDelta(w.prewarmS, 6.3 * MIN, 1e-9, 'prewarmS');
    assertInDelta(w.prewarmS + w.keepAliveS, 8.8 * MIN, 1e-9, 'warm until');
  });

  it('with fewer than minSamples idle times it falls back to a fixed 4-hour keep-alive', () => {
    const p = hybridHistogram();
    for (let i = 0; i < 9; i++) p.observeIdle(7 * MIN);
    expect(p.windows()).toEqual(FOUR_HOURS);
    expect(p.describe()).toMatchObject({ reason: 'too-few-samples', samples: 9 });
    p.observeIdle(7 * MIN); // the 10th (default minSamples)
    expect(p.describe().reason).toBe('histogram');
  });

  it('idle times spread evenly over the range (low CV of bin counts) are not predictable: fixed 4 h', () => {
    const p = hybridHistogram();
    const u = createSource(4, 1);
    for (let i = 0; i < 10_000; i++) p.observeIdle(u() * 240 * MIN);
    expect(p.windows()).toEqual(FOUR_HOURS);
    const d = p.describe();
    expect(d.reason).toBe('not-predictable');
    // 240 bins of Binomial(10,000, 1/240) counts: CV ≈ √((1 − 1/240)/41.7) ≈ 0.155.
    assertInDelta(d.cv, 0.155, 0.03, 'cv');
  });

  it('CV of the bin counts: one full bin of 240 gives √239 (population σ/μ)', () => {
    const p = hybridHistogram();
    for (let i = 0; i < 20; i++) p.observeIdle(30);
    assertInDelta(p.describe().cv, Math.sqrt(239), 1e-9, 'cv');
  });

  it('mostly out-of-bounds idle times (> 4 h) fall back (the paper would use ARIMA here)', () => {
    const p = hybridHistogram();
    for (let i = 0; i < 6; i++) p.observeIdle(5 * 3600);
    for (let i = 0; i < 5; i++) p.observeIdle(7 * MIN);
    expect(p.windows()).toEqual(FOUR_HOURS);
    expect(p.describe()).toMatchObject({ reason: 'out-of-bounds', outOfBounds: 6 });
  });

  it('out-of-bounds idle times count in the percentiles: a tail beyond the range keeps the whole range', () => {
    const p = hybridHistogram();
    for (let i = 0; i < 98; i++) p.observeIdle(7 * MIN);
    for (let i = 0; i < 2; i++) p.observeIdle(5 * 3600);
    // Nearest rank of p99 among 100 = the 99th value, which is out of bounds.
    const w = p.windows();
    assertInDelta(w.prewarmS, 6.3 * MIN, 1e-9, 'prewarmS');
    assertInDelta(w.prewarmS + w.keepAliveS, 240 * MIN, 1e-9, 'warm until');
  });

  it('percentiles are nearest-rank: the 5th value of 100 sets the head', () => {
    const five = hybridHistogram();
    const four = hybridHistogram();
    for (let i = 0; i < 5; i++) five.observeIdle(1.5 * MIN);
    for (let i = 0; i < 95; i++) five.observeIdle(10.5 * MIN);
    for (let i = 0; i < 4; i++) four.observeIdle(1.5 * MIN);
    for (let i = 0; i < 96; i++) four.observeIdle(10.5 * MIN);
    assertInDelta(five.windows().prewarmS, 1 * 0.9 * MIN, 1e-9, 'head in bin [1, 2)');
    assertInDelta(four.windows().prewarmS, 10 * 0.9 * MIN, 1e-9, 'head in bin [10, 11)');
  });

  it('a busy function (idle times under a minute) is never unloaded: prewarmS = 0, warm 1.1 min', () => {
    const p = hybridHistogram();
    for (let i = 0; i < 1000; i++) p.observeIdle(10);
    expect(p.windows().prewarmS).toBe(0);
    assertInDelta(p.windows().keepAliveS, 1.1 * MIN, 1e-9, 'keepAliveS');
  });

  it('windows() is cached between observations and stays O(log bins) per call', () => {
    const p = hybridHistogram();
    for (let i = 0; i < 20; i++) p.observeIdle(7 * MIN);
    expect(p.windows()).toBe(p.windows());
    const u = createSource(2, 1);
    // 1 M observe + windows pairs, as an engine would do for a hot function.
    for (let i = 0; i < 1_000_000; i++) {
      p.observeIdle(u() * 2);
      p.windows();
    }
    expect(p.describe().samples).toBe(1_000_020);
  });

  it('bad parameters and idle times are rejected with the rule', () => {
    expect(() => hybridHistogram({ marginFraction: 1.5 })).toThrow(
      'hybrid-histogram marginFraction = 1.5: must be in [0, 1)'
    );
    expect(() => hybridHistogram({ binMinutes: 0 })).toThrow(
      'hybrid-histogram binMinutes = 0: must be > 0'
    );
    expect(() => hybridHistogram().observeIdle(-1)).toThrow('idle time -1 s: must be ≥ 0 s');
    expect(() => fixedKeepAlive(-5)).toThrow('keepAliveS = -5: must be ≥ 0 s');
  });
});
