/** Test helpers: read the shared sample traces and feed them to a parser in chunks. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ChunkParser } from '../../../src/engine/traces/traceModel.ts';

/** ../shared beside the repository, as on every developer machine and in CI. */
export const TRACES = resolve(__dirname, '../../../../shared/data/traces') + '/';

export function readTrace(path: string): string {
  return readFileSync(TRACES + path, 'utf8');
}

/** Pushes `text` in chunks of `size` characters (Infinity = one chunk) and returns end(). */
export function parseInChunks<R>(parser: ChunkParser<R>, text: string, size = Infinity): R {
  if (size === Infinity) parser.push(text);
  else for (let i = 0; i < text.length; i += size) parser.push(text.slice(i, i + size));
  return parser.end();
}

/** Independent oracle: plain split of a small CSV into rows of fields (no quoting). */
export function csvRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => l.split(','));
}
