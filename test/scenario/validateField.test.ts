import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../src/scenario/defaults.ts';
import { fieldMessage, setIn, validateField } from '../../src/scenario/validateField.ts';

describe('validateField reports what one edit would break', () => {
  it('returns no errors for a valid edit', () => {
    expect(validateField('function.memoryMb', 1024, DEFAULT_SCENARIO)).toEqual([]);
  });

  it('returns the rule broken by the edited field itself', () => {
    // Lambda memory range 128–10,240 MB (limits.ts, pricing-facts.md §1.4).
    expect(validateField('function.memoryMb', 64, DEFAULT_SCENARIO)).toEqual([
      {
        path: 'function.memoryMb',
        message: 'must be a whole number between 128 and 10,240 MB on aws-lambda, got 64'
      }
    ]);
  });

  it('judges a field against the rest of the scenario (p99 against the current median)', () => {
    const scenario = {
      ...DEFAULT_SCENARIO,
      function: {
        ...DEFAULT_SCENARIO.function,
        durationMs: { dist: 'lognormal' as const, median: 300, p99: 900 }
      }
    };
    expect(fieldMessage('function.durationMs.p99', 200, scenario)).toBe(
      'must be ≥ median (300 ms), got 200'
    );
  });

  it('includes errors the edit causes elsewhere through a cross-field rule', () => {
    const scenario = { platform: { provisioned: 5 } };
    expect(validateField('platform.maxConcurrency', 2, scenario)).toEqual([
      { path: 'platform.provisioned', message: 'must be ≤ maxConcurrency (2), got 5' }
    ]);
  });

  it('leaves out errors the scenario already had in other fields', () => {
    const broken = { seed: -1 };
    expect(validateField('function.memoryMb', 256, broken)).toEqual([]);
    expect(fieldMessage('function.memoryMb', 256, broken)).toBeNull();
  });
});

describe('setIn copies along a dotted path', () => {
  it('replaces one value and leaves the original object untouched', () => {
    const original = { a: { b: 1, c: 2 } };
    expect(setIn(original, 'a.b', 5)).toEqual({ a: { b: 5, c: 2 } });
    expect(original).toEqual({ a: { b: 1, c: 2 } });
  });

  it('creates missing objects on the way', () => {
    expect(setIn({}, 'platform.keepWarm.everyS', 60)).toEqual({
      platform: { keepWarm: { everyS: 60 } }
    });
  });
});
