import { defineConfig } from 'vitest/config';
import SkipReasons from './test/support/skip-reasons.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every test file writes under a temporary directory of its own, removed after it, inside one for the run.
    globalSetup: ['test/support/temp-parent.ts'],
    setupFiles: ['test/support/temp-root.ts'],
    // Property suites over every template are CPU-bound; two workers match the machine.
    maxWorkers: 2,
    testTimeout: 60_000,
    // Set-up hooks spawn the built binary and score fixtures, as tests do: the same bound.
    hookTimeout: 60_000,
    // The default output, then one line per reason any test was skipped.
    reporters: ['default', new SkipReasons()],
  },
});
