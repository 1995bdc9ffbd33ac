/** Dotted paths into a scenario ('function.memoryMb'), the same form validation messages use. */

/** getPath(obj, 'a.b') reads obj.a.b; undefined when a step is missing. */
export function getPath(obj: unknown, path: string): unknown {
  let at: unknown = obj;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** applyPath(obj, 'a.b', v) writes obj.a.b = v in place, creating missing objects on the way. */
export function applyPath(obj: object, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = obj as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    const next = at[key];
    if (next === null || typeof next !== 'object') at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[keys[keys.length - 1]] = value;
}

/**
 * toPath(p) normalises a validation path to dotted form: ['function', 'memoryMb'],
 * 'function.memoryMb', '$.function.memoryMb' and 'function/memoryMb' all give 'function.memoryMb';
 * array indices stay as numbers ('alwaysOn.options.0').
 */
export function toPath(p: unknown): string {
  if (Array.isArray(p)) return p.map(String).join('.');
  return String(p)
    .replace(/^\$\.?/, '')
    .replace(/^\//, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.');
}
