/** Browser entry: starts the first simulation worker, then mounts the Coldstart app. */
import { mount } from 'svelte';
import App from './app/App.svelte';
import './app/app.css';
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

const app = mount(App, { target, props: { createClient } });
performance.mark('coldstart:mounted');

export default app;
