import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { ScenarioState } from '../../../src/app/state/scenario.svelte.ts';
import { DEFAULT_SCENARIO } from '../../../src/scenario/defaults.ts';

describe('ScenarioState', () => {
  it('starts from the default scenario, valid, with no errors', () => {
    const state = new ScenarioState();
    expect(state.valid).toEqual(DEFAULT_SCENARIO);
    expect(state.errors).toEqual([]);
    expect(state.presetId).toBe('default');
  });

  it('set(path, bad) makes the draft invalid and puts the message on that path', () => {
    const state = new ScenarioState();
    state.set('function.memoryMb', 50);
    flushSync();
    expect(state.valid).toBeNull();
    expect(state.errorFor('function.memoryMb')).toMatch(/50/);
    expect(state.presetId).toBeNull();
  });

  it('a NaN (an emptied number box) is an error, never a silent default', () => {
    const state = new ScenarioState();
    state.set('traffic.ratePerS', Number.NaN);
    expect(state.valid).toBeNull();
    expect(state.errorFor('traffic.ratePerS')).toBeTruthy();
  });

  it('a valid edit gives a new valid scenario with the change', () => {
    const state = new ScenarioState();
    state.set('function.memoryMb', 1024);
    expect(state.valid?.function.memoryMb).toBe(1024);
  });

  it('loadPreset and reset replace the whole draft', () => {
    const state = new ScenarioState();
    state.loadPreset('nightly-batch');
    expect(state.valid?.traffic.kind).toBe('bursts');
    expect(state.presetId).toBe('nightly-batch');
    state.set('function.memoryMb', -1);
    state.reset();
    expect(state.valid).toEqual(DEFAULT_SCENARIO);
  });

  it('load(scenario) takes a copy, so later edits never write into the caller object', () => {
    const state = new ScenarioState();
    const mine = structuredClone(DEFAULT_SCENARIO);
    state.load(mine);
    state.set('function.memoryMb', 2048);
    expect(mine.function.memoryMb).toBe(512);
    expect(state.snapshot().function.memoryMb).toBe(2048);
  });
});

describe('ScenarioState.errorsUnder', () => {
  it('collects the messages of a field and of everything inside it', () => {
    const state = new ScenarioState();
    state.set('function.durationMs', { dist: 'percentiles', p: [50, 10], ms: [100, 50] });
    const paths = state.errorsUnder('function.durationMs').map((e) => e.path);
    expect(paths).toContain('function.durationMs.p');
    expect(paths).toContain('function.durationMs.ms');
    expect(state.errorsUnder('platform')).toEqual([]);
  });
});
