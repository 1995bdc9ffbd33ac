/** Amazon API Gateway per-request prices, us-east-1 (pricing-facts.md §1.8), a Lambda add-on. */
import { price, type Tier } from './price.ts';
import { SOURCES } from './sources.ts';

const { L14 } = SOURCES;

/** Per-request tiers by monthly requests; the 12-month free tier (new customers) is not modelled. */
export const API_GATEWAY: { http: Tier[]; rest: Tier[] } = {
  http: [
    { upTo: 300e6, price: price(1.0 / 1e6, 'request', L14, 'P') },
    { upTo: Infinity, price: price(0.9 / 1e6, 'request', L14, 'P') }
  ],
  rest: [
    { upTo: 333e6, price: price(3.5 / 1e6, 'request', L14, 'P') },
    { upTo: 1e9, price: price(2.8 / 1e6, 'request', L14, 'P') },
    { upTo: 20e9, price: price(2.38 / 1e6, 'request', L14, 'P') },
    { upTo: Infinity, price: price(1.51 / 1e6, 'request', L14, 'P') }
  ]
};
