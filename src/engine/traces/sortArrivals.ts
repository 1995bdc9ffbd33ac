/** Sorts arrival times ascending, carrying per-invocation durations along. */

/**
 * sortArrivals(times, durations?) sorts in place; when durations are given, they are permuted the
 * same way (stable: equal times keep file order). Returns whether anything moved.
 */
export function sortArrivals(times: Float64Array, durations?: Float32Array): boolean {
  if (isSorted(times)) return false;
  if (durations === undefined) {
    times.sort();
    return true;
  }
  const n = times.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Typed-array sort with a comparator is stable (ES2019+), so ties keep file order.
  order.sort((a, b) => times[a] - times[b]);
  const t = times.slice();
  const d = durations.slice();
  for (let i = 0; i < n; i++) {
    times[i] = t[order[i]];
    durations[i] = d[order[i]];
  }
  return true;
}

export function isSorted(times: Float64Array): boolean {
  for (let i = 1; i < times.length; i++) if (times[i] < times[i - 1]) return false;
  return true;
}
