import { describe, it } from 'vitest';
import { erlangC, mmcWait } from '../../../src/engine/alwaysOn/erlangC.ts';
import { assertInDelta } from '../../helpers.ts';

describe('erlangC(c, a)', () => {
  it('is ρ for one server (M/M/1)', () => {
    // Theory: P(wait) in M/M/1 = ρ.
    for (const rho of [0.1, 0.5, 0.9]) assertInDelta(erlangC(1, rho), rho, 1e-12, `ρ=${rho}`);
  });

  it('is 1/3 for two servers at offered load 1', () => {
    // Theory: C(2, 1) = (1²/2!)·(2/(2−1)) / (1 + 1 + 1) = 1/3.
    assertInDelta(erlangC(2, 1), 1 / 3, 1e-12);
  });

  it('is 0 without load and 1 at or above saturation', () => {
    assertInDelta(erlangC(4, 0), 0, 0);
    assertInDelta(erlangC(4, 4), 1, 0);
  });
});

describe('mmcWait(c, λ, μ)', () => {
  it('gives the M/M/1 mean wait ρ/(μ − λ) and its exponential tail', () => {
    // Theory (M/M/1, λ = 8, μ = 10): Wq = 0.8/2 = 0.4 s; P(W > t) = 0.8·e^(−2t) → p95 = ln(16)/2.
    const w = mmcWait(1, 8, 10);
    assertInDelta(w.meanS, 0.4, 1e-12);
    assertInDelta(w.quantileS(0.95), Math.log(0.8 / 0.05) / 2, 1e-12);
    assertInDelta(w.quantileS(0.1), 0, 0);
  });
});
