import { describe, expect, it } from 'vitest';
import { applyPath, getPath, toPath } from '../../../src/app/state/path.ts';

describe('path', () => {
  it('getPath(obj, path) reads nested values and gives undefined for missing steps', () => {
    const obj = { function: { memoryMb: 512 }, list: ['a'] };
    expect(getPath(obj, 'function.memoryMb')).toBe(512);
    expect(getPath(obj, 'list.0')).toBe('a');
    expect(getPath(obj, 'platform.provider')).toBeUndefined();
  });

  it('applyPath(obj, path, v) writes in place and creates missing objects', () => {
    const obj: Record<string, unknown> = { function: { memoryMb: 512 } };
    applyPath(obj, 'function.memoryMb', 1024);
    applyPath(obj, 'platform.keepWarm.everyS', 300);
    expect(obj).toEqual({ function: { memoryMb: 1024 }, platform: { keepWarm: { everyS: 300 } } });
  });

  it('toPath(p) normalises every path form to dotted', () => {
    const table: [unknown, string][] = [
      [['function', 'memoryMb'], 'function.memoryMb'],
      ['function.memoryMb', 'function.memoryMb'],
      ['$.function.memoryMb', 'function.memoryMb'],
      ['/function/memoryMb', 'function.memoryMb'],
      ['alwaysOn.options[1]', 'alwaysOn.options.1'],
      ['', '']
    ];
    for (const [input, expected] of table) expect(toPath(input)).toBe(expected);
  });
});
