/** Data shapes of the Validation page's charts. */

/** A measurement: value and its error bar (2 SE), or no bar when the study gives none. */
export interface MeasuredPoint {
  x: number;
  y: number;
  lo: number | null;
  hi: number | null;
  label: string;
}

/** One model's values at the measured rates. */
export interface ModelSeries {
  id: string;
  label: string;
  color: string;
  /** SVG stroke-dasharray ('' = solid). */
  dash: string;
  values: { x: number; y: number }[];
}
