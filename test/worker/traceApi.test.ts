import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { proxy } from 'comlink';
import { describe, expect, it } from 'vitest';
import { remoteSimApi as remote } from './remoteSimApi.ts';
import { simulateTrace, type TraceReport } from '../../src/engine/simulateTrace.ts';
import { createTraceParser } from '../../src/engine/traces/createTraceParser.ts';
import { restoreScenario } from '../../src/scenario/restore.ts';
import type { Scenario, TraceFileRef } from '../../src/scenario/schema.ts';
import { createTraceApi } from '../../src/worker/traceApi.ts';
import { TraceStore } from '../../src/worker/traceStore.ts';
import type { ReadProgress, TraceInput, TraceSummary } from '../../src/worker/traceTypes.ts';
import type { RunUpdate } from '../../src/worker/types.ts';

/** ../shared beside the repository, as on every developer machine and in CI. */
const TRACES = resolve(__dirname, '../../../shared/data/traces') + '/';
const AZ2021 = 'azure2021/AzureFunctionsInvocationTrace2021_first998.csv';
const FN500 = 'azure2019/invitro_500fn_8h/';

function fileOf(path: string): File {
  return new File([readFileSync(TRACES + path)], path.split('/').pop()!);
}

/** A Blob whose stream() yields `size`-byte chunks (cutting lines and UTF-8 sequences anywhere). */
function chunkedBlob(text: string, name: string, size: number): Blob {
  const bytes = new TextEncoder().encode(text);
  const blob = {
    name,
    size: bytes.length,
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size));
          controller.close();
        }
      })
  };
  return blob as unknown as Blob;
}

const input = (trace: Blob | null, extra: Partial<TraceInput> = {}): TraceInput => ({
  trace,
  durations: null,
  memory: null,
  onError: 'stop',
  ...extra
});

function traceScenario(
  summary: Pick<TraceSummary, 'file' | 'durationsFile' | 'memoryFile'>,
  more: object = {}
): Scenario {
  const r = restoreScenario({
    version: 1,
    traffic: {
      kind: 'trace',
      file: summary.file,
      durationsFile: summary.durationsFile,
      memoryFile: summary.memoryFile,
      ...more
    }
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

async function read(
  api: ReturnType<typeof createTraceApi>,
  i: TraceInput,
  progress?: ReadProgress[]
): Promise<TraceSummary> {
  const result = await api.readTrace(i, 'auto', progress ? (p) => progress.push(p) : undefined);
  if (!result.ok) throw new Error(result.error.message);
  return result.summary;
}

const MALFORMED_2021 =
  'app,func,end_timestamp,duration\na,f,10.5,0.5\na,f,11,0.25\na,g,12,0.1\na,f,13,abc\na,g,14,0.2\n';

describe('readTrace (the worker reads trace files)', () => {
  it('readTrace(file) streams the Azure 2021 sample: 998 invocations, 49 functions, its SHA-256 and size', async () => {
    const progress: ReadProgress[] = [];
    const s = await read(createTraceApi(), input(fileOf(AZ2021)), progress);
    const bytes = readFileSync(TRACES + AZ2021);
    // README §1: 998 invocations, 49 (app, func) pairs.
    expect(s.invocations).toBe(998);
    expect(s.functionCount).toBe(49);
    expect(s.format).toBe('azure2021');
    // Independent oracle: node's own SHA-256 of the same bytes.
    expect(s.file).toEqual({
      name: 'AzureFunctionsInvocationTrace2021_first998.csv',
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex')
    });
    // Functions come sorted by invocations, descending, keyed app/func.
    const counts = s.functions.map((f) => f.invocations);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(998);
    expect(s.functions[0].key).toBe(`${s.functions[0].app}/${s.functions[0].id}`);
    // Progress ends at the whole file.
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual({
      bytesRead: bytes.length,
      totalBytes: bytes.length,
      role: 'trace'
    });
  });

  it('readTrace parses a file cut into 7-byte chunks exactly like the whole text, reporting growing byte counts', async () => {
    const text = readFileSync(TRACES + AZ2021, 'utf8');
    const progress: ReadProgress[] = [];
    const api = createTraceApi();
    const chunked = await api.readTrace(input(chunkedBlob(text, 'x.csv', 7)), 'auto', (p) =>
      progress.push(p)
    );
    if (!chunked.ok) throw new Error(chunked.error.message);
    const whole = createTraceParser();
    whole.push(text);
    const oracle = whole.end();
    expect(chunked.summary.invocations).toBe(oracle.invocations);
    expect(chunked.summary.functionCount).toBe(oracle.functions.length);
    expect(chunked.summary.durationS).toBeCloseTo(oracle.durationS, 9);
    const read = progress.map((p) => p.bytesRead);
    expect(read).toEqual([...read].sort((a, b) => a - b));
    expect(read.at(-1)).toBe(new TextEncoder().encode(text).length);
  });

  it('readTrace keeps multi-byte UTF-8 text that 1-byte chunks cut in the middle', async () => {
    const text = 'app,func,end_timestamp,duration\ncafé☕,f,1,0.5\ncafé☕,f,2,0.5\n';
    const s = await read(createTraceApi(), input(chunkedBlob(text, 'utf8.csv', 1)));
    expect(s.functions).toEqual([
      expect.objectContaining({ app: 'café☕', id: 'f', invocations: 2 })
    ]);
  });

  it('a malformed row stops the read with its line and column, and skipping is offered', async () => {
    const r = await createTraceApi().readTrace(
      input(chunkedBlob(MALFORMED_2021, 'bad.csv', 5)),
      'auto'
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // Line 5 is `a,f,13,abc` (the header is line 1).
    expect(r.error).toMatchObject({
      role: 'trace',
      name: 'bad.csv',
      line: 5,
      column: 'duration',
      skippable: true
    });
    expect(r.error.message).toMatch(/^line 5, column "duration": "abc"/);
  });

  it("onError 'skip' drops the bad row and counts it", async () => {
    const s = await read(
      createTraceApi(),
      input(chunkedBlob(MALFORMED_2021, 'bad.csv', 5), { onError: 'skip' })
    );
    expect(s.invocations).toBe(4); // 5 rows, 1 skipped
    expect(s.skippedRows).toBe(1);
    expect(s.problems).toEqual([
      expect.objectContaining({ role: 'trace', line: 5, column: 'duration' })
    ]);
  });

  it('an empty file says so, and skipping cannot help', async () => {
    const r = await createTraceApi().readTrace(input(new File([''], 'empty.csv')), 'auto');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({
        line: 0,
        skippable: false,
        message: expect.stringMatching(/empty file/)
      });
  });

  it('unsorted timestamps are sorted, and the notes say so', async () => {
    const text = 'timestamp\n100\n50\n75\n120\n';
    const s = await read(createTraceApi(), input(new File([text], 't.csv')));
    expect(s.invocations).toBe(4);
    expect(s.notes.join(' ')).toMatch(/not in time order.*sorted/);
  });

  it('the Azure 2019 side files join the trace and count towards progress', async () => {
    const files = input(fileOf(FN500 + 'invocations.csv'), {
      durations: fileOf(FN500 + 'durations.csv'),
      memory: fileOf(FN500 + 'memory.csv')
    });
    const progress: ReadProgress[] = [];
    const s = await read(createTraceApi(), files, progress);
    // README §2b: 500 functions, 3,037,902 invocations.
    expect(s.functionCount).toBe(500);
    expect(s.invocations).toBe(3_037_902);
    expect(s.durationsFile?.name).toBe('durations.csv');
    expect(s.memoryFile?.name).toBe('memory.csv');
    expect(s.notes.join(' ')).toMatch(/durations: 500 of 500/);
    const total = files.trace!.size + files.durations!.size + files.memory!.size;
    expect(progress.at(-1)?.bytesRead).toBe(total);
    expect(progress.at(-1)?.totalBytes).toBe(total);
  });
});

describe('trace runs use the parsed trace the worker keeps by hash', () => {
  it('run(scenario) after readTrace replays from the cache: no second read, same report as simulateTrace', async () => {
    const store = new TraceStore();
    const api = createTraceApi(store);
    const file = fileOf(AZ2021);
    const s = await read(api, input(file));
    expect(store.reads).toBe(1);
    const scenario = traceScenario(s);
    const { simulationFor } = await import('../../src/worker/traceApi.ts');
    const sim = await simulationFor(store, scenario);
    sim.advance(Infinity);
    const report = sim.report() as TraceReport;
    expect(store.reads).toBe(1);
    // Oracle: the engine's one-shot replay of the same text.
    const parser = createTraceParser();
    parser.push(readFileSync(TRACES + AZ2021, 'utf8'));
    const oracle = simulateTrace(scenario, parser.end());
    expect(report.invocations).toBe(oracle.invocations);
    expect(report.coldStarts).toBe(oracle.coldStarts);
    expect(report.functions.length).toBe(49);
  });

  it('a fresh worker (empty cache) reads the files the page passes with the run', async () => {
    const s = await read(createTraceApi(), input(fileOf(AZ2021)));
    const store = new TraceStore();
    const { simulationFor } = await import('../../src/worker/traceApi.ts');
    const progress: ReadProgress[] = [];
    const sim = await simulationFor(store, traceScenario(s), input(fileOf(AZ2021)), (p) =>
      progress.push(p)
    );
    expect(store.reads).toBe(1);
    expect(progress.at(-1)?.bytesRead).toBe(s.file.sizeBytes);
    sim.advance(Infinity);
    expect(sim.report().invocations).toBe(998);
  });

  it('without the file, the run says which file to choose', async () => {
    const ref: TraceFileRef = { name: 'day1.csv', sizeBytes: 1234, sha256: 'a'.repeat(64) };
    const { simulationFor } = await import('../../src/worker/traceApi.ts');
    await expect(
      simulationFor(
        new TraceStore(),
        traceScenario({ file: ref, durationsFile: null, memoryFile: null })
      )
    ).rejects.toThrow(/replays "day1\.csv", 1,234 bytes: choose the file/);
  });

  it('a file whose hash differs from the scenario is refused as a different file', async () => {
    const ref: TraceFileRef = { name: 'day1.csv', sizeBytes: 1234, sha256: 'a'.repeat(64) };
    const { simulationFor } = await import('../../src/worker/traceApi.ts');
    await expect(
      simulationFor(
        new TraceStore(),
        traceScenario({ file: ref, durationsFile: null, memoryFile: null }),
        input(fileOf(AZ2021))
      )
    ).rejects.toThrow(/is a different file from the scenario's "day1\.csv"/);
  });

  it('an inline trace runs with no file at all', async () => {
    const text = 'timestamp,duration_ms\n0,100\n30,100\n1000,100\n';
    const scenario = traceScenario(
      {
        file: { name: 'tiny.csv', sizeBytes: null, sha256: null },
        durationsFile: null,
        memoryFile: null
      },
      { inline: text }
    );
    const { simulationFor } = await import('../../src/worker/traceApi.ts');
    const sim = await simulationFor(new TraceStore(), scenario);
    sim.advance(Infinity);
    expect(sim.report().invocations).toBe(3);
  });

  it('the store keeps at most its capacity, dropping the least recently used trace', async () => {
    const store = new TraceStore(1);
    const api = createTraceApi(store);
    const a = await read(api, input(new File(['timestamp\n1\n2\n'], 'a.csv')));
    await read(api, input(new File(['timestamp\n1\n2\n3\n'], 'b.csv')));
    const { simulationFor } = await import('../../src/worker/traceApi.ts');
    // a was evicted: without its file the run cannot find it.
    await expect(simulationFor(store, traceScenario(a))).rejects.toThrow(/choose the file/);
  });
});

describe('simApi over comlink with a trace', () => {
  it('readTrace then run: a TraceReport with every function, progress in chunks, no memory sweep', async () => {
    const api = remote();
    const file = fileOf(AZ2021);
    const read = await api.readTrace(input(file), 'auto');
    if (!read.ok) throw new Error(read.error.message);
    const updates: number[] = [];
    const result = await api.run(
      traceScenario(read.summary),
      proxy((u: RunUpdate) => void updates.push(u.simulatedS)),
      { updateEveryMs: 0, chunkMs: 1 }
    );
    const report = result.report as TraceReport;
    expect(report.complete).toBe(true);
    expect(report.invocations).toBe(998);
    expect(report.functions.reduce((a, f) => a + f.invocations, 0)).toBe(998);
    expect(result.sweepSizes).toEqual([]);
    expect(updates).toEqual([...updates].sort((a, b) => a - b));
  });

  it('compareKeepAlive gives the seven policies with progress up to 1; none is always cold', async () => {
    const api = remote();
    const read = await api.readTrace(input(fileOf(AZ2021)), 'auto');
    if (!read.ok) throw new Error(read.error.message);
    const progress: number[] = [];
    const { rows } = await api.compareKeepAlive(
      traceScenario(read.summary),
      proxy((f: number) => void progress.push(f))
    );
    expect(rows.map((r) => r.label)).toEqual([
      'none (always cold)',
      'fixed 1 min',
      'fixed 5 min',
      'fixed 10 min',
      'fixed 20 min',
      'fixed 60 min',
      'hybrid histogram'
    ]);
    // Issue 6: policy 'none' gives P(cold) = 1 and keeps nothing idle.
    expect(rows[0].coldStartRatio).toBe(1);
    expect(rows[0].wastedGbSeconds).toBe(0);
    expect(rows.some((r) => r.pareto)).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(progress.at(-1)).toBe(1);
  });
});
