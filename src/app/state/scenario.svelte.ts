/** The scenario being edited: one state object (the URL codec can load and save it), validated live. */
import { DEFAULT_SCENARIO } from '../../scenario/defaults.ts';
import { restoreScenario } from '../../scenario/restore.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { applyPath, getPath, toPath } from './path.ts';
import { presetById } from './presets.ts';
import type { RateUnit } from './units.ts';

export interface FieldMessage {
  /** Dotted path, e.g. 'function.memoryMb'. */
  path: string;
  message: string;
}

export class ScenarioState {
  /** What the editor shows and writes, possibly invalid (NaN, out of range). */
  draft = $state<Scenario>(structuredClone(DEFAULT_SCENARIO));
  /** The preset the draft started from; null after an edit or a load. */
  presetId = $state<string | null>('default');
  /** Unit rates are shown in (a view choice, not part of the scenario). */
  rateUnit = $state<RateUnit>('s');

  #restored = $derived(restoreScenario($state.snapshot(this.draft)));

  /** The validated scenario, or null while the draft has errors. */
  get valid(): Scenario | null {
    return this.#restored.ok ? this.#restored.scenario : null;
  }

  /** Every field error, paths in dotted form. */
  get errors(): FieldMessage[] {
    return this.#restored.ok
      ? []
      : this.#restored.errors.map((e) => ({ path: toPath(e.path), message: e.message }));
  }

  /** Warnings from validation (e.g. a value that was clamped). */
  get warnings(): string[] {
    return this.#restored.ok ? this.#restored.warnings.map(String) : [];
  }

  /** The message for the field at `path`, if any. */
  errorFor(path: string): string | undefined {
    return this.errors.find((e) => e.path === path)?.message;
  }

  /** Messages at `path` or below it (e.g. 'alwaysOn.options' covers 'alwaysOn.options.2'). */
  errorsUnder(path: string): FieldMessage[] {
    return this.errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`));
  }

  /** The draft's value at a dotted path. */
  get(path: string): unknown {
    return getPath(this.draft, path);
  }

  /** Writes one field of the draft (an edit: the preset no longer describes it). */
  set(path: string, value: unknown): void {
    applyPath(this.draft, path, value);
    this.presetId = null;
  }

  /** Replaces the whole draft, e.g. from a shared link; `presetId` says which preset it is, if any. */
  load(scenario: Scenario, presetId: string | null = null): void {
    this.draft = structuredClone(scenario);
    this.presetId = presetId;
  }

  loadPreset(id: string): void {
    this.load(presetById(id).build(), id);
  }

  /** Back to the default scenario. */
  reset(): void {
    this.loadPreset('default');
  }

  /** A plain copy of the draft (for the URL codec and exports). */
  snapshot(): Scenario {
    return $state.snapshot(this.draft) as Scenario;
  }
}
