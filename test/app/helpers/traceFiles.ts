/** Trace files for app tests: real sample files as Node Files, and a reader that parses them in-process. */
import { File as NodeFile } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TraceReader } from '../../../src/app/state/traceFiles.svelte.ts';
import { createTraceApi } from '../../../src/worker/traceApi.ts';
import { TraceStore } from '../../../src/worker/traceStore.ts';

/** ../shared beside the repository, as on every developer machine and in CI. */
export const TRACES = resolve(__dirname, '../../../../shared/data/traces') + '/';
export const AZ2021 = 'azure2021/AzureFunctionsInvocationTrace2021_first998.csv';

/** A File with a working stream() (jsdom's File has none); the app only uses the File interface. */
export function textFile(text: string, name: string): File {
  return new NodeFile([text], name) as unknown as File;
}

export function sampleFile(path: string): File {
  return new NodeFile([readFileSync(TRACES + path)], path.split('/').pop()!) as unknown as File;
}

/** The worker's readTrace called directly, with its store exposed so tests can see cache reads. */
export function inProcessReader(store = new TraceStore()): {
  reader: TraceReader;
  store: TraceStore;
  calls: number[];
} {
  const api = createTraceApi(store);
  const calls: number[] = [];
  return {
    store,
    calls,
    reader: async (input, format, onProgress) => {
      calls.push(Date.now());
      return api.readTrace(input, format, onProgress);
    }
  };
}

export const MALFORMED_2021 =
  'app,func,end_timestamp,duration\na,f,10.5,0.5\na,f,11,0.25\na,g,12,0.1\na,f,13,abc\na,g,14,0.2\n';
