/** Shapes of the raw cold-start calibration files (parsed JSON) and checked readers for them. */

/** One row of lambda_perf `runtimeData` (maxday/lambda-perf `data/last.json`). */
export interface LambdaPerfRow {
  /** Id: lambda-perf-<runtime>-<zip|image>-<memory MB>-<arch>. */
  r: string;
  /** Packaging: 'zip' | 'image'. */
  p: string;
  /** Runtime label. */
  d: string;
  /** The measured Init Durations of the cold starts, ms (10 per row). */
  i: number[];
  /** Memory, MB. */
  m: number;
  /** Architecture: 'x86_64' | 'arm64'. */
  a: string;
  /** Mean handler duration of the same cold invocations, ms. */
  ad: number;
}

export interface LambdaPerfData {
  metadata?: { generatedAt?: string };
  runtimeData: LambdaPerfRow[];
}

/** A Shilkov chart: points = [label, median s, text, p2.5 s, p97.5 s, p16.5 s, p83.5 s, style]. */
export interface ShilkovChart {
  points: unknown[][];
}

/** Everything the init-model validation reads: lambda_perf, and Shilkov charts by file name without `.json`. */
export interface InitCalibrationData {
  lambdaPerf: LambdaPerfData;
  shilkov: { [file: string]: ShilkovChart };
}

/** The Shilkov charts the validation needs (file names without `.json`). */
export const SHILKOV_FILES = [
  'coldstart_aws_bydependencies',
  'coldstart_all_bydependencies',
  'coldstart_azure_bydependencies',
  'coldstart_aws_bymemory',
  'coldstart_aws_bymemoryxl',
  'coldstart_aws_bymemorycs',
  'coldstart_gcp_bymemory',
  'coldstart_gcp_bylanguage',
  'coldstart_azure_bylanguagega'
] as const;

/** A Shilkov point read as ms: median and the 95 % band. */
export interface ShilkovPoint {
  label: string;
  medianMs: number;
  p2_5Ms: number;
  p97_5Ms: number;
}

/** The point of `file` whose trimmed label is `label`; throws naming the file and label if absent or malformed. */
export function shilkovPoint(data: InitCalibrationData, file: string, label: string): ShilkovPoint {
  const chart = data.shilkov[file];
  if (!chart) throw new Error(`calibration file ${file}.json is missing`);
  const point = chart.points.find((p) => typeof p[0] === 'string' && p[0].trim() === label);
  if (!point) throw new Error(`${file}.json has no point labelled "${label}"`);
  const [, median, , lo, hi] = point;
  if (typeof median !== 'number' || typeof lo !== 'number' || typeof hi !== 'number') {
    throw new Error(`${file}.json point "${label}" must have numeric median and 95 % band (s)`);
  }
  return { label, medianMs: median * 1000, p2_5Ms: lo * 1000, p97_5Ms: hi * 1000 };
}

/** The lambda_perf row with id `id`; throws naming the id if absent. */
export function lambdaPerfRow(data: InitCalibrationData, id: string): LambdaPerfRow {
  const row = data.lambdaPerf.runtimeData.find((r) => r.r === id);
  if (!row) throw new Error(`lambda_perf has no row ${id}`);
  return row;
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const s = values.slice().sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
