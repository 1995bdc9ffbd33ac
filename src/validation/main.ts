/** Browser entry of validation.html: the Validation page, in the app's theme. */
import { mount } from 'svelte';
import results from 'virtual:coldstart-validation';
import '../app/app.css';
import ValidationPage from './ValidationPage.svelte';

// The theme the app's switch stored (light / dark / system), so both pages look the same.
const theme = globalThis.localStorage?.getItem('coldstart-theme');
if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;

const target = document.getElementById('validation');
if (!target) throw new Error('validation.html must contain <div id="validation">');
export default mount(ValidationPage, { target, props: { results } });
