import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/property/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    // Integration tests start real processes and train on real MNIST: give them room on 2 cores.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
