/**
 * Idle warm instances ordered by the time they became idle, in a ring buffer. With a fixed
 * keep-alive the oldest idle instance always expires first, so expiry is O(1) at the head; MRU
 * reuse pops the tail, LRU the head, random reuse removes from the middle (O(idle), shifting).
 */

export class IdleDeque {
  #ids: Int32Array;
  #since: Float64Array;
  #mask: number;
  #head = 0;
  size = 0;

  constructor(capacity: number) {
    let n = 16;
    while (n < capacity) n *= 2;
    this.#ids = new Int32Array(n);
    this.#since = new Float64Array(n);
    this.#mask = n - 1;
  }

  /** Time the oldest idle instance became idle, s. */
  oldestSince(): number {
    return this.#since[this.#head];
  }

  push(id: number, since: number): void {
    if (this.size > this.#mask) this.#grow();
    const j = (this.#head + this.size) & this.#mask;
    this.#ids[j] = id;
    this.#since[j] = since;
    this.size++;
  }

  popNewest(): number {
    this.size--;
    return this.#ids[(this.#head + this.size) & this.#mask];
  }

  popOldest(): number {
    const id = this.#ids[this.#head];
    this.#head = (this.#head + 1) & this.#mask;
    this.size--;
    return id;
  }

  /** The i-th oldest idle instance (0 = oldest). */
  at(i: number): number {
    return this.#ids[(this.#head + i) & this.#mask];
  }

  /** When the i-th oldest idle instance became idle, s. */
  sinceAt(i: number): number {
    return this.#since[(this.#head + i) & this.#mask];
  }

  /** Removes and returns the i-th oldest (0 = oldest). */
  removeAt(i: number): number {
    const mask = this.#mask;
    const ids = this.#ids;
    const since = this.#since;
    const id = ids[(this.#head + i) & mask];
    for (let j = i; j < this.size - 1; j++) {
      const to = (this.#head + j) & mask;
      const from = (to + 1) & mask;
      ids[to] = ids[from];
      since[to] = since[from];
    }
    this.size--;
    return id;
  }

  #grow(): void {
    const n = this.#ids.length * 2;
    const ids = new Int32Array(n);
    const since = new Float64Array(n);
    for (let j = 0; j < this.size; j++) {
      const from = (this.#head + j) & this.#mask;
      ids[j] = this.#ids[from];
      since[j] = this.#since[from];
    }
    this.#ids = ids;
    this.#since = since;
    this.#mask = n - 1;
    this.#head = 0;
  }
}
