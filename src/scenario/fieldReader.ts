/** Typed reads from untrusted scenario input that collect every error and unknown key, never throw. */

/** One rejected field: its dotted path (e.g. 'function.memoryMb') and the rule it broke. */
export interface FieldError {
  /** Dotted path of the field, '' for the scenario itself. */
  path: string;
  /** The rule and the value given, e.g. 'must be ≥ 0, got -5'. */
  message: string;
}

/** Bounds of a numeric field; all optional. */
export interface NumberRule {
  min?: number;
  /** `min` itself is not allowed. */
  minExclusive?: boolean;
  max?: number;
  maxExclusive?: boolean;
  integer?: boolean;
  /** Unit shown after the bounds, e.g. 'MB', 's'. */
  unit?: string;
  /** Extra words after the bounds, e.g. '(366 days)'. */
  note?: string;
}

export type Loose = Record<string, unknown>;

/** Collects errors and warnings, and remembers which fields the user gave and which failed. */
export class FieldReader {
  readonly errors: FieldError[] = [];
  readonly warnings: string[] = [];
  private readonly given = new Set<string>();
  private readonly failed = new Set<string>();

  fail(path: string, message: string): void {
    this.errors.push({ path, message });
    this.failed.add(path);
  }

  warn(path: string, message: string): void {
    this.warnings.push(path ? `${path}: ${message}` : message);
  }

  /** Whether the user gave a value at `path`. */
  isGiven(path: string): boolean {
    return this.given.has(path);
  }

  /** Whether every one of `paths` was read without error (cross-field rules need valid inputs). */
  allValid(...paths: string[]): boolean {
    return paths.every((p) => !this.failed.has(p));
  }

  markGiven(path: string): void {
    this.given.add(path);
  }

  /** The object at `key`, or undefined when it is missing or not an object (then an error). */
  object(parent: Loose, key: string, path: string): Loose | undefined {
    const value = parent[key];
    if (value === undefined) return undefined;
    this.markGiven(path);
    if (!isPlainObject(value)) {
      this.fail(path, `must be an object, got ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  /** Warns about each key of `obj` not in `known`; those keys never reach the scenario. */
  unknownKeys(obj: Loose, path: string, known: readonly string[], context = ''): void {
    for (const key of Object.keys(obj)) {
      if (!known.includes(key)) {
        this.warn(join(path, key), `unknown field${context}, ignored`);
      }
    }
  }

  number(obj: Loose, key: string, path: string, fallback: number, rule: NumberRule = {}): number {
    const value = obj[key];
    if (value === undefined) return fallback;
    this.markGiven(path);
    const problem = checkNumber(value, rule);
    if (problem) {
      this.fail(path, problem);
      return fallback;
    }
    return value as number;
  }

  /** A number, or null when the field allows it. */
  numberOrNull(
    obj: Loose,
    key: string,
    path: string,
    fallback: number | null,
    rule: NumberRule = {}
  ): number | null {
    const value = obj[key];
    if (value === undefined) return fallback;
    this.markGiven(path);
    if (value === null) return null;
    const problem = checkNumber(value, rule);
    if (problem) {
      this.fail(path, problem.replace(/^must be/, 'must be null or'));
      return fallback;
    }
    return value as number;
  }

  oneOf<T extends string>(
    obj: Loose,
    key: string,
    path: string,
    fallback: T,
    allowed: readonly T[]
  ): T {
    const value = obj[key];
    if (value === undefined) return fallback;
    this.markGiven(path);
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.fail(
        path,
        `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${describe(value)}`
      );
      return fallback;
    }
    return value as T;
  }

  boolean(obj: Loose, key: string, path: string, fallback: boolean): boolean {
    const value = obj[key];
    if (value === undefined) return fallback;
    this.markGiven(path);
    if (typeof value !== 'boolean') {
      this.fail(path, `must be true or false, got ${describe(value)}`);
      return fallback;
    }
    return value;
  }

  booleanOrNull(obj: Loose, key: string, path: string, fallback: boolean | null): boolean | null {
    const value = obj[key];
    if (value === undefined) return fallback;
    this.markGiven(path);
    if (value !== null && typeof value !== 'boolean') {
      this.fail(path, `must be true, false or null, got ${describe(value)}`);
      return fallback;
    }
    return value;
  }
}

/** The rule a numeric value breaks, in words, or null when it is fine. */
export function checkNumber(value: unknown, rule: NumberRule): string | null {
  const kind = rule.integer ? 'a whole number' : 'a number';
  const bounds = describeBounds(rule);
  const expected = `must be ${kind}${bounds ? ` ${bounds}` : ''}`;
  if (typeof value !== 'number') return `${expected}, got ${describe(value)}`;
  if (!Number.isFinite(value)) return `${expected}, got ${describe(value)}`;
  if (rule.integer && !Number.isInteger(value)) return `${expected}, got ${describe(value)}`;
  const { min, max } = rule;
  const belowMin = min !== undefined && (rule.minExclusive ? value <= min : value < min);
  const aboveMax = max !== undefined && (rule.maxExclusive ? value >= max : value > max);
  return belowMin || aboveMax ? `${expected}, got ${describe(value)}` : null;
}

function describeBounds(rule: NumberRule): string {
  const unit = rule.unit ? ` ${rule.unit}` : '';
  const note = rule.note ? ` ${rule.note}` : '';
  const { min, max } = rule;
  let text = '';
  if (min !== undefined && max !== undefined && !rule.minExclusive && !rule.maxExclusive) {
    text = `between ${fmt(min)} and ${fmt(max)}${unit}`;
  } else {
    const parts: string[] = [];
    if (min !== undefined) parts.push(`${rule.minExclusive ? '>' : '≥'} ${fmt(min)}`);
    if (max !== undefined) parts.push(`${rule.maxExclusive ? '<' : '≤'} ${fmt(max)}`);
    text = parts.length ? `${parts.join(' and ')}${unit}` : '';
  }
  return `${text}${note}`.trim();
}

/** A number with thousands separators, for messages (locale fixed so messages are stable). */
export function fmt(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** A short description of any value for a message: 5, NaN, "abc" (a string), null, an array. */
export function describe(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `${JSON.stringify(shown)} (a string)`;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

export function isPlainObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Joins a parent path and a key: join('function', 'memoryMb') = 'function.memoryMb'. */
export function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
