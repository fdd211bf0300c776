import { configDefaults, defineConfig } from 'vitest/config';

// Unit tests live beside the code: src/**/*.test.{ts,tsx}, run in Node.
// Tests that need a DOM are named *.dom.test.tsx and run in jsdom (the `dom` project).
// Playwright's e2e/ is not vitest's business.
const exclude = [...configDefaults.exclude, 'e2e/**', 'dist*/**'];

export default defineConfig({
  define: { 'import.meta.env.VITE_SINGLE': JSON.stringify('') },
  test: {
    // A loaded two-core laptop runs a property test or a parser over a big fixture many times
    // slower than an idle one: no test may fail for want of a few seconds.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: [...exclude, 'src/**/*.dom.test.tsx'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.dom.test.tsx'],
          exclude,
          // Only so that @testing-library/react finds a global afterEach and unmounts
          // after each test; tests still import describe/it/expect from 'vitest'.
          globals: true,
          // The app loads every dictionary before a screen other than the start one renders.
          setupFiles: ['src/testing/messages.ts'],
        },
      },
    ],
  },
});
