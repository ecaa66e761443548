import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Coverage runs in CI (CI=true) or with COVERAGE=1, and fails the run under its thresholds.
const coverage = process.env.CI === 'true' || process.env.COVERAGE === '1';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    testTimeout: 20_000,
    hookTimeout: 20_000,
    coverage: {
      enabled: coverage,
      provider: 'v8',
      include: ['src/**/*.ts', 'adapters/**/*.ts'],
      // Thin process entry points, run only as child processes; and a generated import list.
      exclude: ['src/cli/bin.ts', 'src/cli/demo.ts', 'src/testing/fixture-files.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 90, branches: 90 },
    },
  },
});
