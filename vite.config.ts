/// <reference types="vitest/config" />
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vite';
import { validationResults } from './src/validation/validationPlugin.ts';

export default defineConfig({
  // validationResults: the Validation page's figures, computed by the suite at build time.
  plugins: [svelte(), validationResults()],
  worker: { format: 'es' },
  // Three pages: the app, embed.html (charts only, for iframes) and validation.html (the Validation page).
  build: {
    rolldownOptions: {
      input: { main: 'index.html', embed: 'embed.html', validation: 'validation.html' }
    }
  },
  test: {
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.dom.test.ts'],
          environment: 'node'
        }
      },
      {
        // Svelte components and rune state classes, rendered in jsdom.
        extends: true,
        plugins: [svelteTesting()],
        test: {
          name: 'dom',
          include: ['test/**/*.dom.test.ts'],
          environment: 'jsdom',
          setupFiles: ['./test/app/setup.dom.ts']
        }
      }
    ]
  }
});
