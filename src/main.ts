/** Browser entry: starts the first simulation worker, then mounts the Coldstart app. */
import { mount } from 'svelte';
import App from './app/App.svelte';
import './app/app.css';
import { LinkState } from './app/share/link.svelte.ts';
import { ScenarioState } from './app/state/scenario.svelte.ts';
import { createSimWorker, type SimClient } from './worker/client.ts';

const target = document.getElementById('app');
if (!target) throw new Error('index.html must contain <div id="app">');

// Start the first worker before mounting, so its script loads while the page renders.
let early: SimClient | null = createSimWorker();
function createClient(): SimClient {
  const client = early ?? createSimWorker();
  early = null;
  return client;
}

// The scenario comes from the link in the URL fragment (or is the default one).
const scenario = new ScenarioState();
const link = new LinkState(scenario);
// An embed link (`#embed&…`) shows only its charts; that page is loaded on demand.
const app = link.view.embed
  ? null
  : mount(App, { target, props: { createClient, scenario, link } });
if (link.view.embed) {
  void import('./embed/embedPage.ts').then((m) =>
    m.mountEmbedPage(target, { createClient, scenario, link })
  );
}
performance.mark('coldstart:mounted');

export default app;
