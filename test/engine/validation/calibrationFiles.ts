/** Test helper: reads the raw calibration files from data/calibration/ (Node only; the engine never does). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type {
  InitCalibrationData,
  LambdaPerfData,
  ShilkovChart
} from '../../../src/engine/validation/calibrationData.ts';
import { SHILKOV_FILES } from '../../../src/engine/validation/calibrationData.ts';

const DIR = fileURLToPath(new URL('../../../data/calibration/', import.meta.url));

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(DIR + path, 'utf8')) as T;
}

/** The lambda_perf file and the Shilkov charts the init model was calibrated on. */
export function loadInitCalibrationData(): InitCalibrationData {
  const shilkov: { [file: string]: ShilkovChart } = {};
  for (const file of SHILKOV_FILES)
    shilkov[file] = readJson<ShilkovChart>(`shilkov_coldstarts/${file}.json`);
  return { lambdaPerf: readJson<LambdaPerfData>('lambda_perf/2026-08-22.json'), shilkov };
}
