/** Setup for the jsdom test project: jest-dom matchers and the browser APIs jsdom lacks. */
import '@testing-library/jest-dom/vitest';

// Svelte's bind:clientWidth observes size changes; jsdom has no layout, so nothing ever fires.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};
