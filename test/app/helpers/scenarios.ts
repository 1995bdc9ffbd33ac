/** Small seeded scenarios that simulate in milliseconds, for app and worker tests. */
import { DEFAULT_SCENARIO } from '../../../src/scenario/defaults.ts';
import type { Scenario } from '../../../src/scenario/schema.ts';

/** The default scenario shortened to `hours` (default 1 h: about 36,000 requests at 10 req/s). */
export function shortScenario(hours = 1, change: (s: Scenario) => void = () => {}): Scenario {
  const s = structuredClone(DEFAULT_SCENARIO);
  s.durationS = hours * 3600;
  change(s);
  return s;
}
