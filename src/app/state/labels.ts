/** Human names for scenario choices, as the editor and the charts print them. */
import type { Provider, Runtime, TrafficKind } from '../../scenario/schema.ts';

export const PROVIDER_LABELS: Record<Provider, string> = {
  'aws-lambda': 'AWS Lambda',
  'gcp-functions-gen1': 'Cloud Run functions (1st gen)',
  'gcp-cloud-run': 'Google Cloud Run',
  'azure-consumption': 'Azure Functions Consumption',
  'azure-flex': 'Azure Functions Flex Consumption',
  'cloudflare-workers': 'Cloudflare Workers'
};

export const RUNTIME_LABELS: Record<Runtime, string> = {
  nodejs20: 'Node.js 20',
  nodejs22: 'Node.js 22',
  python312: 'Python 3.12',
  python313: 'Python 3.13',
  java21: 'Java 21',
  dotnet8: '.NET 8',
  go: 'Go',
  rust: 'Rust',
  ruby33: 'Ruby 3.3'
};

export const TRAFFIC_LABELS: Record<TrafficKind, string> = {
  poisson: 'Random (Poisson) at a steady rate',
  constant: 'Evenly spaced',
  diurnal: 'Daily cycle',
  bursts: 'Bursts on a quiet base',
  trace: 'Replay a trace file'
};
