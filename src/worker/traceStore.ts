/** The worker's parsed traces, kept by the SHA-256 of their files so a run never reads a file twice. */
import type { Trace } from '../engine/traces/traceModel.ts';
import type { Scenario, TraceFileRef } from '../scenario/schema.ts';
import { readTraceFiles, type LoadedTrace, type ReadOptions } from './readTraceFiles.ts';
import type { ReadProgress, ReadResult, TraceInput } from './traceTypes.ts';

type TraceTraffic = Extract<Scenario['traffic'], { kind: 'trace' }>;

/** Parsed traces kept per worker. Default 2: a big trace's arrays can take hundreds of MB. */
const DEFAULT_CAPACITY = 2;

export class TraceStore {
  readonly #entries = new Map<string, LoadedTrace>();
  readonly #capacity: number;
  /** Files read so far (cache misses); tests use it to see the cache work. */
  reads = 0;

  constructor(capacity = DEFAULT_CAPACITY) {
    this.#capacity = capacity;
  }

  /**
   * Reads `input` (always: the editor wants its summary and hash even for a file seen before) and
   * keeps the parsed trace under its hashes, format and error mode.
   */
  async read(
    input: TraceInput,
    format: TraceTraffic['format'],
    onProgress?: (p: ReadProgress) => unknown,
    inline: string | null = null
  ): Promise<ReadResult> {
    const options: ReadOptions = { format, onProgress, inline };
    this.reads++;
    const outcome = await readTraceFiles(input, options);
    if (!outcome.ok) return outcome;
    const { summary } = outcome.loaded;
    this.#put(
      keyOf(format, input.onError, summary.file, summary.durationsFile, summary.memoryFile),
      outcome.loaded
    );
    return { ok: true, summary };
  }

  /**
   * The parsed trace a scenario names: from the cache when its files' hashes are known and were
   * read here; else read from `input` (a worker that was restarted) or from the inline text. Throws
   * an Error saying which file to choose when neither is there.
   */
  async traceFor(
    scenario: Scenario,
    input?: TraceInput,
    onProgress?: (p: ReadProgress) => unknown
  ): Promise<Trace> {
    const t = scenario.traffic;
    if (t.kind !== 'trace') throw new Error(`traceFor needs traffic.kind 'trace', got '${t.kind}'`);
    const onError = input?.onError ?? 'stop';
    const hit = this.#get(keyOf(t.format, onError, t.file, t.durationsFile, t.memoryFile));
    if (hit) return hit.trace;
    const wantsFile = input?.trace != null || t.inline === null;
    if (wantsFile && (input === undefined || input.trace === null))
      throw new Error(missingFile(t.file));
    const sideMissing =
      (t.durationsFile !== null && !input?.durations) || (t.memoryFile !== null && !input?.memory);
    if (sideMissing) {
      const ref = t.durationsFile !== null && !input?.durations ? t.durationsFile : t.memoryFile!;
      throw new Error(missingFile(ref));
    }
    const files: TraceInput = input ?? { trace: null, durations: null, memory: null, onError };
    const result = await this.read(files, t.format, onProgress, t.inline);
    if (!result.ok) {
      const e = result.error;
      throw new Error(`${e.name}: ${e.message}`);
    }
    const s = result.summary;
    for (const [want, got] of [
      [t.file, s.file],
      [t.durationsFile, s.durationsFile],
      [t.memoryFile, s.memoryFile]
    ] as const) {
      // Inline text has no file hash to match (its file ref names where it came from).
      if (
        want === null ||
        got === null ||
        want.sha256 === null ||
        (files.trace === null && want === t.file)
      )
        continue;
      if (want.sha256 !== got.sha256) throw new Error(differentFile(want, got));
    }
    const entry = this.#get(keyOf(t.format, onError, s.file, s.durationsFile, s.memoryFile));
    if (!entry) throw new Error('the trace was read but not kept (cache capacity 0?)');
    return entry.trace;
  }

  #get(key: string | null): LoadedTrace | undefined {
    if (key === null) return undefined;
    const entry = this.#entries.get(key);
    if (entry) {
      // Most recently used last, so eviction drops the oldest.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  #put(key: string | null, entry: LoadedTrace): void {
    if (key === null || this.#capacity <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    while (this.#entries.size > this.#capacity)
      this.#entries.delete(this.#entries.keys().next().value!);
  }
}

/** The cache key, or null when a file's hash is unknown (nothing to look up by). */
function keyOf(
  format: string,
  onError: string,
  file: TraceFileRef,
  durations: TraceFileRef | null,
  memory: TraceFileRef | null
): string | null {
  const hashes = [file, durations, memory].map((r) => (r === null ? '-' : r.sha256));
  if (hashes.some((h) => h === null)) return null;
  return [format, onError, ...hashes].join('|');
}

function sizeText(ref: TraceFileRef): string {
  return ref.sizeBytes === null ? '' : `, ${ref.sizeBytes.toLocaleString('en-US')} bytes`;
}

/** The message a run gives when the page has not supplied a file the scenario needs. */
export function missingFile(ref: TraceFileRef): string {
  const name = ref.name === '' ? 'a trace file' : `"${ref.name}"${sizeText(ref)}`;
  return `This scenario replays ${name}: choose the file under Traffic (it is read on your computer, never uploaded).`;
}

export function differentFile(want: TraceFileRef, got: TraceFileRef): string {
  return (
    `"${got.name}" is a different file from the scenario's "${want.name}": ` +
    `SHA-256 ${got.sha256?.slice(0, 12)}…${sizeText(got)} instead of ${want.sha256?.slice(0, 12)}…${sizeText(want)}`
  );
}
