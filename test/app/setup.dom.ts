/** Setup for the jsdom test project: jest-dom matchers. */
import '@testing-library/jest-dom/vitest';
