/// <reference types="vitest/config" />
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [svelte()],
  worker: { format: 'es' },
  // Two pages: the app, and embed.html (charts only, for iframes).
  build: { rolldownOptions: { input: { main: 'index.html', embed: 'embed.html' } } },
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
