/** The chart context: measured size, padding and scales, shared by a <Chart> with its layers and marks. */
import { createContext } from 'svelte';
import type { NumScale } from '../../charts/scales.ts';

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface ChartContext {
  /** Outer width and height, px. */
  readonly width: number;
  readonly height: number;
  readonly padding: Padding;
  /** Plot area (inside the padding), px. */
  readonly innerWidth: number;
  readonly innerHeight: number;
  readonly x: NumScale;
  readonly y: NumScale;
}

export const [getChart, setChart] = createContext<ChartContext>();
