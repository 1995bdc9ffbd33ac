/** Collects per-invocation arrivals by function, then sorts them into TraceFunctions. */
import { GrowableArray } from './GrowableArray.ts';
import { sortArrivals } from './sortArrivals.ts';
import type { TraceFunction } from './traceModel.ts';

interface Group {
  id: string;
  app: string;
  times: GrowableArray<Float64Array>;
  durationsMs: GrowableArray<Float32Array> | null;
}

export interface GroupedArrivals {
  functions: TraceFunction[];
  invocations: number;
  /** Rows whose arrival was earlier than the previous row's (file order). */
  outOfOrder: number;
  minS: number;
  maxS: number;
}

export class ArrivalGroups {
  #groups = new Map<string, Group>();
  #previous = -Infinity;
  #outOfOrder = 0;
  #min = Infinity;

  /** Adds one invocation; `durationMs` NaN means the file has no duration for it. */
  add(app: string, id: string, timeS: number, durationMs: number): void {
    if (timeS < this.#previous) this.#outOfOrder++;
    this.#previous = timeS;
    if (timeS < this.#min) this.#min = timeS;
    const key = `${app}/${id}`;
    let g = this.#groups.get(key);
    if (g === undefined) {
      const durationsMs = Number.isNaN(durationMs) ? null : new GrowableArray(Float32Array);
      g = { id, app, times: new GrowableArray(Float64Array), durationsMs };
      this.#groups.set(key, g);
    }
    g.times.push(timeS);
    g.durationsMs?.push(durationMs);
  }

  /** Sorted TraceFunctions in order of first appearance, times shifted by `-originS`. */
  finish(originS = 0): GroupedArrivals {
    const functions: TraceFunction[] = [];
    let invocations = 0;
    let minS = Infinity;
    let maxS = -Infinity;
    for (const g of this.#groups.values()) {
      const timesS = g.times.toArray();
      const durationsMs = g.durationsMs?.toArray();
      sortArrivals(timesS, durationsMs);
      if (originS !== 0) for (let i = 0; i < timesS.length; i++) timesS[i] -= originS;
      minS = Math.min(minS, timesS[0]);
      maxS = Math.max(maxS, timesS[timesS.length - 1]);
      invocations += timesS.length;
      const f: TraceFunction = {
        id: g.id,
        app: g.app,
        arrivals: { kind: 'times', timesS },
        invocations: timesS.length
      };
      if (durationsMs !== undefined) f.durationsMs = durationsMs;
      functions.push(f);
    }
    return { functions, invocations, outOfOrder: this.#outOfOrder, minS, maxS };
  }

  /** The smallest arrival added so far (Infinity when none), to choose the origin. */
  get minS(): number {
    return this.#min;
  }
}
