/** Entry of embed.html: the embed page for the link in its fragment. */
import '../app/app.css';
import { LinkState } from '../app/share/link.svelte.ts';
import { ScenarioState } from '../app/state/scenario.svelte.ts';
import { createSimWorker } from '../worker/client.ts';
import { mountEmbedPage } from './embedPage.ts';

const target = document.getElementById('app');
if (!target) throw new Error('embed.html must contain <div id="app">');
const scenario = new ScenarioState();
const link = new LinkState(scenario);
export default mountEmbedPage(target, { createClient: createSimWorker, scenario, link });
