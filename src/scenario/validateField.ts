/** Checks one edited field in the context of a whole scenario, for a message next to a UI control. */
import type { FieldError } from './fieldReader.ts';
import { restoreScenario, type RestoreOptions } from './restore.ts';
import type { Scenario, ScenarioInput } from './schema.ts';

/**
 * validateField(path, value, scenario) returns the errors that setting `path` (dotted, e.g.
 * 'function.memoryMb') to `value` would cause: those at the path or below it, and any new error
 * elsewhere that the edit caused through a cross-field rule (e.g. provisioned > maxConcurrency
 * after lowering maxConcurrency). Empty = the edit is valid.
 */
export function validateField(
  path: string,
  value: unknown,
  scenario: Scenario | ScenarioInput,
  options: RestoreOptions = {}
): FieldError[] {
  const after = restoreScenario(setIn(scenario, path, value), options);
  if (after.ok) return [];
  const before = restoreScenario(scenario, options);
  const existing = new Set(before.ok ? [] : before.errors.map(errorKey));
  return after.errors.filter(
    (e) => e.path === path || e.path.startsWith(`${path}.`) || !existing.has(errorKey(e))
  );
}

/** The first message about `path` itself, or null: what a UI control shows under itself. */
export function fieldMessage(
  path: string,
  value: unknown,
  scenario: Scenario | ScenarioInput,
  options: RestoreOptions = {}
): string | null {
  const errors = validateField(path, value, scenario, options);
  return (errors.find((e) => e.path === path) ?? errors[0])?.message ?? null;
}

function errorKey(e: FieldError): string {
  return `${e.path}\u0000${e.message}`;
}

/** A copy of `target` with the value at a dotted path replaced; objects on the way are copied, not mutated. */
export function setIn(target: unknown, path: string, value: unknown): unknown {
  if (path === '') return value;
  const [head, ...rest] = path.split('.');
  const key = head!;
  const base: Record<string, unknown> =
    typeof target === 'object' && target !== null && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  base[key] = setIn(base[key], rest.join('.'), value);
  return base;
}
