/** Entry of the web component build (dist/embed/coldstart-sim.js): importing it defines <coldstart-sim>. */
import ColdstartSim from './ColdstartSim.ce.svelte';

export { ColdstartSim };
