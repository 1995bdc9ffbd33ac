import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LinkState } from '../../../src/app/share/link.svelte.ts';
import { ScenarioState } from '../../../src/app/state/scenario.svelte.ts';
import { DEFAULT_SCENARIO } from '../../../src/scenario/defaults.ts';
import { restoreScenario } from '../../../src/scenario/restore.ts';
import { decodeFragment, encodeScenario } from '../../../src/scenario/url.ts';

const r = restoreScenario({ seed: 5, function: { memoryMb: 2048 } });
if (!r.ok) throw new Error('scenario');
const SCENARIO = r.scenario;

describe('LinkState', () => {
  beforeEach(() => {
    history.replaceState(null, '', '/');
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('opens the scenario in the page fragment', () => {
    history.replaceState(null, '', `/#${encodeScenario(SCENARIO, { short: true })}`);
    const scenario = new ScenarioState();
    const link = new LinkState(scenario);
    expect(scenario.valid).toEqual(SCENARIO);
    expect(link.problem).toBeNull();
  });

  it('opens the default scenario, with the reason, for a broken link', () => {
    const scenario = new ScenarioState();
    scenario.set('seed', 99);
    const link = new LinkState(scenario, { fragment: 's=@@@' });
    expect(link.problem).toBe(
      'This link could not be read: its data has a character that base64url does not use: "@".'
    );
    expect(scenario.valid).toEqual(DEFAULT_SCENARIO);
  });

  it('writes edits to the URL once, after the debounce, without a history entry', () => {
    const scenario = new ScenarioState();
    const link = new LinkState(scenario, { debounceMs: 400 });
    const entries = history.length;
    scenario.set('function.memoryMb', 1024);
    link.scheduleWrite(link.fragment()!);
    scenario.set('function.memoryMb', 2048);
    link.scheduleWrite(link.fragment()!);
    expect(location.hash).toBe('');
    vi.advanceTimersByTime(400);
    const opened = decodeFragment(location.hash);
    expect(opened.ok && opened.scenario.function.memoryMb).toBe(2048);
    expect(history.length).toBe(entries);
  });

  it('leaves the URL alone until something changes', () => {
    const scenario = new ScenarioState();
    const link = new LinkState(scenario);
    link.scheduleWrite(link.fragment()!);
    vi.advanceTimersByTime(1000);
    expect(location.hash).toBe('');
  });

  it('puts the pinned scenario A in the link', () => {
    const scenario = new ScenarioState();
    const link = new LinkState(scenario);
    link.pin(SCENARIO);
    scenario.set('function.memoryMb', 1024);
    const opened = decodeFragment(link.shareLink()!);
    expect(opened.ok && opened.compare).toEqual(SCENARIO);
    expect(opened.ok && opened.scenario.function.memoryMb).toBe(1024);
    link.unpin();
    expect(decodeFragment(link.shareLink()!)).not.toHaveProperty('compare');
  });

  it('re-opens the fragment when it is changed from outside (address bar)', () => {
    const scenario = new ScenarioState();
    const link = new LinkState(scenario);
    history.replaceState(null, '', `/#${encodeScenario(SCENARIO)}`);
    link.openLocationIfChanged();
    expect(scenario.valid).toEqual(SCENARIO);
  });
});
