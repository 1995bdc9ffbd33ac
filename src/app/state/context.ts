/** Typed context for the scenario being edited, shared by the editor's field controls. */
import { createContext } from 'svelte';
import type { ScenarioState } from './scenario.svelte.ts';

export const [getScenario, setScenario] = createContext<ScenarioState>();
