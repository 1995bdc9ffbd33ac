/** The bill of one run (or one price-calculator query): line items, totals and their sources. */

export interface LineItem {
  /** Machine name, e.g. 'requests', 'compute', 'init', 'provisioned', 'keepWarm', 'freeTier'. */
  name: string;
  /** Human label, e.g. 'Requests'. */
  label: string;
  quantity: number;
  /** Unit of `quantity`, e.g. 'requests', 'GB-s', 'GiB-s', 'vCPU-s', 'CPU-ms', 'hours'. */
  unit: string;
  unitPriceUsd: number;
  /** Exact (unrounded) amount. */
  usd: number;
  /** The calculation in words: "3,000,000 × 1 s × 0.5 GB = 1,500,000 GB-s × $0.0000166667 = $25.00". */
  formula: string;
}

export interface PriceSource {
  title: string;
  url: string;
  /** When the price was read or is effective, e.g. '2025-10-01' or '2026-11-24'. */
  asOf: string;
}

export interface Cost {
  provider: string;
  lineItems: LineItem[];
  requestsUsd: number;
  computeUsd: number;
  /** Billed GB-seconds of handler (and INIT when billed) time, exact from integer MB·ms. */
  billedGbSeconds: number;
  initUsd: number;
  provisionedUsd: number;
  keepWarmUsd: number;
  /** Fixed fees: Cloudflare Workers Paid's $5 monthly base (it includes requests and CPU-ms); else 0. */
  baseUsd: number;
  /** Negative or zero. */
  freeTierUsd: number;
  totalUsd: number;
  /** totalUsd per million user requests; null when no request was served. */
  perMillionUsd: number | null;
  /** The same run scaled to a month of `monthHours`; null when the run is a month or longer. */
  monthly: { factor: number; totalUsd: number } | null;
  sources: PriceSource[];
  /** Assumptions and caveats in words. */
  notes: string[];
}
