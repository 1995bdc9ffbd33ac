import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from '../../src/app/App.svelte';
import { ScenarioState } from '../../src/app/state/scenario.svelte.ts';
import { inProcessClients } from './helpers/inProcessClient.ts';
import { shortScenario } from './helpers/scenarios.ts';

/** The app on a one-hour scenario, its "workers" in-process. */
function renderApp() {
  const scenario = new ScenarioState();
  scenario.load(shortScenario(1));
  const { factory } = inProcessClients();
  return { scenario, ...render(App, { createClient: factory, scenario }) };
}

const done = (runs: number) =>
  waitFor(() => expect(screen.getByTestId('status').dataset.runs).toBe(String(runs)), {
    timeout: 20_000
  });

describe('App', () => {
  it('runs the scenario on load and shows the headline cost and the charts', async () => {
    renderApp();
    await done(1);
    expect(screen.getByTestId('headline-cost').textContent).toMatch(/^\$[\d,.]+$/);
    for (const id of ['latency', 'cost', 'timeline'])
      expect(screen.getByTestId(`chart-${id}`)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('chart-memory')).toBeInTheDocument(), {
      timeout: 20_000
    });
  });

  it('editing memory reruns and changes the cost', async () => {
    renderApp();
    await done(1);
    const before = screen.getByTestId('headline-cost').textContent;
    const memory = screen.getByLabelText('Memory') as HTMLInputElement;
    expect(memory.value).toBe('512');
    await fireEvent.input(memory, { target: { value: '2048' } });
    await done(2);
    expect(screen.getByTestId('headline-cost').textContent).not.toBe(before);
  });

  it('an invalid value shows its message next to the field and keeps the last result, marked stale', async () => {
    const { scenario } = renderApp();
    await done(1);
    const memory = screen.getByLabelText('Memory') as HTMLInputElement;
    await fireEvent.input(memory, { target: { value: '50' } });
    const message = await screen.findByTestId('error-function.memoryMb');
    expect(message.textContent).toBe(scenario.errorFor('function.memoryMb'));
    expect(memory).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('invalid-banner')).toBeInTheDocument();
    expect(screen.getByTestId('chart-cost')).toHaveClass('stale');
    expect(screen.getByTestId('headline-cost')).toBeInTheDocument();
  });

  it('rates are edited in the unit chosen: 600 per minute is 10 per second', async () => {
    const { scenario } = renderApp();
    await done(1);
    await fireEvent.change(screen.getByLabelText('Show rates'), { target: { value: 'min' } });
    const rate = screen.getByLabelText('Rate') as HTMLInputElement;
    // 10 req/s × 60 s = 600 req/min.
    expect(rate.value).toBe('600');
    await fireEvent.input(rate, { target: { value: '120' } });
    // 120 / 60 = 2 req/s.
    expect(scenario.draft.traffic).toEqual({ kind: 'poisson', ratePerS: 2 });
  });

  it('a preset replaces the scenario and Reset brings the default back', async () => {
    const { scenario } = renderApp();
    await done(1);
    await fireEvent.change(screen.getByLabelText('Start from'), {
      target: { value: 'spiky-webhook' }
    });
    expect(scenario.draft.traffic.kind).toBe('bursts');
    expect(screen.getByLabelText('Burst rate')).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(scenario.draft.traffic.kind).toBe('poisson');
  });
});

describe('App editor fields', () => {
  it('an emptied optional field falls back to its default instead of an error', async () => {
    const { scenario } = renderApp();
    await done(1);
    await fireEvent.change(screen.getByLabelText('Keep-alive policy'), {
      target: { value: JSON.stringify('hybrid-histogram') }
    });
    expect(scenario.draft.platform.keepAlive).toEqual({ policy: 'hybrid-histogram' });
    const range = screen.getByLabelText('Histogram range') as HTMLInputElement;
    await fireEvent.input(range, { target: { value: '120' } });
    expect(scenario.valid?.platform.keepAlive).toMatchObject({
      policy: 'hybrid-histogram',
      rangeMinutes: 120
    });
    await fireEvent.input(range, { target: { value: '' } });
    expect(scenario.errors).toEqual([]);
    expect(scenario.valid).not.toBeNull();
  });

  it('keep-alive is edited in minutes: 5 min is 300 s', async () => {
    const { scenario } = renderApp();
    await done(1);
    const keep = screen.getByLabelText('Keep idle instances for') as HTMLInputElement;
    // Default 600 s = 10 min.
    expect(keep.value).toBe('10');
    await fireEvent.input(keep, { target: { value: '5' } });
    expect(scenario.draft.platform.keepAliveS).toBe(300);
  });
});
