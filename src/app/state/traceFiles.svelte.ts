/** The trace files the user chose: read in the worker, named in the scenario by name, size and hash. */
import { createContext } from 'svelte';
import type { Scenario, TraceFileRef, TraceFormat } from '../../scenario/schema.ts';
import type {
  ReadProgress,
  ReadResult,
  TraceFileRole,
  TraceInput,
  TraceReadError,
  TraceSummary
} from '../../worker/traceTypes.ts';
import type { ScenarioState } from './scenario.svelte.ts';

/** Reads files in the run worker (so the runs that follow find the parsed trace there). */
export type TraceReader = (
  input: TraceInput,
  format: 'auto' | TraceFormat,
  onProgress: (p: ReadProgress) => void
) => Promise<ReadResult>;

export type TraceFilesStatus = 'empty' | 'reading' | 'ready' | 'error';

/** A trace this small may ride in the link (as text); bigger ones are named, not carried. */
export const INLINE_MAX_BYTES = 64 * 1024;

type Chosen = Record<TraceFileRole, File | null>;

export interface TraceFilesOptions {
  /** Runs the current scenario again (a new error mode or re-read file with the same name and hash). */
  rerun?: () => void;
}

export class TraceFiles {
  /** The files chosen for each role. */
  chosen = $state.raw<Chosen>({ trace: null, durations: null, memory: null });
  /** 'stop' at the first malformed row, or 'skip' bad rows. */
  onError = $state<'stop' | 'skip'>('stop');
  status = $state<TraceFilesStatus>('empty');
  /** Bytes read of the read in flight. */
  progress = $state.raw<ReadProgress | null>(null);
  /** What the last successful read found. */
  summary = $state.raw<TraceSummary | null>(null);
  /** Why the last read failed (file, line, column). */
  error = $state.raw<TraceReadError | null>(null);
  /** The chosen file is not the one the scenario names (e.g. an opened link): what differs. */
  mismatch = $state<string | null>(null);

  #scenario: ScenarioState;
  #reader: TraceReader;
  #rerun: () => void;
  /** Every file read successfully, by SHA-256: what runs are given for the scenario's refs. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup table; nothing renders from it
  #handles = new Map<string, File>();
  #generation = 0;
  /** The summary waiting for "use it anyway" after a mismatch. */
  #pending: TraceSummary | null = null;

  constructor(scenario: ScenarioState, reader: TraceReader, options: TraceFilesOptions = {}) {
    this.#scenario = scenario;
    this.#reader = reader;
    this.#rerun = options.rerun ?? (() => {});
  }

  /** Share of the read in flight done, 0–1. */
  get fraction(): number {
    const p = this.progress;
    return p && p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : 0;
  }

  /** Whether the chosen trace is small enough to carry in the link. */
  get canInline(): boolean {
    const f = this.chosen.trace;
    return (
      this.status === 'ready' && this.mismatch === null && f !== null && f.size <= INLINE_MAX_BYTES
    );
  }

  /** Chooses (or clears, with null) the file for `role` and reads the files again. */
  async choose(role: TraceFileRole, file: File | null): Promise<void> {
    this.chosen = { ...this.chosen, [role]: file };
    if (role === 'trace') this.mismatch = null;
    await this.read();
  }

  /** Stop at the first bad row, or skip bad rows; reads again with the new mode. */
  async setOnError(mode: 'stop' | 'skip'): Promise<void> {
    this.onError = mode;
    await this.read();
  }

  /** Sets the scenario's format, reading the files again in that format when there are any. */
  async setFormat(format: 'auto' | TraceFormat): Promise<void> {
    if (this.chosen.trace === null) {
      this.#scenario.set('traffic.format', format);
      return;
    }
    await this.read(format);
  }

  /**
   * Reads the chosen files in the worker. On success the scenario names them (unless the scenario
   * was waiting for a different file: then `mismatch` says how they differ).
   */
  async read(format = this.#traffic()?.format ?? 'auto'): Promise<void> {
    const trace = this.chosen.trace;
    if (trace === null) {
      this.status = 'empty';
      this.summary = null;
      this.error = null;
      return;
    }
    const generation = ++this.#generation;
    const input: TraceInput = { ...this.chosen, trace, onError: this.onError };
    this.status = 'reading';
    this.error = null;
    this.progress = { bytesRead: 0, totalBytes: trace.size, role: 'trace' };
    let result: ReadResult;
    try {
      result = await this.#reader(input, format, (p) => {
        if (generation === this.#generation) this.progress = p;
      });
    } catch (error) {
      if (generation !== this.#generation) return;
      const message = error instanceof Error ? error.message : String(error);
      result = {
        ok: false,
        error: { role: 'trace', name: trace.name, message, line: 0, skippable: false }
      };
    }
    if (generation !== this.#generation) return;
    this.progress = null;
    if (!result.ok) {
      this.status = 'error';
      this.error = result.error;
      this.summary = null;
      // Keep the format the user asked for on screen; the run says it cannot read the file that way.
      if (format !== this.#traffic()?.format) this.#scenario.set('traffic.format', format);
      return;
    }
    const summary = result.summary;
    this.status = 'ready';
    this.summary = summary;
    for (const [role, ref] of [
      ['trace', summary.file],
      ['durations', summary.durationsFile],
      ['memory', summary.memoryFile]
    ] as const) {
      const file = this.chosen[role];
      if (file && ref?.sha256) this.#handles.set(ref.sha256, file);
    }
    const waiting = this.#waitingFor();
    if (waiting && waiting.sha256 !== summary.file.sha256) {
      this.mismatch = differs(waiting, summary.file);
      this.#pending = summary;
      return;
    }
    this.mismatch = null;
    this.#apply(summary, format);
  }

  /** After a mismatch: use the chosen file instead of the one the scenario named. */
  useAnyway(): void {
    const pending = this.#pending;
    if (!pending) return;
    this.mismatch = null;
    this.#apply(pending, this.#traffic()?.format ?? 'auto');
  }

  /** Names the files read last in the scenario again (after switching traffic kinds back to 'trace'). */
  reapply(): void {
    const t = this.#traffic();
    if (this.status === 'ready' && this.summary && t && t.file.name === '' && t.inline === null)
      this.#apply(this.summary, t.format);
  }

  /** Carries the chosen trace's text in the scenario (and so in its link), or stops carrying it. */
  async setInline(on: boolean): Promise<void> {
    const file = this.chosen.trace;
    this.#scenario.set('traffic.inline', on && file ? await file.text() : null);
  }

  /**
   * Reads the scenario's inline trace (an opened link that carries it) so the editor can list its
   * functions; the run needs no file for it.
   */
  async adoptInline(): Promise<void> {
    const t = this.#traffic();
    if (!t || t.inline === null || this.chosen.trace !== null || this.status === 'reading') return;
    const name = t.file.name || 'trace.csv';
    this.chosen = { ...this.chosen, trace: new File([t.inline], name, { type: 'text/csv' }) };
    await this.read();
  }

  /** The files to give a run of `scenario`: the handles whose hashes (or names) its refs name. */
  inputFor(scenario: Scenario): TraceInput | undefined {
    const t = scenario.traffic;
    if (t.kind !== 'trace') return undefined;
    return {
      trace: this.#handleFor(t.file),
      durations: this.#handleFor(t.durationsFile),
      memory: this.#handleFor(t.memoryFile),
      onError: this.onError
    };
  }

  #handleFor(ref: TraceFileRef | null): File | null {
    if (ref === null) return null;
    if (ref.sha256 !== null) return this.#handles.get(ref.sha256) ?? null;
    // A hand-written scenario may name a file without its hash.
    for (const file of this.#handles.values()) if (file.name === ref.name) return file;
    return null;
  }

  #traffic(): Extract<Scenario['traffic'], { kind: 'trace' }> | null {
    const t = this.#scenario.draft.traffic;
    return t.kind === 'trace' ? t : null;
  }

  /** The file the scenario names and no file read here matches (an opened link), if any. */
  #waitingFor(): TraceFileRef | null {
    const t = this.#traffic();
    if (!t || t.inline !== null || t.file.sha256 === null || this.#handles.has(t.file.sha256))
      return null;
    return t.file;
  }

  #apply(summary: TraceSummary, format: 'auto' | TraceFormat): void {
    const t = this.#traffic();
    const same =
      t !== null &&
      t.format === format &&
      sameRef(t.file, summary.file) &&
      sameRef(t.durationsFile, summary.durationsFile) &&
      sameRef(t.memoryFile, summary.memoryFile);
    if (same) {
      // Nothing in the scenario changes (same files; a new error mode): run it again explicitly.
      this.#rerun();
      return;
    }
    if (t === null) return;
    this.#scenario.set('traffic.format', format);
    this.#scenario.set('traffic.file', { ...summary.file });
    this.#scenario.set(
      'traffic.durationsFile',
      summary.durationsFile && { ...summary.durationsFile }
    );
    this.#scenario.set('traffic.memoryFile', summary.memoryFile && { ...summary.memoryFile });
    // Inline text of another file would replay the wrong trace.
    if (t.inline !== null && !sameRef(t.file, summary.file))
      this.#scenario.set('traffic.inline', null);
    const select = t.select;
    if (
      select.mode === 'one' &&
      !summary.functions.some((f) => f.key === select.id || f.id === select.id)
    ) {
      this.#scenario.set('traffic.select', { mode: 'all' });
    }
  }
}

function sameRef(a: TraceFileRef | null, b: TraceFileRef | null): boolean {
  if (a === null || b === null) return a === b;
  return a.name === b.name && a.sizeBytes === b.sizeBytes && a.sha256 === b.sha256;
}

function bytes(n: number | null): string {
  return n === null ? 'unknown size' : `${n.toLocaleString('en-US')} bytes`;
}

/** How the chosen file differs from the one the scenario names, in words. */
export function differs(want: TraceFileRef, got: TraceFileRef): string {
  const sizeDiffers = want.sizeBytes !== null && want.sizeBytes !== got.sizeBytes;
  return (
    `This is a different file: the link names "${want.name}" (${bytes(want.sizeBytes)}, SHA-256 ${want.sha256?.slice(0, 12)}…), ` +
    `you chose "${got.name}" (${bytes(got.sizeBytes)}, SHA-256 ${got.sha256?.slice(0, 12)}…)` +
    (sizeDiffers ? '; even the sizes differ.' : '; same size, different content.')
  );
}

export const [getTraceFiles, setTraceFiles, hasTraceFiles] = createContext<TraceFiles>();
