/** Reads the function section: memory, runtime, package size, durations, CPU share, init time. */
import { RUNTIMES } from '../choices.ts';
import { DEFAULT_SCENARIO } from '../defaults.ts';
import type { FunctionSpec } from '../schema.ts';
import { join, type FieldReader, type Loose } from '../fieldReader.ts';
import { readDist } from './restoreDist.ts';

const FIELDS = [
  'memoryMb',
  'runtime',
  'packageMb',
  'durationMs',
  'cpuBoundFraction',
  'threads',
  'initMs'
];

/** Memory is only checked for being a number here; its range depends on the provider (restore.ts). */
export function readFunction(r: FieldReader, root: Loose): FunctionSpec {
  const d = DEFAULT_SCENARIO.function;
  const obj = r.object(root, 'function', 'function');
  if (!obj) return { ...d };
  r.unknownKeys(obj, 'function', FIELDS);
  const path = (key: string) => join('function', key);
  return {
    memoryMb: r.number(obj, 'memoryMb', path('memoryMb'), d.memoryMb, { unit: 'MB' }),
    runtime: r.oneOf(obj, 'runtime', path('runtime'), d.runtime, RUNTIMES),
    packageMb: r.number(obj, 'packageMb', path('packageMb'), d.packageMb, { min: 0, unit: 'MB' }),
    durationMs:
      readDist(r, obj, 'durationMs', path('durationMs'), d.durationMs, false) ?? d.durationMs,
    cpuBoundFraction: r.number(
      obj,
      'cpuBoundFraction',
      path('cpuBoundFraction'),
      d.cpuBoundFraction,
      {
        min: 0,
        max: 1
      }
    ),
    threads: r.number(obj, 'threads', path('threads'), d.threads, { min: 1, integer: true }),
    initMs: readDist(r, obj, 'initMs', path('initMs'), d.initMs, true)
  };
}
