/** The page's link: opens the scenario in the URL fragment, keeps the fragment in sync, pins scenario A. */
import type { Scenario, TraceFileRef } from '../../scenario/schema.ts';
import {
  decodeFragment,
  encodeScenario,
  linkFor,
  locationFragment,
  traceFileNeeded,
  writeLocationFragment,
  type LinkView
} from '../../scenario/url.ts';
import type { ScenarioState } from '../state/scenario.svelte.ts';

export interface LinkStateOptions {
  /** Wait this long after the last edit before writing the URL, ms. Default 400. */
  debounceMs?: number;
  /** The fragment to open; default the page's own. */
  fragment?: string;
}

export class LinkState {
  /** Why the page's link could not be opened (the default scenario is shown instead); null when it opened. */
  problem = $state<string | null>(null);
  /** Things the link's reader ignored or changed (unknown fields, charts). */
  warnings = $state.raw<string[]>([]);
  /** Scenario A, pinned for comparison; null = no comparison. */
  pinned = $state.raw<Scenario | null>(null);
  /** Embed mode and charts, as the link asked. */
  view = $state.raw<LinkView>({});
  /** The trace file the opened link needs and does not carry. */
  traceNeeded = $state.raw<TraceFileRef | null>(null);

  #scenario: ScenarioState;
  #debounceMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The last fragment written or read, so our own writes are not read back as new links. */
  #current = '';
  /** What the opened state encodes to: not written back, so opening a page leaves its URL alone. */
  #opened: string | null = null;

  constructor(scenario: ScenarioState, options: LinkStateOptions = {}) {
    this.#scenario = scenario;
    this.#debounceMs = options.debounceMs ?? 400;
    this.open(options.fragment ?? locationFragment());
  }

  /** Whether `fragment` is still just what was opened (nothing to write yet). */
  #unchanged(fragment: string): boolean {
    return fragment === this.#opened;
  }

  /** Opens a fragment: its scenario (or the default, with the reason), its comparison and view. */
  open(fragment: string): void {
    this.#current = fragment;
    const result = decodeFragment(fragment);
    if (!result.ok) {
      this.problem = result.message;
      this.warnings = [];
      this.pinned = null;
      this.traceNeeded = null;
      this.#scenario.reset();
      this.#opened = this.fragment();
      return;
    }
    this.problem = null;
    this.warnings = result.warnings;
    this.view = result.view ?? {};
    this.pinned = result.compare ?? null;
    this.traceNeeded = traceFileNeeded(result.scenario);
    if (result.fromLink) this.#scenario.load(result.scenario);
    this.#opened = this.fragment();
  }

  /** Re-opens the page's fragment when someone else changed it (typed or pasted in the address bar). */
  openLocationIfChanged(): void {
    const fragment = locationFragment();
    if (fragment !== this.#current) this.open(fragment);
  }

  /** The fragment of what is on screen (short form), or null while the draft is invalid. */
  fragment(short = true): string | null {
    const valid = this.#scenario.valid;
    if (!valid) return null;
    return encodeScenario(valid, {
      short,
      compare: this.pinned,
      view: this.view.charts ? { charts: this.view.charts } : undefined
    });
  }

  /** The full link to share (short form). */
  shareLink(): string | null {
    const fragment = this.fragment(true);
    return fragment === null ? null : linkFor(fragment);
  }

  /** The full app with the same scenario (and comparison), from an embed: "Open in Coldstart". */
  appLink(): string {
    const valid = this.#scenario.valid;
    const fragment = valid ? encodeScenario(valid, { short: true, compare: this.pinned }) : '';
    return linkFor(fragment).replace(/\/embed\.html#/, '/#');
  }

  /** The embed link for the same scenario with the given charts (the iframe's src). */
  embedLink(charts: string[]): string | null {
    const valid = this.#scenario.valid;
    if (!valid) return null;
    const fragment = encodeScenario(valid, {
      short: true,
      view: { embed: true, charts: charts as LinkView['charts'] }
    });
    return linkFor(fragment).replace(/\/(index\.html)?#/, '/embed.html#');
  }

  /** Writes `fragment` to the address bar after the debounce, so typing adds no history entries. */
  scheduleWrite(fragment: string): void {
    clearTimeout(this.#timer);
    if (this.#unchanged(fragment)) return;
    this.#timer = setTimeout(() => this.writeNow(fragment), this.#debounceMs);
  }

  writeNow(fragment: string): void {
    clearTimeout(this.#timer);
    this.#opened = null;
    this.#current = fragment;
    writeLocationFragment(fragment);
  }

  /** Pins `scenario` as A; later edits make B. */
  pin(scenario: Scenario): void {
    this.pinned = scenario;
  }

  unpin(): void {
    this.pinned = null;
  }

  /** Forgets the broken-link message (the user has read it). */
  dismissProblem(): void {
    this.problem = null;
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }
}
