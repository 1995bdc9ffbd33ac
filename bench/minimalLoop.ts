/**
 * The yardstick of issue 2's speed target: a minimal hand-written loop of the reference model
 * (Poisson arrivals, exponential service, fixed init, MRU reuse, fixed keep-alive) with no metrics
 * beyond counting cold starts, and no billing. The engine should match it.
 */
import { createSource } from '../src/engine/rng.ts';

export function minimalLoop(
  ratePerS: number,
  serviceMeanMs: number,
  initMs: number,
  keepAliveS: number,
  n: number
): number {
  const u = createSource(1, 1);
  const v = createSource(1, 2);
  let heap = new Float64Array(1024);
  let size = 0;
  let idle: Float64Array<ArrayBuffer> = new Float64Array(1024); // idle-since times, oldest first (a stack used from both ends)
  let head = 0;
  let tail = 0;
  let cold = 0;
  let t = 0;
  for (let i = 0; i < n; i++) {
    t -= Math.log(1 - u()) / ratePerS;
    // Completions up to t free instances (idle since their completion time).
    while (size > 0 && heap[0] <= t) {
      const c = heap[0];
      const last = heap[--size];
      let j = 0;
      for (;;) {
        let ch = 2 * j + 1;
        if (ch >= size) break;
        if (ch + 1 < size && heap[ch + 1] < heap[ch]) ch++;
        if (heap[ch] >= last) break;
        heap[j] = heap[ch];
        j = ch;
      }
      heap[j] = last;
      if (tail === idle.length) {
        idle = compact(idle, head, tail);
        tail -= head;
        head = 0;
      }
      idle[tail++] = c;
    }
    while (tail > head && idle[head] + keepAliveS <= t) head++;
    let d = -serviceMeanMs * Math.log(1 - v());
    if (tail > head) tail--;
    else {
      cold++;
      d += initMs;
    }
    if (size === heap.length) {
      const h = new Float64Array(size * 2);
      h.set(heap);
      heap = h;
    }
    let j = size++;
    const c = t + d / 1000;
    while (j > 0) {
      const p = (j - 1) >> 1;
      if (heap[p] <= c) break;
      heap[j] = heap[p];
      j = p;
    }
    heap[j] = c;
  }
  return cold;
}

function compact(a: Float64Array, head: number, tail: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(Math.max(1024, (tail - head) * 2));
  b.set(a.subarray(head, tail));
  return b;
}
