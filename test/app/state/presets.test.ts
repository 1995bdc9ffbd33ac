import { describe, expect, it } from 'vitest';
import { PRESETS, presetById } from '../../../src/app/state/presets.ts';
import { DEFAULT_SCENARIO } from '../../../src/scenario/defaults.ts';
import { restoreScenario } from '../../../src/scenario/restore.ts';

describe('presets', () => {
  it('every preset is a valid scenario that restores to itself', () => {
    for (const preset of PRESETS) {
      const scenario = preset.build();
      const restored = restoreScenario(scenario);
      expect(restored.ok, `${preset.id}: ${JSON.stringify(restored)}`).toBe(true);
      if (restored.ok) expect(restored.scenario).toEqual(scenario);
    }
  });

  it('offers the four starting points the issue names, plus the default', () => {
    const labels = PRESETS.map((p) => p.label);
    expect(labels).toContain('API backend 50 req/s, Node.js');
    for (const word of ['Nightly batch', 'Spiky webhook', 'Low-traffic internal tool']) {
      expect(labels.some((l) => l.includes(word))).toBe(true);
    }
    expect(presetById('default').build()).toEqual(DEFAULT_SCENARIO);
  });

  it('build() returns a fresh copy each time, so editing one never changes the preset', () => {
    const a = presetById('api-backend').build();
    a.function.memoryMb = 128;
    expect(presetById('api-backend').build().function.memoryMb).toBe(1024);
  });

  it('presetById(id) throws naming the unknown id and the known ones', () => {
    expect(() => presetById('nope')).toThrow(
      /Unknown preset 'nope': expected one of default, api-backend/
    );
  });
});
