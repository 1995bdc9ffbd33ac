/** Where every measurement the suite compares against comes from: dates, licences, links. */

export interface ValidationSource {
  name: string;
  /** When the data were measured or published. */
  date: string;
  licence: string;
  url: string;
  /** What the suite uses it for. */
  use: string;
}

export const VALIDATION_SOURCES: readonly ValidationSource[] = [
  {
    name: 'Mahmoudi & Khazaei, SimFaaS experiments on AWS Lambda (exp.csv)',
    date: '2020 (published CLOSER 2021, arXiv:2102.08904); file at pacslab/simfaas 5dd1623',
    licence: 'MIT',
    url: 'https://github.com/pacslab/simfaas/blob/master/examples/exp.csv',
    use: 'cold-start probability and instance count vs arrival rate (20 experiments)'
  },
  {
    name: 'pacslab/serverless-performance-modeling, idle-expiry measurement',
    date: 'June 2020',
    licence: 'MIT',
    url: 'https://github.com/pacslab/serverless-performance-modeling/blob/master/deployments/02-results.ipynb',
    use: 'keep-alive of 640 s (warm after 635.8 s idle, gone after 645.0 s) and how exp.csv was counted'
  },
  {
    name: 'AWS Lambda documentation, execution environment lifecycle',
    date: 'read 2026',
    licence: 'AWS documentation (cited, not copied)',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html',
    use: '"Lambda terminates execution environments every few hours … even for functions that are invoked continuously"'
  },
  {
    name: 'maxday/lambda-perf daily cold-start benchmark',
    date: '2026-08-22',
    licence: 'Apache-2.0',
    url: 'https://github.com/maxday/lambda-perf',
    use: 'Init Duration medians per runtime, architecture, packaging and memory'
  },
  {
    name: 'Mikhail Shilkov, Serverless cold starts charts',
    date: '2019–2021 (site lastmod 2021-01-05)',
    licence: 'MIT',
    url: 'https://mikhail.io/serverless/coldstarts/',
    use: 'package-size and memory effects on cold-start time (AWS, Azure, GCP)'
  },
  {
    name: "Vendors' worked billing examples (AWS, Cloudflare, Microsoft, Heroku pages)",
    date: 'each example names its page version (2019–2026)',
    licence: "vendors' pages (figures cited)",
    url: 'https://aws.amazon.com/lambda/pricing/',
    use: 'bills reproduced to the cent'
  }
];
