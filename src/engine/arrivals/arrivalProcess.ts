/** The arrival-process interface: a cursor over request arrival times. */

export interface ArrivalProcess {
  /** The next arrival time, s, strictly increasing; Infinity once past the horizon. */
  next(): number;
}
