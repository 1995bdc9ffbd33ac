import { describe, expect, it } from 'vitest';
import { restoreScenario } from '../../src/scenario/restore.ts';

function errors(input: unknown) {
  const r = restoreScenario(input);
  return r.ok ? [] : r.errors;
}

describe('restoreScenario: keep-alive policy, placement and trace traffic', () => {
  it.each([
    [
      'unknown keep-alive policy',
      { platform: { keepAlive: { policy: 'forever' } } },
      'platform.keepAlive.policy',
      /must be one of 'fixed', 'none', 'hybrid-histogram'/
    ],
    [
      'hybrid percentile above 100',
      { platform: { keepAlive: { policy: 'hybrid-histogram', keepAlivePercentile: 120 } } },
      'platform.keepAlive.keepAlivePercentile',
      /between 0 and 100/
    ],
    [
      'pre-warm percentile above keep-alive percentile',
      {
        platform: {
          keepAlive: { policy: 'hybrid-histogram', prewarmPercentile: 60, keepAlivePercentile: 50 }
        }
      },
      'platform.keepAlive.prewarmPercentile',
      /must not exceed keepAlivePercentile \(50\), got 60/
    ],
    [
      'unknown placement',
      { platform: { placement: 'anywhere' } },
      'platform.placement',
      /must be one of 'new-instance', 'first-free'/
    ],
    ['trace without a file', { traffic: { kind: 'trace' } }, 'traffic.file', /is required/],
    [
      'trace with a bad hash',
      { traffic: { kind: 'trace', file: { name: 'a.csv', sha256: 'xyz' } } },
      'traffic.file.sha256',
      /64 hex digits/
    ],
    [
      'trace selection top 0',
      { traffic: { kind: 'trace', file: 'a.csv', select: { mode: 'top', n: 0 } } },
      'traffic.select.n',
      /at least 1|≥ 1|between 1/
    ],
    [
      'trace selection of one function without an id',
      { traffic: { kind: 'trace', file: 'a.csv', select: { mode: 'one' } } },
      'traffic.select.id',
      /must name a function/
    ],
    [
      'unknown trace format',
      { traffic: { kind: 'trace', file: 'a.csv', format: 'xlsx' } },
      'traffic.format',
      /must be one of 'auto'/
    ]
  ])('%s', (_name, input, path, message) => {
    const found = errors(input).find((e) => e.path === path);
    expect(found, JSON.stringify(errors(input))).toBeDefined();
    expect(found!.message).toMatch(message);
  });

  it('fills trace defaults and keeps the hybrid parameters given', () => {
    const r = restoreScenario({
      traffic: { kind: 'trace', file: 'calls.csv', select: { mode: 'top', n: 5 } },
      platform: { keepAlive: { policy: 'hybrid-histogram', rangeMinutes: 120 } }
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.traffic).toEqual({
      kind: 'trace',
      file: { name: 'calls.csv', sizeBytes: null, sha256: null },
      durationsFile: null,
      memoryFile: null,
      format: 'auto',
      select: { mode: 'top', n: 5 },
      useTraceDurations: true,
      inline: null
    });
    expect(r.scenario.platform.keepAlive).toEqual({
      policy: 'hybrid-histogram',
      rangeMinutes: 120
    });
    expect(r.scenario.platform.placement).toBe('new-instance');
  });
});
