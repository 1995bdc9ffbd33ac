import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { ScenarioState } from '../../../src/app/state/scenario.svelte.ts';
import { TraceFiles } from '../../../src/app/state/traceFiles.svelte.ts';
import {
  AZ2021,
  inProcessReader,
  MALFORMED_2021,
  sampleFile,
  textFile
} from '../helpers/traceFiles.ts';
import TraceHarness from './TraceHarness.svelte';

function renderEditor(withFiles = true) {
  const scenario = new ScenarioState();
  const files = new TraceFiles(scenario, inProcessReader().reader);
  render(TraceHarness, withFiles ? { scenario, files } : { scenario });
  return { scenario, files };
}

async function chooseKindTrace(): Promise<void> {
  const pattern = screen.getByLabelText('Pattern') as HTMLSelectElement;
  await fireEvent.change(pattern, { target: { value: JSON.stringify('trace') } });
}

async function chooseFile(file: File, label = 'Trace file'): Promise<void> {
  await fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });
}

describe('the trace fields of the scenario editor', () => {
  it('"Replay a trace file" is a pattern, with a file picker, format, function selection, trace durations and the spreading note', async () => {
    renderEditor();
    const pattern = screen.getByLabelText('Pattern') as HTMLSelectElement;
    expect([...pattern.options].map((o) => o.textContent)).toContain('Replay a trace file');
    await chooseKindTrace();
    expect(screen.getByLabelText('Trace file')).toHaveAttribute('type', 'file');
    const format = screen.getByLabelText('Format') as HTMLSelectElement;
    expect([...format.options].map((o) => JSON.parse(o.value))).toEqual([
      'auto',
      'azure2019',
      'azure2021',
      'timestamps',
      'counts'
    ]);
    const functions = screen.getByLabelText('Functions') as HTMLSelectElement;
    expect([...functions.options].map((o) => JSON.parse(o.value))).toEqual(['all', 'top', 'one']);
    expect(screen.getByLabelText("Use the trace's durations")).toBeChecked();
    expect(screen.getByTestId('trace-spread-note').textContent).toMatch(
      /spread uniformly at random within each minute, seeded/
    );
  });

  it('a chosen sample is summarised, and "one function" lists its functions by invocations', async () => {
    const { scenario } = renderEditor();
    await chooseKindTrace();
    await chooseFile(sampleFile(AZ2021));
    // README §1: 998 invocations of 49 functions.
    await waitFor(() =>
      // Whitespace as rendered: the template's line breaks collapse to one space.
      expect(screen.getByTestId('trace-summary').textContent?.replace(/\s+/g, ' ')).toMatch(
        /azure2021: 49 functions, 998 invocations/
      )
    );
    await fireEvent.change(screen.getByLabelText('Functions'), {
      target: { value: JSON.stringify('one') }
    });
    const list = screen.getByLabelText('Function') as HTMLSelectElement;
    const counts = [...list.options].map((o) =>
      Number(o.textContent!.match(/: ([\d,]+) invocations/)![1].replace(/,/g, ''))
    );
    expect(counts).toHaveLength(49);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await fireEvent.change(list, { target: { value: list.options[2].value } });
    expect(scenario.draft.traffic.kind === 'trace' && scenario.draft.traffic.select).toEqual({
      mode: 'one',
      id: list.options[2].value
    });
    await fireEvent.change(screen.getByLabelText('Functions'), {
      target: { value: JSON.stringify('top') }
    });
    expect((screen.getByLabelText('N') as HTMLInputElement).value).toBe('10');
  });

  it('a malformed row is shown with its line and column next to the file, with the stop / skip choice', async () => {
    renderEditor();
    await chooseKindTrace();
    await chooseFile(textFile(MALFORMED_2021, 'bad.csv'));
    const error = await screen.findByTestId('trace-error');
    expect(error.textContent).toMatch(/bad\.csv: line 5, column "duration": "abc"/);
    const choice = screen.getByTestId('trace-on-error');
    expect(within(choice).getByLabelText('stop at the first one')).toBeChecked();
    await fireEvent.click(within(choice).getByLabelText('skip bad rows'));
    await waitFor(() =>
      expect(screen.getByTestId('trace-skipped').textContent).toMatch(
        /Skipped 1 bad row, the first: line 5/
      )
    );
    expect(screen.queryByTestId('trace-error')).toBeNull();
  });

  it('an empty file gets its message and the editor stays usable', async () => {
    const { scenario } = renderEditor();
    await chooseKindTrace();
    await chooseFile(textFile('', 'empty.csv'));
    expect((await screen.findByTestId('trace-error')).textContent).toMatch(
      /empty\.csv: empty file/
    );
    expect(screen.queryByTestId('trace-on-error')).toBeNull();
    await fireEvent.change(screen.getByLabelText('Pattern'), {
      target: { value: JSON.stringify('poisson') }
    });
    expect(scenario.valid?.traffic.kind).toBe('poisson');
  });

  it('unsorted timestamps: the notes say they were sorted', async () => {
    renderEditor();
    await chooseKindTrace();
    await chooseFile(textFile('timestamp\n100\n50\n75\n120\n', 'unsorted.csv'));
    await waitFor(() =>
      expect(screen.getByTestId('trace-notes').textContent).toMatch(/not in time order.*sorted/)
    );
  });

  it('without a file reader (the embed) the section says the file cannot be read here', async () => {
    renderEditor(false);
    await chooseKindTrace();
    expect(screen.getByTestId('trace-note').textContent).toMatch(/cannot read files/);
    expect(screen.queryByLabelText('Trace file')).toBeNull();
  });

  it('the keep-alive policy is offered in the platform section for every traffic kind', async () => {
    renderEditor();
    const policy = screen.getByLabelText('Keep-alive policy') as HTMLSelectElement;
    expect([...policy.options].map((o) => JSON.parse(o.value))).toEqual([
      'fixed',
      'none',
      'hybrid-histogram'
    ]);
    await chooseKindTrace();
    expect(screen.getByLabelText('Keep-alive policy')).toBeInTheDocument();
  });
});
