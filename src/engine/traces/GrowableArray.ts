/** Append-only typed arrays that double their capacity: one allocation per doubling, none per value. */

type TypedCtor<T> = new (length: number) => T;
type Typed = Float64Array | Float32Array | Uint32Array;

export class GrowableArray<T extends Typed> {
  #ctor: TypedCtor<T>;
  #data: T;
  length = 0;

  constructor(ctor: TypedCtor<T>, capacity = 16) {
    this.#ctor = ctor;
    this.#data = new ctor(capacity);
  }

  push(x: number): void {
    if (this.length === this.#data.length) {
      const bigger = new this.#ctor(this.#data.length * 2);
      bigger.set(this.#data);
      this.#data = bigger;
    }
    this.#data[this.length++] = x;
  }

  /** The values, trimmed to length (a copy, so the growable buffer can be dropped). */
  toArray(): T {
    return this.#data.slice(0, this.length) as T;
  }
}
