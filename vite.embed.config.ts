/**
 * Second build: the <coldstart-sim> web component as one script, dist/embed/coldstart-sim.js, with
 * its styles injected into its Shadow DOM and its worker inlined (TOOLCHAIN.md pitfalls 9–11).
 */
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    svelte({
      // Child components' CSS must reach the shadow root, so it is injected by the components themselves.
      emitCss: false,
      compilerOptions: { css: 'injected' },
      dynamicCompileOptions: ({ filename }) =>
        filename.endsWith('.ce.svelte') ? { customElement: true } : undefined
    })
  ],
  base: './',
  publicDir: false,
  worker: { format: 'es' },
  build: {
    outDir: 'dist/embed',
    emptyOutDir: true,
    rolldownOptions: {
      input: { 'coldstart-sim': 'src/embed/webComponent.ts' },
      output: { entryFileNames: '[name].js', codeSplitting: false }
    }
  }
});
