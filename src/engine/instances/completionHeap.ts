/** A binary min-heap of (completion time, instance id) pairs in typed arrays; no allocation per push. */

export class CompletionHeap {
  #time: Float64Array;
  #id: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.#time = new Float64Array(Math.max(4, capacity));
    this.#id = new Int32Array(Math.max(4, capacity));
  }

  topTime(): number {
    return this.#time[0];
  }

  topId(): number {
    return this.#id[0];
  }

  push(t: number, id: number): void {
    if (this.size === this.#time.length) this.#grow();
    const time = this.#time;
    const ids = this.#id;
    let i = this.size++;
    // Sift up: strict comparison keeps equal times in insertion-dependent but deterministic order.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = time[parent];
      if (pt <= t) break;
      time[i] = pt;
      ids[i] = ids[parent];
      i = parent;
    }
    time[i] = t;
    ids[i] = id;
  }

  pop(): void {
    const n = --this.size;
    if (n === 0) return;
    const time = this.#time;
    const ids = this.#id;
    const t = time[n];
    const id = ids[n];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && time[child + 1] < time[child]) child++;
      if (time[child] >= t) break;
      time[i] = time[child];
      ids[i] = ids[child];
      i = child;
    }
    time[i] = t;
    ids[i] = id;
  }

  #grow(): void {
    const time = new Float64Array(this.#time.length * 2);
    time.set(this.#time);
    const ids = new Int32Array(this.#id.length * 2);
    ids.set(this.#id);
    this.#time = time;
    this.#id = ids;
  }
}
