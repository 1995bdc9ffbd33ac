import { flushSync } from 'svelte';
import { File as NodeFile } from 'node:buffer';
import { describe, expect, it, vi } from 'vitest';
import { ScenarioState } from '../../../src/app/state/scenario.svelte.ts';
import { TraceFiles } from '../../../src/app/state/traceFiles.svelte.ts';
import { DEFAULT_TRAFFIC } from '../../../src/scenario/defaults.ts';
import type { ReadProgress } from '../../../src/worker/traceTypes.ts';
import {
  AZ2021,
  inProcessReader,
  MALFORMED_2021,
  sampleFile,
  textFile
} from '../helpers/traceFiles.ts';

function traceState(): ScenarioState {
  const scenario = new ScenarioState();
  scenario.set('traffic', structuredClone(DEFAULT_TRAFFIC.trace));
  return scenario;
}

describe('TraceFiles', () => {
  it('choose(file) reads it, names it in the scenario by name, size and SHA-256, and hands the File to runs', async () => {
    const scenario = traceState();
    // A trace scenario without a file is invalid until one is chosen.
    expect(scenario.valid).toBeNull();
    const files = new TraceFiles(scenario, inProcessReader().reader);
    const file = sampleFile(AZ2021);
    await files.choose('trace', file);
    expect(files.status).toBe('ready');
    expect(files.summary?.invocations).toBe(998); // README §1
    const valid = scenario.valid;
    if (valid?.traffic.kind !== 'trace') throw new Error('expected a valid trace scenario');
    expect(valid.traffic.file).toMatchObject({
      name: 'AzureFunctionsInvocationTrace2021_first998.csv',
      sizeBytes: 154_230
    });
    expect(valid.traffic.file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(files.inputFor(valid)).toEqual({
      trace: file,
      durations: null,
      memory: null,
      onError: 'stop'
    });
  });

  it('reports read progress in bytes while reading', async () => {
    const seen: ReadProgress[] = [];
    const { reader } = inProcessReader();
    const files = new TraceFiles(traceState(), async (input, format, onProgress) =>
      reader(input, format, (p) => {
        onProgress(p);
        seen.push({ ...files.progress! });
      })
    );
    await files.choose('trace', sampleFile(AZ2021));
    expect(seen.at(-1)).toEqual({ bytesRead: 154_230, totalBytes: 154_230, role: 'trace' });
    expect(files.progress).toBeNull();
  });

  it('a malformed row leaves the scenario alone and says where; skip mode reads again and counts the row', async () => {
    const scenario = traceState();
    let reruns = 0;
    const files = new TraceFiles(scenario, inProcessReader().reader, { rerun: () => reruns++ });
    await files.choose('trace', textFile(MALFORMED_2021, 'bad.csv'));
    expect(files.status).toBe('error');
    expect(files.error).toMatchObject({ line: 5, column: 'duration', skippable: true });
    expect(scenario.valid).toBeNull();
    await files.setOnError('skip');
    expect(files.status).toBe('ready');
    expect(files.summary).toMatchObject({ invocations: 4, skippedRows: 1 });
    expect(scenario.valid).not.toBeNull();
    // Same file, same hash, new error mode: the scenario does not change, so the run is asked for.
    await files.setOnError('skip');
    expect(reruns).toBe(1);
    const valid = scenario.valid!;
    expect(files.inputFor(valid)?.onError).toBe('skip');
  });

  it('an empty file gives its message and the scenario stays as it was', async () => {
    const scenario = traceState();
    const files = new TraceFiles(scenario, inProcessReader().reader);
    await files.choose('trace', textFile('', 'empty.csv'));
    expect(files.error?.message).toMatch(/empty file/);
    expect(files.error?.skippable).toBe(false);
    expect(scenario.draft.traffic.kind === 'trace' && scenario.draft.traffic.file.name).toBe('');
  });

  it('a scenario from a link waits for its own file: a different one is named as different, the right one is taken', async () => {
    const scenario = traceState();
    const first = new TraceFiles(scenario, inProcessReader().reader);
    await first.choose('trace', sampleFile(AZ2021));
    // What a link carries: the file's name, size and hash, no handle.
    const linked = new ScenarioState();
    linked.load(scenario.valid!);
    let reruns = 0;
    const files = new TraceFiles(linked, inProcessReader().reader, { rerun: () => reruns++ });
    expect(files.inputFor(linked.valid!)?.trace).toBeNull();
    await files.choose('trace', textFile('timestamp\n1\n2\n', 'other.csv'));
    expect(files.mismatch).toMatch(
      /This is a different file: the link names "AzureFunctionsInvocationTrace2021_first998\.csv" \(154,230 bytes/
    );
    expect(files.mismatch).toMatch(/you chose "other\.csv" \(14 bytes/);
    expect(linked.valid?.traffic.kind === 'trace' && linked.valid.traffic.file.name).toBe(
      'AzureFunctionsInvocationTrace2021_first998.csv'
    );
    const right = sampleFile(AZ2021);
    await files.choose('trace', right);
    expect(files.mismatch).toBeNull();
    // Same name, size and hash: the scenario is unchanged, so the run is asked for explicitly.
    expect(reruns).toBe(1);
    expect(files.inputFor(linked.valid!)?.trace).toBe(right);
  });

  it('useAnyway() replaces the linked file with the chosen one', async () => {
    const scenario = traceState();
    scenario.set('traffic.file', { name: 'day1.csv', sizeBytes: 10, sha256: 'a'.repeat(64) });
    const files = new TraceFiles(scenario, inProcessReader().reader);
    await files.choose('trace', textFile('timestamp\n1\n2\n', 'other.csv'));
    expect(files.mismatch).not.toBeNull();
    files.useAnyway();
    flushSync();
    expect(files.mismatch).toBeNull();
    expect(scenario.draft.traffic.kind === 'trace' && scenario.draft.traffic.file.name).toBe(
      'other.csv'
    );
  });

  it('a small trace can be carried inline, and a scenario carrying one lists its functions without a file', async () => {
    const scenario = traceState();
    const files = new TraceFiles(scenario, inProcessReader().reader);
    const text = 'timestamp,duration_ms\n0,120\n30,80\n95,100\n';
    await files.choose('trace', textFile(text, 'tiny.csv'));
    expect(files.canInline).toBe(true);
    await files.setInline(true);
    expect(scenario.draft.traffic.kind === 'trace' && scenario.draft.traffic.inline).toBe(text);
    const opened = new ScenarioState();
    opened.load(scenario.valid!);
    const again = new TraceFiles(opened, inProcessReader().reader);
    // jsdom's File cannot stream(); the browser's can (the e2e suite opens such a link).
    vi.stubGlobal('File', NodeFile);
    await again.adoptInline();
    vi.unstubAllGlobals();
    expect(again.summary?.invocations).toBe(3);
  });

  it('a file bigger than 64 KB is not offered inline', async () => {
    const files = new TraceFiles(traceState(), inProcessReader().reader);
    await files.choose('trace', sampleFile(AZ2021));
    // 154,230 bytes > 65,536.
    expect(files.canInline).toBe(false);
  });
});

describe('Runner with trace files', () => {
  it('a trace run hands the files from traceInput to a worker that has not read them, which reads and replays them', async () => {
    const { Runner } = await import('../../../src/app/state/runner.svelte.ts');
    const { inProcessClients } = await import('../helpers/inProcessClient.ts');
    const scenario = traceState();
    const files = new TraceFiles(scenario, inProcessReader().reader);
    const { factory } = inProcessClients();
    const runner = new Runner(factory, { traceInput: (s) => files.inputFor(s) });
    await files.choose('trace', sampleFile(AZ2021));
    await runner.run(scenario.valid!);
    expect(runner.error).toBeNull();
    expect(runner.status).toBe('done');
    expect(runner.report?.invocations).toBe(998); // README §1
    runner.dispose();
  });
});
